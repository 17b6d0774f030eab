import type { Db } from '../client/types.js';
import {
  entitlementLots,
  licenses,
  priceBookEntries,
  productInstances,
  reservationEvents,
  reservations,
  satellites,
  snapshotLines,
  snapshots,
  usageReports,
  virtualAccounts,
} from '../schema/index.js';

import { timestampOn } from './calendar.js';
import type { SmallEstate } from './estate.js';

const CHUNK = 500;

/** Rows in chunks, so no statement exceeds PostgreSQL's 65,535 bind parameters. */
async function insertChunked<T>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

function idOf(ids: ReadonlyMap<string, number>, key: string, what: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`demo estate refers to an unknown ${what} "${key}"`);
  return id;
}

const DISCOUNT_BY_SUITE: Record<string, number> = {
  'Cisco DNA Switching': 3800,
  'Cisco DNA Wireless': 3800,
  'Cisco DNA Routing': 3600,
  'Data Center Networking': 3500,
  'Cisco Security': 3000,
  Collaboration: 2500,
};

/**
 * Writes the small estate under `smartAccountId` through `tx` (the caller's transaction).
 * Ids come back through `returning` and are matched by natural key (name, serial).
 */
export async function writeSmallEstate(
  tx: Db,
  smartAccountId: number,
  estate: SmallEstate,
): Promise<void> {
  const sa = { smartAccountId };
  const vaIds = new Map<string, number>();
  for (const row of await tx
    .insert(virtualAccounts)
    .values(estate.virtualAccounts.map(({ sites: _sites, ...va }) => ({ ...sa, ...va })))
    .returning({ id: virtualAccounts.id, name: virtualAccounts.name })) {
    vaIds.set(row.name, row.id);
  }
  const va = (name: string): number => idOf(vaIds, name, 'Virtual Account');

  const satelliteIds = new Map<string, number>();
  for (const row of await tx
    .insert(satellites)
    .values(estate.satellites.map((s) => ({ ...sa, ...s, lastSyncAt: new Date(s.lastSyncAt) })))
    .returning({ id: satellites.id, name: satellites.name })) {
    satelliteIds.set(row.name, row.id);
  }

  const licenseIds = new Map<string, number>();
  for (const kind of ['BASE', 'ADD_ON'] as const) {
    const batch = estate.licenses.filter((l) => l.kind === kind);
    for (const row of await tx
      .insert(licenses)
      .values(
        batch.map((l) => ({
          ...sa,
          name: l.name,
          entitlementTag: l.entitlementTag,
          productFamily: l.productFamily,
          unit: l.unit,
          kind: l.kind,
          requiredBaseLicenseId:
            l.baseName === null ? null : idOf(licenseIds, l.baseName, 'license'),
          entitlementType: l.termYears === null ? ('PERPETUAL' as const) : ('TERM' as const),
        })),
      )
      .returning({ id: licenses.id, name: licenses.name })) {
      licenseIds.set(row.name, row.id);
    }
  }
  const license = (name: string): number => idOf(licenseIds, name, 'license');

  await tx.insert(priceBookEntries).values(
    estate.licenses.map((l) => ({
      ...sa,
      licenseId: license(l.name),
      currency: 'USD',
      // As sold: perpetual licenses one-off plus SWSS, term ones per unit per year.
      licenseType: l.termYears === null ? ('PERPETUAL' as const) : ('TERM' as const),
      listPriceMinor: l.listPriceMinor,
      discountBasisPoints: DISCOUNT_BY_SUITE[l.eaSuite] ?? 0,
      supportRateBasisPoints: l.termYears === null ? 1800 : 0,
      eaSuite: l.eaSuite,
      // The demo EA covers networking, data center and security; Webex (Collaboration) is
      // bought a-la-carte, so the renewal prices it a-la-carte under both options.
      inEnterpriseAgreement: l.eaSuite !== 'Collaboration',
      // A demo EA quote for perpetual licenses (20 % of list a unit a year): their one-off
      // price is not a yearly EA price, and without a quote they are left out of the renewal.
      eaUnitPriceMinor: l.termYears === null ? (l.listPriceMinor * 2_000n) / 10_000n : null,
      validFrom: estate.priceValidFrom,
    })),
  );

  const instanceIds = new Map<string, number>();
  await insertChunked(estate.instances, async (chunk) => {
    const inserted = await tx
      .insert(productInstances)
      .values(
        chunk.map(({ virtualAccount, satellite, lastContactAt, ...rest }) => ({
          ...sa,
          ...rest,
          virtualAccountId: va(virtualAccount),
          satelliteId: satellite === null ? null : idOf(satelliteIds, satellite, 'satellite'),
          lastContactAt: lastContactAt === null ? null : new Date(lastContactAt),
        })),
      )
      .returning({ id: productInstances.id, serial: productInstances.udiSerial });
    for (const row of inserted) instanceIds.set(row.serial ?? '', row.id);
  });
  const instance = (serial: string): number => idOf(instanceIds, serial, 'product instance');

  await insertChunked(estate.usage, (chunk) =>
    tx.insert(usageReports).values(
      chunk.map((u) => ({
        ...sa,
        virtualAccountId: va(u.virtualAccount),
        licenseId: license(u.license),
        productInstanceId: u.instanceSerial === null ? null : instance(u.instanceSerial),
        quantity: u.quantity,
        source: u.source,
        asOf: u.asOf,
      })),
    ),
  );

  for (const plan of estate.reservations) {
    const [created] = await tx
      .insert(reservations)
      .values({
        ...sa,
        virtualAccountId: va(plan.virtualAccount),
        productInstanceId: instance(plan.instanceSerial),
        licenseId: license(plan.license),
        reservationType: plan.reservationType,
        authorizationCode: plan.authorizationCode,
      })
      .returning({ id: reservations.id });
    if (!created) throw new Error('reservation insert returned no id');
    await tx.insert(reservationEvents).values(
      plan.events.map((event) => ({
        ...sa,
        reservationId: created.id,
        ...event,
        // Recorded the morning it happened, so the trail is as deterministic as the rest.
        recordedAt: new Date(timestampOn(event.occurredOn, 9 * 60 + 30)),
      })),
    );
  }

  await insertChunked(estate.lots, (chunk) =>
    tx.insert(entitlementLots).values(
      chunk.map(({ virtualAccount, license: name, ...lot }) => ({
        ...sa,
        ...lot,
        virtualAccountId: va(virtualAccount),
        licenseId: license(name),
      })),
    ),
  );

  for (const plan of estate.history) {
    const [snapshot] = await tx
      .insert(snapshots)
      .values({
        ...sa,
        name: plan.name,
        asOf: plan.asOf,
        includeClassic: true,
        // Taken the evening of its quarter end, so the history is as deterministic as the rest.
        takenAt: new Date(timestampOn(plan.asOf, 20 * 60)),
      })
      .returning({ id: snapshots.id });
    if (!snapshot) throw new Error('snapshot insert returned no id');
    await insertChunked(plan.lines, (chunk) =>
      tx.insert(snapshotLines).values(
        chunk.map((line) => ({
          ...sa,
          snapshotId: snapshot.id,
          virtualAccountId: va(line.virtualAccount),
          licenseId: license(line.license),
          owned: line.owned,
          consumed: line.consumed,
          reserved: line.reserved,
        })),
      ),
    );
  }
}
