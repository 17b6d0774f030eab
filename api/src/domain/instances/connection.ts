import type { ConnectionMode } from './connection-mode.js';

/**
 * What a source states about a device's connection. `ONLINE` is a registration that names no
 * transport (`Smart Licensing`, `Smart Licensing Using Policy`): the device is not reserved, and
 * reports either to Cisco directly or through a satellite.
 */
export type StatedConnection = ConnectionMode | 'ONLINE';

/** What one import knows about one device's connection; `S` identifies a satellite. */
export interface ConnectionFacts<S> {
  /** The mode the row states, or null when it states none (or one Trueup does not know). */
  readonly stated: StatedConnection | null;
  /** The satellite the row names (`Satellite` / `On-Prem Server`). */
  readonly satellite: S | null;
  /** The SSM On-Prem server the import came from (`onprem:<host>`), else null. */
  readonly sourceSatellite: S | null;
  /** What is stored for the device, or null for a device not seen before. */
  readonly stored: { readonly mode: ConnectionMode; readonly satellite: S | null } | null;
}

export interface Connection<S> {
  readonly mode: ConnectionMode;
  readonly satellite: S | null;
}

const RANK: Readonly<Record<StatedConnection, number>> = {
  ONLINE: 0,
  DIRECT_CLOUD: 1,
  ON_PREM: 2,
  SLR: 3,
  PLR: 3,
};

/**
 * The most specific of several statements about one device (e.g. a `Connection` and a
 * `Registration Type` column, or a status text): a reservation over a satellite over direct
 * cloud over a bare `Smart Licensing`; on a tie, the first. Null when none states anything.
 */
export function mostSpecificConnection(
  statements: readonly (StatedConnection | null)[],
): StatedConnection | null {
  let best: StatedConnection | null = null;
  for (const stated of statements) {
    if (stated !== null && (best === null || RANK[stated] > RANK[best])) best = stated;
  }
  return best;
}

/**
 * A device's connection after an import, from what the import states and what is stored:
 *
 * - a reservation (SLR/PLR) stated is kept whatever else is said; its satellite is the one the
 *   row or the import names (SSM On-Prem also serves reservations), else none;
 * - otherwise a satellite named by the row, else the On-Prem server the import came from, makes
 *   the device ON_PREM through it;
 * - `ON_PREM` stated without a satellite keeps the stored satellite; `DIRECT_CLOUD` stated
 *   drops it;
 * - `ONLINE` (a registration without transport) leaves an ON_PREM device on its satellite and
 *   makes any other (a reservation returned, a new device) DIRECT_CLOUD;
 * - nothing stated keeps what is stored: a re-import that omits the mode never downgrades a
 *   reserved or On-Prem device. A new device stating nothing is DIRECT_CLOUD.
 */
export function resolveConnection<S>(facts: ConnectionFacts<S>): Connection<S> {
  const known = connectionBeforeStored(facts);
  return 'mode' in known ? known : applyStored(known.rule, facts.stored);
}

/**
 * How the stored connection decides a device's connection when what the import states does not:
 * `KEEP_SATELLITE` (ON_PREM on the stored satellite), `ON_PREM_ELSE_DIRECT` (an ON_PREM device
 * stays on its satellite, any other becomes DIRECT_CLOUD), `STORED_ELSE_DIRECT` (the stored
 * connection, DIRECT_CLOUD for a new device).
 */
export type StoredConnectionRule = 'KEEP_SATELLITE' | 'ON_PREM_ELSE_DIRECT' | 'STORED_ELSE_DIRECT';

/**
 * `resolveConnection` in two steps, for writers that apply the stored connection inside the
 * database (a set-based import): the connection when the import's facts decide it alone, else
 * the rule that the stored connection decides it by (applied by `applyStored`).
 */
export function connectionBeforeStored<S>(
  facts: Omit<ConnectionFacts<S>, 'stored'>,
): Connection<S> | { readonly rule: StoredConnectionRule } {
  const { stated } = facts;
  const named = facts.satellite ?? facts.sourceSatellite;
  if (stated === 'SLR' || stated === 'PLR') return { mode: stated, satellite: named };
  if (named !== null) return { mode: 'ON_PREM', satellite: named };
  switch (stated) {
    case 'ON_PREM':
      return { rule: 'KEEP_SATELLITE' };
    case 'DIRECT_CLOUD':
      return { mode: 'DIRECT_CLOUD', satellite: null };
    case 'ONLINE':
      return { rule: 'ON_PREM_ELSE_DIRECT' };
    case null:
      return { rule: 'STORED_ELSE_DIRECT' };
  }
}

/** A `StoredConnectionRule` applied to what is stored (null: a device not seen before). */
export function applyStored<S>(
  rule: StoredConnectionRule,
  stored: Connection<S> | null,
): Connection<S> {
  switch (rule) {
    case 'KEEP_SATELLITE':
      return { mode: 'ON_PREM', satellite: stored?.satellite ?? null };
    case 'ON_PREM_ELSE_DIRECT':
      return stored?.mode === 'ON_PREM' ? stored : { mode: 'DIRECT_CLOUD', satellite: null };
    case 'STORED_ELSE_DIRECT':
      return stored ?? { mode: 'DIRECT_CLOUD', satellite: null };
  }
}
