import { median, sample } from '../stats.js';
import type { BenchCase } from '../types.js';

/** Every finding of the account vs the position alone (findings start from the position). */
export const findingsCase: BenchCase = {
  name: 'findings',
  description: 'all findings of the Smart Account vs its position alone (services, in process)',
  async run(context) {
    const query = {
      smartAccountId: context.smartAccountId,
      asOf: context.asOf,
      includeClassic: true,
    };
    let findings = 0;
    const findingsMs = await sample(context.scale.runs, async () => {
      findings = (await context.services.findings(query)).length;
    });
    let lines = 0;
    const positionMs = await sample(context.scale.runs, async () => {
      lines = (await context.services.position.lines(query)).length;
    });
    const value = median(findingsMs);
    const floor = median(positionMs);
    return {
      name: 'findings',
      status: 'ok',
      metric: `all ${findings} findings`,
      unit: 'ms',
      value,
      floorMetric: `position alone (${lines} lines)`,
      floor,
      ratio: value / floor,
      goal: 'reported (no goal set)',
      meetsGoal: null,
      samples: findingsMs,
      floorSamples: positionMs,
      details: { findings, lines },
    };
  },
};
