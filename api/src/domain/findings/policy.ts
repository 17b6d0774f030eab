import { assert } from '../errors.js';

import { DEFAULT_FINDINGS_POLICY, type FindingsPolicy } from './findings-input.js';

function checkDays(value: number, field: string, minimum: number): void {
  assert(
    Number.isSafeInteger(value) && value >= minimum,
    'INVALID_QUANTITY',
    `policy ${field} must be an integer of at least ${minimum} days`,
    { field, value },
  );
}

/**
 * The policy in force: `DEFAULT_FINDINGS_POLICY` with the given overrides. Throws
 * `INVALID_QUANTITY` unless lead times are a non-empty list of positive whole days, the
 * windows are positive and the satellite alert fits inside its deadline.
 */
export function resolvePolicy(overrides: Partial<FindingsPolicy> = {}): FindingsPolicy {
  const policy: FindingsPolicy = { ...DEFAULT_FINDINGS_POLICY, ...overrides };
  assert(policy.leadTimeDays.length > 0, 'INVALID_QUANTITY', 'policy leadTimeDays is empty', {
    field: 'leadTimeDays',
  });
  for (const lead of policy.leadTimeDays) checkDays(lead, 'leadTimeDays', 1);
  checkDays(policy.reportingWindowDays, 'reportingWindowDays', 1);
  checkDays(policy.perpetualReportingWindowDays, 'perpetualReportingWindowDays', 1);
  checkDays(policy.satelliteSyncDeadlineDays, 'satelliteSyncDeadlineDays', 1);
  checkDays(policy.satelliteAlertDays, 'satelliteAlertDays', 0);
  assert(
    policy.satelliteAlertDays <= policy.satelliteSyncDeadlineDays,
    'INVALID_QUANTITY',
    'policy satelliteAlertDays must not exceed satelliteSyncDeadlineDays',
    { field: 'satelliteAlertDays', value: policy.satelliteAlertDays },
  );
  return policy;
}
