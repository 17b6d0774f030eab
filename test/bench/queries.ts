import { post, type GraphqlEndpoint } from './http-client.js';

/** The flat position page a BI tool pulls (the same document is served by the floor server). */
export const POSITION_PAGE = /* GraphQL */ `
  query BenchPositionPage(
    $domain: String!
    $asOf: Date
    $first: Int
    $after: String
    $filter: PositionFilter
  ) {
    smartAccount(domain: $domain) {
      positionRows(asOf: $asOf, first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          virtualAccountName
          licenseName
          owned
          ownedSmart
          ownedClassic
          consumed
          reserved
          balance
          shortfall
          surplus
        }
      }
    }
  }
`;

/** The largest page the API serves (services/pagination.ts MAX_PAGE_SIZE). */
export const BI_PAGE_SIZE = 5000;

export interface PositionPageData {
  smartAccount: {
    positionRows: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: readonly Record<string, unknown>[];
    };
  } | null;
}

/** Pages through every position row of `domain`; returns the row and page counts. */
export async function pageAllPositionRows(
  endpoint: GraphqlEndpoint,
  domain: string,
  asOf: string,
): Promise<{ rows: number; pages: number }> {
  let after: string | null = null;
  let rows = 0;
  let pages = 0;
  for (;;) {
    const data: PositionPageData = await post<PositionPageData>(endpoint, POSITION_PAGE, {
      domain,
      asOf,
      first: BI_PAGE_SIZE,
      after,
    });
    const page = data.smartAccount?.positionRows;
    if (!page) throw new Error(`no Smart Account ${domain} at ${endpoint.url}`);
    rows += page.nodes.length;
    pages += 1;
    if (!page.pageInfo.hasNextPage) return { rows, pages };
    after = page.pageInfo.endCursor;
  }
}

/** Variables of the one-Virtual-Account request used under load. */
export function oneVirtualAccountVariables(domain: string, asOf: string, virtualAccount: string) {
  return {
    domain,
    asOf,
    first: BI_PAGE_SIZE,
    filter: { virtualAccountNames: [virtualAccount] },
  };
}
