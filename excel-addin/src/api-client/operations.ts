/**
 * Every GraphQL operation the add-in sends, with its result and variable types. A test validates
 * each document against api/schema.graphql, so a schema change that breaks the add-in fails CI.
 */
import { op } from './operation.js';

export type { Operation } from './operation.js';

/**
 * A GraphQL `BigInt` (sums of license units): a JSON string of base-10 digits, exact beyond
 * 2^53. Cells are doubles; {@link units} converts.
 */
export type BigIntString = string;

/** A `BigInt` as a cell number (exact below 2^53, 15 significant digits beyond, as Excel keeps). */
export const units = (value: BigIntString): number => Number(value);

export interface SmartAccountsData {
  smartAccounts: { domain: string; name: string }[];
}
export const SMART_ACCOUNTS = op<SmartAccountsData, Record<string, never>>(
  'SmartAccounts',
  `query SmartAccounts { smartAccounts { domain name } }`,
);

/** One Virtual Account × license line (flat PositionRow columns), as the Positions sheet shows it. */
export interface PositionLineData {
  virtualAccountName: string;
  licenseName: string;
  productFamily: string | null;
  owned: BigIntString;
  consumed: BigIntString;
  reserved: BigIntString;
  balance: BigIntString;
  shortfall: BigIntString;
  surplus: BigIntString;
  /** Decimal strings in `currency`; null when unpriced. */
  unitPrice: string | null;
  exposure: string | null;
  currency: string | null;
  billing: string;
  usageReportedAt: string | null;
}
export interface MoneyData {
  amount: string;
  currency: string;
}
const POSITION_LINE_FIELDS = `virtualAccountName licenseName productFamily
  owned consumed reserved balance shortfall surplus
  unitPrice exposure currency billing usageReportedAt`;

export interface PositionRowsData {
  smartAccount: {
    positionRows: {
      totalCount: number;
      nodes: PositionLineData[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}
export interface PositionRowsVars {
  domain: string;
  asOf?: string | null;
  first: number;
  after?: string | null;
  filter?: { virtualAccountNames?: string[]; licenseNames?: string[] } | null;
}
export const POSITION_ROWS = op<PositionRowsData, PositionRowsVars>(
  'PositionRows',
  `query PositionRows($domain: String!, $asOf: Date, $first: Int!, $after: String, $filter: PositionFilter) {
    smartAccount(domain: $domain) {
      positionRows(asOf: $asOf, first: $first, after: $after, filter: $filter) {
        totalCount
        nodes { ${POSITION_LINE_FIELDS} }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`,
);

export interface FindingData {
  code: string;
  severity: string;
  message: string;
  virtualAccountName: string | null;
  licenseName: string | null;
  quantity: BigIntString;
  money: { amount: string; currency: string } | null;
}
export interface FindingsData {
  smartAccount: {
    findings: {
      nodes: FindingData[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}
export const FINDINGS = op<
  FindingsData,
  { domain: string; asOf?: string | null; first: number; after?: string | null }
>(
  'Findings',
  `query Findings($domain: String!, $asOf: Date, $first: Int!, $after: String) {
    smartAccount(domain: $domain) {
      findings(asOf: $asOf, first: $first, after: $after) {
        nodes { code severity message virtualAccountName licenseName quantity money { amount currency } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`,
);

export interface AccountNamesData {
  smartAccount: { virtualAccounts: { name: string }[]; licenses: { name: string }[] } | null;
}
export const ACCOUNT_NAMES = op<AccountNamesData, { domain: string }>(
  'AccountNames',
  `query AccountNames($domain: String!) {
    smartAccount(domain: $domain) { virtualAccounts { name } licenses { name } }
  }`,
);

/**
 * One request for many custom-function cells: one aliased `positionRows` per distinct as-of
 * date, filtered to the Virtual Accounts and licenses the cells name.
 */
export function cellBatchDocument(groups: number): string {
  const variables: string[] = ['$domain: String!', '$first: Int!'];
  const fields: string[] = [];
  for (let i = 0; i < groups; i++) {
    variables.push(`$asOf${i}: Date`, `$vas${i}: [String!]`, `$licenses${i}: [String!]`);
    fields.push(
      `g${i}: positionRows(asOf: $asOf${i}, first: $first, filter: { virtualAccountNames: $vas${i}, licenseNames: $licenses${i} }) {
        nodes { virtualAccountName licenseName owned consumed balance shortfall exposure currency }
        pageInfo { hasNextPage endCursor }
      }`,
    );
  }
  return `query CellBatch(${variables.join(', ')}) {
    smartAccount(domain: $domain) { ${fields.join('\n')} }
  }`;
}

export interface CellLine {
  virtualAccountName: string;
  licenseName: string;
  owned: BigIntString;
  consumed: BigIntString;
  balance: BigIntString;
  shortfall: BigIntString;
  /** A decimal string in `currency`; null when unpriced. */
  exposure: string | null;
  currency: string | null;
}
export interface CellBatchData {
  smartAccount: Record<
    string,
    { nodes: CellLine[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }
  > | null;
}
