import { BI_PAGE_SIZE } from '../queries.js';
import { median } from '../stats.js';
import type { BenchCase } from '../types.js';

import { apiPaging, floorPaging } from './paging.js';

/** A BI pull: positionRows(first: 5000) pages through the estate; rows per second. */
export const biPageCase: BenchCase = {
  name: 'bi-page',
  description: `positionRows(first: ${BI_PAGE_SIZE}) paging, rows/s vs the graphql-jit floor`,
  async run(context) {
    const api = await apiPaging(context);
    const floor = await floorPaging(context);
    if (floor.rows !== api.rows) {
      throw new Error(`the floor served ${floor.rows} rows, the API ${api.rows}`);
    }
    const rate = (ms: number) => api.rows / (ms / 1000);
    const value = rate(median(api.ms));
    const floorRate = rate(median(floor.ms));
    const ratio = value / floorRate;
    return {
      name: 'bi-page',
      status: 'ok',
      metric: `rows/s paging ${api.rows} rows by ${BI_PAGE_SIZE}`,
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
  },
};
