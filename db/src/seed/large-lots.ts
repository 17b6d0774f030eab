import type { CopyRow } from '../client/types.js';

import { addDays, termEnd, termStart } from './calendar.js';
import type { LargeIds, LargePlan } from './large-estate.js';
import { createRandom } from './random.js';

/** COPY columns of {@link lotRows}. */
export const LOT_COLUMNS = [
  'smart_account_id',
  'virtual_account_id',
  'license_id',
  'quantity',
  'license_type',
  'start_date',
  'end_date',
  'source',
  'subscription_id',
  'order_number',
  'sku',
  'pak_number',
];

/**
 * entitlement_lots rows, `entitlementLots` of them spread over the VA × license pairs in use.
 * Owned covers consumption with headroom for about 88 % of pairs and falls short for the rest.
 * Lots beyond the owned quantity are inactive: expired terms or perpetual orders not yet started.
 */
export function* lotRows(plan: LargePlan, ids: LargeIds): Generator<CopyRow> {
  const random = createRandom(plan.seed, 'large/lots');
  const licenseCount = plan.licenses.length;
  const pairs = [...plan.consumed.keys()].sort((a, b) => a - b);
  const perPair = Math.floor(plan.scale.entitlementLots / Math.max(1, pairs.length));
  const extra = plan.scale.entitlementLots - perPair * pairs.length;
  const R = plan.referenceDate;
  for (let p = 0; p < pairs.length; p++) {
    const key = pairs[p] as number;
    const lotCount = perPair + (p < extra ? 1 : 0);
    if (lotCount === 0) continue;
    const license = plan.licenses[key % licenseCount];
    if (!license) throw new Error(`pair ${key} has no license`);
    const inUse = plan.consumed.get(key) ?? 0;
    const owned = random.chance(0.12)
      ? Math.floor(inUse * (0.6 + random.next() * 0.35))
      : inUse + Math.floor(inUse * random.next() * 0.3) + random.int(0, 2);
    const active = Math.min(lotCount, owned);
    let left = owned;
    const row = [
      ids.smartAccount,
      ids.virtualAccount + Math.floor(key / licenseCount),
      ids.license + (key % licenseCount),
    ];
    for (let k = 0; k < lotCount; k++) {
      const years = license.termYears;
      const order = `1${random.int(10_000_000, 99_999_999)}`;
      if (k >= active) {
        const end = addDays(R, -random.int(1, 400));
        yield years
          ? [
              ...row,
              random.int(1, 20),
              'TERM',
              termStart(end, years),
              end,
              'SMART',
              `Sub${random.int(1_000_000, 9_999_999)}`,
              order,
              license.sku,
              null,
            ]
          : [
              ...row,
              random.int(1, 20),
              'PERPETUAL',
              addDays(R, random.int(1, 90)),
              null,
              'SMART',
              null,
              order,
              license.sku,
              null,
            ];
        continue;
      }
      const share = Math.max(1, Math.floor((left / (active - k)) * (0.6 + random.next() * 0.8)));
      const quantity = k === active - 1 ? left : Math.min(share, left - (active - k - 1));
      left -= quantity;
      if (years) {
        const start = addDays(R, -random.int(0, years * 365 - 2));
        yield [
          ...row,
          quantity,
          'TERM',
          start,
          termEnd(start, years),
          'SMART',
          `Sub${random.int(1_000_000, 9_999_999)}`,
          order,
          license.sku,
          null,
        ];
      } else if (random.chance(0.02)) {
        yield [
          ...row,
          quantity,
          'PERPETUAL',
          null,
          null,
          'CLASSIC_PAK',
          null,
          null,
          license.sku,
          `3302J${random.chars(6, '0123456789ABCDEFGHJKLMNPRSTUVWXYZ')}`,
        ];
      } else {
        yield [
          ...row,
          quantity,
          'PERPETUAL',
          random.chance(0.3) ? null : addDays(R, -random.int(100, 2500)),
          null,
          'SMART',
          null,
          order,
          license.sku,
          null,
        ];
      }
    }
  }
}
