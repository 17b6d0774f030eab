import { requestHeaders, post, type GraphqlEndpoint } from '../http-client.js';
import { BI_PAGE_SIZE } from '../queries.js';
import { median, timed } from '../stats.js';
import type { BenchCase, BenchContext } from '../types.js';

/** Every flat column of PositionRow: tags, catalog columns, the split and the money. */
export const FLAT = `asOf virtualAccountName region businessUnit environment licenseName productFamily unit
  kind billing owned ownedSmart ownedClassic consumed reserved statedReserved balance shortfall
  surplus usageReportedAt unitPrice exposure currency`;

/** The same columns the nested way: tags and catalog columns through the two objects. */
const NESTED = `asOf virtualAccountName licenseName billing owned ownedSmart ownedClassic consumed
  reserved statedReserved balance shortfall surplus usageReportedAt unitPrice exposure currency
  virtualAccount { region businessUnit environment } license { productFamily unit kind }`;

export const pageQuery = (columns: string) => /* GraphQL */ `
  query BenchFlat($domain: String!, $asOf: Date, $first: Int, $after: String) {
    smartAccount(domain: $domain) {
      positionRows(asOf: $asOf, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { ${columns} }
      }
    }
  }`;

interface Page {
  smartAccount: {
    positionRows: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: readonly unknown[];
    };
  } | null;
}

export async function pull(endpoint: GraphqlEndpoint, context: BenchContext, query: string) {
  let after: string | null = null;
  let rows = 0;
  let pages = 0;
  for (;;) {
    const data: Page = await post<Page>(endpoint, query, {
      domain: context.domain,
      asOf: context.asOf,
      first: BI_PAGE_SIZE,
      after,
    });
    const page = data.smartAccount!.positionRows;
    rows += page.nodes.length;
    pages += 1;
    if (!page.pageInfo.hasNextPage) return { rows, pages };
    after = page.pageInfo.endCursor;
  }
}

/** Downloads an export whole (the body streamed to the end); returns its line count less the header. */
async function download(context: BenchContext, format: 'csv' | 'jsonl'): Promise<number> {
  const base = context.api.url.replace(/\/graphql$/, '');
  const response = await fetch(
    `${base}/export/positions.${format}?smartAccount=${context.domain}&asOf=${context.asOf}`,
    { headers: requestHeaders(context.api) },
  );
  if (!response.ok) throw new Error(`export ${format}: HTTP ${response.status}`);
  const text = await response.text();
  const lines = text.split('\n').length - 1;
  return format === 'csv' ? lines - 1 : lines;
}

/**
 * A flat full pull (every tag column on the row, pages of 5,000) against the nested pull of the
 * same columns (tags through virtualAccount / license), and the bulk exports of the same rows,
 * all warm, taken in turn within each run so the machine's load falls on all alike.
 */
export const biFlatCase: BenchCase = {
  name: 'bi-flat',
  description: `flat positionRows(first: ${BI_PAGE_SIZE}) full pull vs nested, and the CSV / JSON Lines exports`,
  async run(context) {
    const pulls = {
      flat: () => pull(context.api, context, pageQuery(FLAT)),
      nested: () => pull(context.api, context, pageQuery(NESTED)),
      csv: async () => ({ rows: await download(context, 'csv'), pages: 1 }),
      jsonl: async () => ({ rows: await download(context, 'jsonl'), pages: 1 }),
    };
    const shapes: Record<string, { rows: number; pages: number }> = {};
    for (const [name, work] of Object.entries(pulls)) shapes[name] = await work();
    const rows = new Set(Object.values(shapes).map((s) => s.rows));
    if (rows.size !== 1)
      throw new Error(`the pulls disagree on the rows: ${JSON.stringify(shapes)}`);
    const ms = {
      flat: [] as number[],
      nested: [] as number[],
      csv: [] as number[],
      jsonl: [] as number[],
    };
    for (let run = 0; run < context.scale.runs; run++) {
      for (const name of ['flat', 'nested', 'csv', 'jsonl'] as const)
        ms[name].push((await timed(pulls[name])).ms);
    }
    const at = (name: keyof typeof ms) => median(ms[name]);
    return {
      name: 'bi-flat',
      status: 'ok',
      metric: `ms for a flat full pull of ${shapes.flat!.rows} rows × 23 columns by ${BI_PAGE_SIZE}, warm`,
      unit: 'ms',
      value: at('flat'),
      floorMetric: 'the nested pull of the same columns (virtualAccount { … } license { … })',
      floor: at('nested'),
      ratio: at('flat') / at('nested'),
      goal: 'flat < nested',
      meetsGoal: at('flat') < at('nested'),
      samples: ms.flat,
      floorSamples: ms.nested,
      details: {
        rows: shapes.flat!.rows,
        pages: shapes.flat!.pages,
        csvMs: at('csv'),
        jsonlMs: at('jsonl'),
        csvOverFlat: at('csv') / at('flat'),
        jsonlOverFlat: at('jsonl') / at('flat'),
      },
    };
  },
};
