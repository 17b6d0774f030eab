import { formatMinor, lineExposure, type IsoDate, type Money } from '../domain/index.js';

import type { NamedPositionLine } from './position-service.js';

/**
 * One Virtual Account × license line as a BI tool takes it: every column a report groups or
 * filters by on the row itself. GraphQL `PositionRow`, `/export/positions.csv` and
 * `/export/positions.jsonl` are this row, under these names, in `POSITION_ROW_COLUMNS` order.
 */
export interface PositionRow {
  readonly asOf: IsoDate;
  readonly virtualAccountName: string;
  readonly region: string | null;
  readonly businessUnit: string | null;
  readonly environment: string;
  readonly licenseName: string;
  readonly productFamily: string | null;
  readonly unit: string;
  readonly kind: string;
  readonly billing: string;
  readonly owned: number;
  readonly ownedSmart: number;
  readonly ownedClassic: number;
  readonly consumed: number;
  readonly reserved: number;
  readonly statedReserved: number | null;
  readonly balance: number;
  readonly shortfall: number;
  readonly surplus: number;
  readonly usageReportedAt: IsoDate | null;
  /** Net unit true-up price, a decimal string in `currency`; null when unpriced. */
  readonly unitPrice: string | null;
  /** shortfall × unitPrice, a decimal string in `currency`; null when unpriced. */
  readonly exposure: string | null;
  readonly currency: string | null;
}

/** A row with the ids its GraphQL object fields (virtualAccount, license) are loaded by. */
export interface PositionRowRecord extends PositionRow {
  readonly smartAccountId: number;
  readonly virtualAccountId: number;
  readonly licenseId: number;
}

/**
 * How a column is written: text and dates quoted in CSV; integers, sums and decimals bare in
 * CSV. In JSON Lines as GraphQL sends them: a `bigint` column (GraphQL `BigInt`, a sum that may
 * exceed 32 bits) as a string of digits, an `integer` one (`Int`) as a number.
 */
export type PositionColumnKind = 'text' | 'date' | 'integer' | 'bigint' | 'decimal';

/** The flat columns, in order: the GraphQL field names, the CSV header, the JSON Lines keys. */
export const POSITION_ROW_COLUMNS = [
  { name: 'asOf', kind: 'date' },
  { name: 'virtualAccountName', kind: 'text' },
  { name: 'region', kind: 'text' },
  { name: 'businessUnit', kind: 'text' },
  { name: 'environment', kind: 'text' },
  { name: 'licenseName', kind: 'text' },
  { name: 'productFamily', kind: 'text' },
  { name: 'unit', kind: 'text' },
  { name: 'kind', kind: 'text' },
  { name: 'billing', kind: 'text' },
  { name: 'owned', kind: 'bigint' },
  { name: 'ownedSmart', kind: 'bigint' },
  { name: 'ownedClassic', kind: 'bigint' },
  { name: 'consumed', kind: 'bigint' },
  { name: 'reserved', kind: 'bigint' },
  { name: 'statedReserved', kind: 'integer' },
  { name: 'balance', kind: 'bigint' },
  { name: 'shortfall', kind: 'bigint' },
  { name: 'surplus', kind: 'bigint' },
  { name: 'usageReportedAt', kind: 'date' },
  { name: 'unitPrice', kind: 'decimal' },
  { name: 'exposure', kind: 'decimal' },
  { name: 'currency', kind: 'text' },
] as const satisfies readonly { name: keyof PositionRow; kind: PositionColumnKind }[];

/**
 * The one mapping of a named line to its flat row: the exposure is the domain's rule
 * (`lineExposure`), money written as exact decimal strings.
 */
export const toPositionRow = (scope: {
  readonly smartAccountId: number;
  readonly asOf: IsoDate;
  readonly unitPrices: ReadonlyMap<number, Money>;
}) => {
  /** Per license: its unit price and a zero exposure as text (a page has many lines of one license). */
  const priceTexts = new Map<number, { unitPrice: string | null; zeroExposure: string | null }>();
  return (line: NamedPositionLine): PositionRowRecord => {
    const price = scope.unitPrices.get(line.licenseId);
    let text = priceTexts.get(line.licenseId);
    if (!text) {
      const zero = lineExposure(0, price);
      text = {
        unitPrice: price ? formatMinor(price.amountMinor) : null,
        zeroExposure: zero ? formatMinor(zero.amountMinor) : null,
      };
      priceTexts.set(line.licenseId, text);
    }
    // Most lines are not short: their exposure is the license's zero, written once.
    const exposure = line.shortfall === 0 ? null : lineExposure(line.shortfall, price);
    return {
      asOf: scope.asOf,
      virtualAccountName: line.virtualAccountName,
      region: line.region,
      businessUnit: line.businessUnit,
      environment: line.environment,
      licenseName: line.licenseName,
      productFamily: line.productFamily,
      unit: line.unit,
      kind: line.kind,
      billing: line.billing,
      owned: line.owned,
      ownedSmart: line.ownedSmart,
      ownedClassic: line.ownedClassic,
      consumed: line.consumed,
      reserved: line.reserved,
      statedReserved: line.ledger?.reserved ?? null,
      balance: line.balance,
      shortfall: line.shortfall,
      surplus: line.surplus,
      usageReportedAt: line.usageReportedAt,
      unitPrice: text.unitPrice,
      exposure: exposure ? formatMinor(exposure.amountMinor) : text.zeroExposure,
      currency: price?.currency ?? null,
      smartAccountId: scope.smartAccountId,
      virtualAccountId: line.virtualAccountId,
      licenseId: line.licenseId,
    };
  };
};
