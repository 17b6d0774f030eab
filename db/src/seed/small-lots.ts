import { addDays, termEnd, termStart } from './calendar.js';
import { catalogLicense, type CatalogLicense } from './catalog.js';
import type { LotPlan, ReservationPlan, UsagePlan } from './estate.js';
import type { Random } from './random.js';
import { SMALL_DESIGNED_CASES as CASES } from './small-cases.js';

/** Key of a Virtual Account × license pair. */
export const pairKey = (virtualAccount: string, license: string): string =>
  `${virtualAccount}\u0000${license}`;

/**
 * Consumption per VA × license as of `asOf`, by the position rule: per device × license the
 * latest report on or before `asOf`, raised to the reserved quantity where that is higher; per
 * VA × license the latest ledger row replaces the device sum when one exists.
 */
export function consumptionAt(
  usage: readonly UsagePlan[],
  reservations: readonly ReservationPlan[],
  asOf: string,
): Map<string, number> {
  const device = new Map<
    string,
    { pair: string; reported: number; asOf: string; reserved: number }
  >();
  const ledger = new Map<string, { quantity: number; asOf: string }>();
  for (const row of usage) {
    if (row.asOf > asOf) continue;
    const pair = pairKey(row.virtualAccount, row.license);
    if (row.instanceSerial === null) {
      const seen = ledger.get(pair);
      if (!seen || row.asOf >= seen.asOf)
        ledger.set(pair, { quantity: row.quantity, asOf: row.asOf });
      continue;
    }
    const key = `${row.instanceSerial}\u0000${row.license}`;
    const seen = device.get(key);
    if (!seen) device.set(key, { pair, reported: row.quantity, asOf: row.asOf, reserved: 0 });
    else if (row.asOf >= seen.asOf) Object.assign(seen, { reported: row.quantity, asOf: row.asOf });
  }
  for (const reservation of reservations) {
    const reserved = reservation.events
      .filter((event) => event.occurredOn <= asOf)
      .reduce((sum, event) => sum + event.quantityDelta, 0);
    const key = `${reservation.instanceSerial}\u0000${reservation.license}`;
    const pair = pairKey(reservation.virtualAccount, reservation.license);
    const seen = device.get(key) ?? { pair, reported: 0, asOf: '', reserved: 0 };
    seen.reserved += reserved;
    device.set(key, seen);
  }
  const consumed = new Map<string, number>();
  for (const { pair, reported, reserved } of device.values()) {
    consumed.set(pair, (consumed.get(pair) ?? 0) + Math.max(reported, reserved));
  }
  for (const [pair, { quantity }] of ledger) consumed.set(pair, quantity);
  return consumed;
}

/** Owned quantity for a pair: the designed shortfalls and surpluses, otherwise some headroom. */
function ownedFor(
  virtualAccount: string,
  license: CatalogLicense,
  consumed: number,
  random: Random,
): number {
  for (const shortCase of [CASES.curableShortfall, CASES.uncurableShortfall]) {
    if (license.name !== shortCase.license) continue;
    if (virtualAccount === shortCase.shortVirtualAccount) return consumed - shortCase.shortfall;
    if (virtualAccount === shortCase.surplusVirtualAccount) return consumed + shortCase.surplus;
    return consumed;
  }
  if (license.unit === 'DEVICE')
    return consumed + Math.max(1, Math.ceil(consumed * (0.04 + random.next() * 0.16)));
  return Math.ceil((consumed * (1.05 + random.next() * 0.15)) / 25) * 25;
}

function split(total: number, random: Random): number[] {
  const parts = total >= 30 && random.chance(0.25) ? 3 : total >= 8 && random.chance(0.5) ? 2 : 1;
  const out: number[] = [];
  let left = total;
  for (let i = parts; i > 1; i--) {
    const part = Math.max(1, Math.floor((left * (0.35 + random.next() * 0.3)) / (i - 1)));
    out.push(part);
    left -= part;
  }
  out.push(left);
  return out;
}

/**
 * The entitlement lots of the small preset: for each VA × license in use, enough to cover what
 * is consumed at the reference date plus headroom, except the designed cases. Term lots start
 * 30 days to (term − 120 days) before the reference date, so only the designed lot expires
 * within 60 days; some term lots have an expired predecessor (the previous term).
 */
export function generateSmallLots(
  referenceDate: string,
  random: Random,
  consumed: ReadonlyMap<string, number>,
  virtualAccounts: readonly string[],
  catalog: readonly CatalogLicense[],
): LotPlan[] {
  const lots: LotPlan[] = [];
  const orderNumber = (): string => `10${random.int(1_000_000, 9_999_999)}`;
  const lot = (
    va: string,
    license: CatalogLicense,
    quantity: number,
    startDate: string | null,
    endDate: string | null,
    extra: Partial<LotPlan> = {},
  ): void => {
    lots.push({
      virtualAccount: va,
      license: license.name,
      quantity,
      licenseType: license.termYears ? 'TERM' : 'PERPETUAL',
      startDate,
      endDate,
      source: 'SMART',
      subscriptionId: null,
      orderNumber: orderNumber(),
      sku: license.sku,
      pakNumber: null,
      ...extra,
    });
  };
  const pak = (): Partial<LotPlan> => ({
    source: 'CLASSIC_PAK',
    pakNumber: `3302J${random.chars(6, '0123456789ABCDEFGHJKLMNPRSTUVWXYZ')}`,
    orderNumber: null,
  });
  for (const va of virtualAccounts) {
    for (const license of catalog) {
      const inUse = consumed.get(pairKey(va, license.name)) ?? 0;
      if (inUse <= 0) continue;
      const owned = ownedFor(va, license, inUse, random);
      const years = license.termYears;
      const expiring =
        license.name === CASES.expiringTerm.license && va === CASES.expiringTerm.virtualAccount;
      const parts = expiring
        ? [owned - inUse + 10, inUse - 10]
        : license.name === 'ISR 4300 Security (SEC)'
          ? [Math.ceil(owned / 2), Math.floor(owned / 2)]
          : split(owned, random);
      parts.forEach((quantity, index) => {
        if (years === null) {
          const start = random.chance(0.3) ? null : addDays(referenceDate, -random.int(200, 2200));
          lot(
            va,
            license,
            quantity,
            start,
            null,
            license.name === 'ISR 4300 Security (SEC)' && index === 1 ? pak() : {},
          );
          return;
        }
        const subscriptionId = `Sub${random.int(1_000_000, 9_999_999)}`;
        const end =
          expiring && index === 0
            ? addDays(referenceDate, CASES.expiringTerm.daysToExpiry)
            : termEnd(addDays(referenceDate, -random.int(30, years * 365 - 120)), years);
        const start = termStart(end, years);
        if (index === 0 && random.chance(0.35)) {
          const previousEnd = addDays(start, -1);
          lot(
            va,
            license,
            Math.max(1, Math.round(quantity * (0.8 + random.next() * 0.2))),
            termStart(previousEnd, years),
            previousEnd,
            { subscriptionId },
          );
        }
        lot(va, license, quantity, start, end, { subscriptionId });
      });
    }
  }
  // Shelfware: owned, never used. The UC PAK was never converted into the Smart Account.
  lot('Branch-APAC', catalogLicense('ISR 4300 Unified Communications (UC)'), 20, null, null, pak());
  lot(
    'Campus-AMER',
    catalogLicense('Secure Client VPN Only'),
    500,
    addDays(referenceDate, -1900),
    null,
  );
  return lots;
}
