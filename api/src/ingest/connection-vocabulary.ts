import type { StatedConnection } from '../domain/instances/connection.js';

import type { InstanceRecord } from './records.js';

/**
 * The registration and connection vocabulary of product instance sources (cisco-formats.md §1,
 * §5, §7.3, §8, §9), shared by the instances CSV and the devices JSON. Texts are compared in
 * upper case with runs of spaces, `-`, `_` and `/` read as one space, so
 * `REGISTERED - SPECIFIC LICENSE RESERVATION` reads like `Specific License Reservation`.
 * First match wins: a reservation before a transport before a bare registration.
 */
const MODES: readonly (readonly [RegExp, StatedConnection | null])[] = [
  [/\bSPECIFIC\b|\bSLR\b/, 'SLR'],
  [/\bPERMANENT\b|\bUNIVERSAL\b|\bPLR\b/, 'PLR'],
  // A reservation that says neither specific nor permanent is not guessed.
  [/RESERV/, null],
  [/\bON ?PREM(ISES?)?\b|\bSATELLITE\b|\bCSLU\b/, 'ON_PREM'],
  [/\bDIRECT\b|\bCLOUD\b|\bSMART TRANSPORT\b|\bCALL ?HOME\b|\bCSSM\b/, 'DIRECT_CLOUD'],
  [/\bSMART\b|\bSLUP\b|\bUSING POLICY\b/, 'ONLINE'],
];

const STATUSES: readonly (readonly [RegExp, NonNullable<InstanceRecord['status']>])[] = [
  [/^(ACTIVE|REGISTERED|AUTHORI[SZ]ED|IN COMPLIANCE|OUT OF COMPLIANCE|RESERVED)\b/, 'ACTIVE'],
  [/DECOMMISSION|REMOVED|DEREGISTERED|UNREGISTERED|INACTIVE|RETIRED|DELETED/, 'DECOMMISSIONED'],
];

function normalise(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s_/-]+/g, ' ')
    .trim();
}

/**
 * The mode a connection or registration value states: `Direct`, `Cloud`, `CSSM` → DIRECT_CLOUD;
 * `SSM On-Prem`, `On-Prem`, `Satellite`, `CSLU` → ON_PREM; `SLR`, `Specific License
 * Reservation` → SLR; `PLR`, `Permanent`/`Universal License Reservation` → PLR; `Smart
 * Licensing`, `Smart Licensing Using Policy`, `SLUP` → ONLINE (no transport named). Undefined
 * for anything else: the caller warns and keeps the stored mode.
 */
export function parseConnectionText(text: string): StatedConnection | undefined {
  const normal = normalise(text);
  const found = MODES.find(([pattern]) => pattern.test(normal));
  return found?.[1] ?? undefined;
}

/**
 * The mode a device status text names, if any (`REGISTERED - SPECIFIC LICENSE RESERVATION` →
 * SLR); null when it names none (`Active`), which is no reason to warn.
 */
export function connectionInStatus(text: string): StatedConnection | null {
  return parseConnectionText(text) ?? null;
}

/**
 * A device status: `Active`, `Registered…`, `Authorized`, `In/Out Of Compliance`, `Reserved` →
 * ACTIVE; `Decommissioned`, `Removed`, `Deregistered`, `Unregistered`, `Inactive`, `Retired`,
 * `Deleted` → DECOMMISSIONED; undefined otherwise.
 */
export function parseStatusText(text: string): InstanceRecord['status'] | undefined {
  const normal = normalise(text);
  return STATUSES.find(([pattern]) => pattern.test(normal))?.[1];
}
