import { positionSumsQuery } from '@trueup/api';

import { median, sample } from '../stats.js';
import type { BenchCase, CaseResult } from '../types.js';

import { apiPaging, type PagingSamples } from './paging.js';

/** Full-account position through every layer vs the raw SQL aggregate alone. */
export const positionCase: BenchCase = {
  name: 'position',
  description:
    'full-account positionRows via GraphQL over HTTP (after a write, and warm) vs the raw SQL aggregate',
  async run(context) {
    const cold = await apiPaging(context, 'cold');
    const warm = await apiPaging(context, 'warm');
    const aggregate = positionSumsQuery({
      smartAccountId: context.smartAccountId,
      asOf: context.asOf,
    });
    let sqlRows = 0;
    const floorMs = await sample(context.scale.runs, async () => {
      sqlRows = (await context.handle.rows(aggregate)).length;
    });
    const floor = median(floorMs);
    const result = (name: string, api: PagingSamples, when: string): CaseResult => {
      const value = median(api.ms);
      const ratio = value / floor;
      return {
        name,
        status: 'ok',
        metric: `all ${api.rows} rows via GraphQL/HTTP (${api.pages} pages), ${when}`,
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
    };
    return [
      result('position', cold, 'after a write'),
      result('position-warm', warm, 'nothing written since the last read'),
    ];
  },
};
