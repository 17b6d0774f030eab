import type { ConnectionMode } from '../findings/findings-input.js';

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
  const { stated, stored } = facts;
  const named = facts.satellite ?? facts.sourceSatellite;
  if (stated === 'SLR' || stated === 'PLR') return { mode: stated, satellite: named };
  if (named !== null) return { mode: 'ON_PREM', satellite: named };
  switch (stated) {
    case 'ON_PREM':
      return { mode: 'ON_PREM', satellite: stored?.satellite ?? null };
    case 'DIRECT_CLOUD':
      return { mode: 'DIRECT_CLOUD', satellite: null };
    case 'ONLINE':
      return stored?.mode === 'ON_PREM' ? stored : { mode: 'DIRECT_CLOUD', satellite: null };
    case null:
      return stored ?? { mode: 'DIRECT_CLOUD', satellite: null };
  }
}
