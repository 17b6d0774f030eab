import { FINDING_CODES } from './codes.js';
import { indexEstate } from './estate.js';
import type { Finding } from './finding.js';
import type { FindingsInput } from './findings-input.js';
import { allocateMoney } from './money.js';
import { compareFindings } from './order.js';
import { resolvePolicy } from './policy.js';
import { FINDING_RULES } from './rules.js';
import { validateFindingsInput } from './validate.js';

/**
 * Every finding of one Smart Account at `input.asOf`, each with its severity, subject,
 * quantity, money (bigint minor units; each short unit priced once, see `allocateMoney`) and
 * the rows that prove it,
 * sorted by `compareFindings`. Pure: the input is not modified and equal inputs give
 * deep-equal outputs. Throws `DomainError` (INVALID_DATE, INVALID_QUANTITY,
 * UNKNOWN_VIRTUAL_ACCOUNT) on malformed input; discrepancies are findings, never errors.
 */
export function findings(input: FindingsInput): Finding[] {
  validateFindingsInput(input);
  const estate = indexEstate(input, resolvePolicy(input.policy));
  const all = FINDING_CODES.flatMap((code): readonly Finding[] => FINDING_RULES[code](estate));
  return allocateMoney(all).sort(compareFindings);
}
