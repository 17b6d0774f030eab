import type { IsoDate } from '../calendar.js';

import type { EventPlan } from './rules.js';

/** One reservation a device holds now: its license and the Σ of its trail. */
export interface DeviceHolding {
  readonly licenseId: number;
  readonly held: number;
}

/** One entitlement an SLR authorization code reserves (a license may appear more than once). */
export interface AuthorizedEntitlement {
  readonly licenseId: number;
  readonly quantity: number;
}

/** The event one license of the device needs so the trail matches the code. */
export interface AuthorizationChange {
  readonly licenseId: number;
  readonly plan: EventPlan;
}

export type AuthorizationPlan =
  /** The code predates the device's latest event: applying it would undo newer state. */
  | { readonly outcome: 'OLDER'; readonly latest: IsoDate }
  /** Apply these events, each dated `issuedOn` (none when the code matches the trail). */
  | { readonly outcome: 'APPLY'; readonly changes: readonly AuthorizationChange[] };

/**
 * Reconciles a device's reservations with an SLR authorization code. The code is the device's
 * WHOLE reservation set as of the day it was issued (its `<timestamp>`):
 *
 * - a license the code names is set to the code's count (Σ when it appears twice): RESERVE
 *   when the device held none, UPDATE by the difference otherwise, nothing when equal;
 * - a license the device holds (> 0) that the code does not name is RETURNed to 0;
 * - the same code imported again (e.g. re-fetched later, only `<timestamp>` differs) therefore
 *   writes nothing;
 * - a code issued before the device's latest event (any reservation of the device, by hand or
 *   by import) is OLDER and writes nothing: the trail already records something newer.
 *
 * Changes come in the code's order, then the returns in the order of `holdings`.
 */
export function planAuthorization(input: {
  readonly instanceId: number;
  readonly issuedOn: IsoDate;
  /** Day of the device's latest reservation event; null when it has none. */
  readonly latestOnDevice: IsoDate | null;
  readonly holdings: readonly DeviceHolding[];
  readonly authorized: readonly AuthorizedEntitlement[];
}): AuthorizationPlan {
  const { instanceId, issuedOn, latestOnDevice } = input;
  if (latestOnDevice !== null && issuedOn < latestOnDevice) {
    return { outcome: 'OLDER', latest: latestOnDevice };
  }
  const wanted = new Map<number, number>();
  for (const e of input.authorized) {
    wanted.set(e.licenseId, (wanted.get(e.licenseId) ?? 0) + e.quantity);
  }
  const held = new Map(input.holdings.map((h) => [h.licenseId, h.held]));
  const changes: AuthorizationChange[] = [];
  const change = (licenseId: number, before: number, after: number) => {
    const delta = after - before;
    if (delta === 0) return;
    const eventType = after === 0 ? 'RETURN' : before <= 0 ? 'RESERVE' : 'UPDATE';
    changes.push({
      licenseId,
      plan: {
        eventType,
        quantityDelta: delta,
        quantityAfter: after,
        fromInstanceId: delta < 0 ? instanceId : null,
        toInstanceId: delta > 0 ? instanceId : null,
      },
    });
  };
  for (const [licenseId, quantity] of wanted) change(licenseId, held.get(licenseId) ?? 0, quantity);
  for (const h of input.holdings) {
    if (!wanted.has(h.licenseId) && h.held > 0) change(h.licenseId, h.held, 0);
  }
  return { outcome: 'APPLY', changes };
}
