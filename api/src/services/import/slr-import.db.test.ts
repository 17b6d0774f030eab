import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import {
  authorizationXml,
  positionByLicense,
  SLR_NAMES,
} from '../../../../test/support/slr-codes.js';
import { createTestDb } from '../../../../test/support/test-db.js';

import { importFiles } from './import-service.js';
import { textSource } from './sources.js';

const NAMES = SLR_NAMES;

describe('importing SLR authorization codes: a code is the device’s whole reservation set', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  const importCodes = (domain: string, fileName: string, xml: string, asOf = '2026-03-15') =>
    importFiles(handle, {
      smartAccount: domain,
      asOf,
      virtualAccount: 'Core',
      dryRun: false,
      files: [textSource(fileName, xml, 'slr-authorization-xml')],
    });

  /** The device's trail: [license, event, delta, quantity after, date], oldest first. */
  const trail = async (domain: string, serial: string) =>
    (
      await handle.rows<Record<string, unknown>>(sql`
        select l.name, e.event_type, e.quantity_delta, e.quantity_after, e.occurred_on::text as on
        from reservation_events e
        join reservations r on r.id = e.reservation_id
        join licenses l on l.id = r.license_id
        join product_instances p on p.id = r.product_instance_id
        join smart_accounts s on s.id = r.smart_account_id
        where s.domain = ${domain} and p.udi_serial = ${serial}
        order by e.occurred_on, e.id`)
    ).map((r) => [r.name, r.event_type, r.quantity_delta, r.quantity_after, r.on]);

  /** Reserved quantity per license name in the position at `asOf` (zeros left out). */
  const reserved = async (domain: string, asOf: string) =>
    Object.fromEntries(
      Object.entries(await positionByLicense(handle, domain, asOf))
        .filter(([, line]) => line.reserved > 0)
        .map(([name, line]) => [name, line.reserved]),
    );

  it('writes nothing when the same code, fetched again later, is imported again', async () => {
    const d = 'refetch.example';
    const first = await importCodes(
      d,
      'a.xml',
      authorizationXml('FCW0001A', '2026-01-10', { NWA: 1, DNA: 2 }),
    );
    expect(first.committed).toBe(true);
    const before = await trail(d, 'FCW0001A');
    expect(before).toEqual([
      [NAMES.NWA, 'RESERVE', 1, 1, '2026-01-10'],
      [NAMES.DNA, 'RESERVE', 2, 2, '2026-01-10'],
    ]);
    // Only <timestamp> differs (three days later, mid-day).
    const again = await importCodes(
      d,
      'a-refetched.xml',
      authorizationXml('FCW0001A', '2026-01-13', { NWA: 1, DNA: 2 }, 13 * 3_600_000),
    );
    expect(again.files[0]!.alreadyImported).toBe(false);
    expect(again.counts.created.reservationEvents).toBe(0);
    expect(await trail(d, 'FCW0001A')).toEqual(before);
    expect(await reserved(d, '2026-02-01')).toEqual({ [NAMES.NWA]: 1, [NAMES.DNA]: 2 });
  });

  it('writes exactly the differences of a newer code, dated by the code, returning dropped entitlements', async () => {
    const d = 'newer.example';
    await importCodes(d, 'a.xml', authorizationXml('FCW0002B', '2026-01-10', { NWA: 1, DNA: 2 }));
    const newer = await importCodes(
      d,
      'b.xml',
      authorizationXml('FCW0002B', '2026-02-05', { DNA: 5, ESS: 1 }),
      '2026-03-15',
    );
    expect(newer.counts.created.reservationEvents).toBe(3);
    expect(await trail(d, 'FCW0002B')).toEqual([
      [NAMES.NWA, 'RESERVE', 1, 1, '2026-01-10'],
      [NAMES.DNA, 'RESERVE', 2, 2, '2026-01-10'],
      [NAMES.DNA, 'UPDATE', 3, 5, '2026-02-05'],
      [NAMES.ESS, 'RESERVE', 1, 1, '2026-02-05'],
      [NAMES.NWA, 'RETURN', -1, 0, '2026-02-05'],
    ]);
    expect(await reserved(d, '2026-02-04')).toEqual({ [NAMES.NWA]: 1, [NAMES.DNA]: 2 });
    expect(await reserved(d, '2026-02-05')).toEqual({ [NAMES.DNA]: 5, [NAMES.ESS]: 1 });
  });

  it('skips a code older than the device’s latest event, says so, and leaves the newer state', async () => {
    const d = 'older.example';
    await importCodes(d, 'new.xml', authorizationXml('FCW0003C', '2026-02-01', { DNA: 4 }));
    const older = await importCodes(
      d,
      'old.xml',
      authorizationXml('FCW0003C', '2026-01-20', { NWA: 2 }),
    );
    expect(older.committed).toBe(true);
    expect(older.counts.created.reservationEvents).toBe(0);
    expect(older.counts.skipped.olderAuthorizationCodes).toBe(1);
    expect(await trail(d, 'FCW0003C')).toEqual([[NAMES.DNA, 'RESERVE', 4, 4, '2026-02-01']]);
    expect(await reserved(d, '2026-03-01')).toEqual({ [NAMES.DNA]: 4 });
  });

  it('groups one file’s codes by device and applies each device’s codes oldest first', async () => {
    const d = 'grouped.example';
    const file =
      authorizationXml('FCW0004D', '2026-02-01', { DNA: 3 }) +
      authorizationXml('FCW0004E', '2026-01-15', { NWA: 1, ESS: 2 }) +
      authorizationXml('FCW0004D', '2026-01-05', { DNA: 1, NWA: 1 });
    const summary = await importCodes(d, 'both.xml', `<codes>\n${file}</codes>\n`);
    expect(summary.counts.skipped.olderAuthorizationCodes).toBe(0);
    expect(await trail(d, 'FCW0004D')).toEqual([
      [NAMES.DNA, 'RESERVE', 1, 1, '2026-01-05'],
      [NAMES.NWA, 'RESERVE', 1, 1, '2026-01-05'],
      [NAMES.DNA, 'UPDATE', 2, 3, '2026-02-01'],
      [NAMES.NWA, 'RETURN', -1, 0, '2026-02-01'],
    ]);
    expect(await trail(d, 'FCW0004E')).toEqual([
      [NAMES.NWA, 'RESERVE', 1, 1, '2026-01-15'],
      [NAMES.ESS, 'RESERVE', 2, 2, '2026-01-15'],
    ]);
    expect(await reserved(d, '2026-03-01')).toEqual({
      [NAMES.DNA]: 3,
      [NAMES.NWA]: 1,
      [NAMES.ESS]: 2,
    });
  });

  it('returns everything the device holds when a newer code reserves nothing', async () => {
    const d = 'emptied.example';
    await importCodes(d, 'a.xml', authorizationXml('FCW0007F', '2026-01-10', { NWA: 1, DNA: 2 }));
    const emptied = await importCodes(d, 'b.xml', authorizationXml('FCW0007F', '2026-02-10', {}));
    expect(emptied.warningCount).toBe(1);
    expect(await trail(d, 'FCW0007F')).toEqual([
      [NAMES.NWA, 'RESERVE', 1, 1, '2026-01-10'],
      [NAMES.DNA, 'RESERVE', 2, 2, '2026-01-10'],
      [NAMES.NWA, 'RETURN', -1, 0, '2026-02-10'],
      [NAMES.DNA, 'RETURN', -2, 0, '2026-02-10'],
    ]);
    expect(await reserved(d, '2026-02-10')).toEqual({});
  });
});
