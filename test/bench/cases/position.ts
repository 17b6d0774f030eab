import { positionSumsQuery } from '@trueup/api';

import { median, sample } from '../stats.js';
import type { BenchCase } from '../types.js';

import { apiPaging } from './paging.js';

/** Full-account position through every layer vs the raw SQL aggregate alone. */
export const positionCase: BenchCase = {
  name: 'position',
  description: 'full-account positionRows via GraphQL over HTTP vs the raw SQL aggregate',
  async run(context) {
    const api = await apiPaging(context);
    const aggregate = positionSumsQuery({
      smartAccountId: context.smartAccountId,
      asOf: context.asOf,
    });
    let sqlRows = 0;
    const floorMs = await sample(context.scale.runs, async () => {
      sqlRows = (await context.handle.rows(aggregate)).length;
    });
    const value = median(api.ms);
    const floor = median(floorMs);
    const ratio = value / floor;
    return {
      name: 'position',
      status: 'ok',
      metric: `all ${api.rows} rows via GraphQL/HTTP (${api.pages} pages)`,
      unit: 'ms',
      value,
      floorMetric: `raw SQL aggregate (${sqlRows} rows)`,
      floor,
      ratio,
      goal: '≤ 1.0× (time)',
      meetsGoal: ratio <= 1,
      samples: api.ms,
      floorSamples: floorMs,
      details: { rows: api.rows, pages: api.pages, sqlRows },
    };
  },
};
