import { BI_PAGE_SIZE } from '../queries.js';
import { median } from '../stats.js';
import type { BenchCase, CaseResult } from '../types.js';

import { apiPaging, floorPaging, type PagingSamples } from './paging.js';

/** A BI pull: positionRows(first: 5000) pages through the estate; rows per second. */
export const biPageCase: BenchCase = {
  name: 'bi-page',
  description: `positionRows(first: ${BI_PAGE_SIZE}) paging, rows/s vs the graphql-jit floor`,
  async run(context) {
    const floor = await floorPaging(context);
    const rate = (ms: number) => floor.rows / (ms / 1000);
    const floorRate = rate(median(floor.ms));
    const result = (name: string, api: PagingSamples, when: string): CaseResult => {
      if (floor.rows !== api.rows) {
        throw new Error(`the floor served ${floor.rows} rows, the API ${api.rows}`);
      }
      const value = rate(median(api.ms));
      const ratio = value / floorRate;
      return {
        name,
        status: 'ok',
        metric: `rows/s paging ${api.rows} rows by ${BI_PAGE_SIZE}, ${when}`,
        unit: 'rows/s',
        value,
        floorMetric: 'graphql-jit + node:http over rows in memory',
        floor: floorRate,
        ratio,
        goal: '≥ 0.5× (rate)',
        meetsGoal: ratio >= 0.5,
        samples: api.ms.map(rate),
        floorSamples: floor.ms.map(rate),
        details: { rows: api.rows, pages: api.pages },
      };
    };
    return [
      result('bi-page', await apiPaging(context, 'cold'), 'after a write'),
      result('bi-page-warm', await apiPaging(context, 'warm'), 'warm'),
    ];
  },
};
