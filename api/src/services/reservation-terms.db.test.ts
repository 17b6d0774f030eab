import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import {
  authorizationXml,
  positionByLicense,
  smartAccountIdOf,
  SLR_NAMES,
} from '../../../test/support/slr-codes.js';
import { createTestDb } from '../../../test/support/test-db.js';

import { accountFindings } from './findings-service.js';
import { importFiles } from './import/import-service.js';
import { textSource } from './import/sources.js';

const DOMAIN = 'terms.example';
const SERIAL = 'FCW0005TRM';
const TERM = { count: 2, startDate: '2025-07-01', endDate: '2026-06-30' };

describe('a reserved TERM entitlement counts until its end date, then is a finding', () => {
  let handle: DbHandle;
  const importCode = (xml: string, name: string) =>
    importFiles(handle, {
      smartAccount: DOMAIN,
      asOf: '2026-01-05',
      virtualAccount: 'Plant',
      dryRun: false,
      files: [textSource(name, xml, 'slr-authorization-xml')],
    });
  const expired = async (asOf: string) =>
    (
      await accountFindings(handle, {
        smartAccountId: await smartAccountIdOf(handle, DOMAIN),
        asOf,
        includeClassic: true,
      })
    ).filter((f) => f.code === 'RESERVATION_EXPIRED');

  beforeAll(async () => {
    handle = await createTestDb();
    await importCode(authorizationXml(SERIAL, '2026-01-05', { DNA: TERM, NWA: 1 }), 'code.xml');
  });
  afterAll(async () => {
    await handle.close();
  });

  it('keeps the terms of the code on the reservation', async () => {
    const rows = await handle.rows<Record<string, unknown>>(sql`
      select l.name, r.license_type, r.start_date::text as start, r.end_date::text as end
      from reservations r join licenses l on l.id = r.license_id order by l.name`);
    expect(rows.map((r) => [r.name, r.license_type, r.start, r.end])).toEqual([
      [SLR_NAMES.DNA, 'TERM', '2025-07-01', '2026-06-30'],
      [SLR_NAMES.NWA, 'PERPETUAL', null, null],
    ]);
  });

  it('counts the term as reserved and consumed through its end date, and not the day after', async () => {
    const last = await positionByLicense(handle, DOMAIN, '2026-06-30');
    expect(last[SLR_NAMES.DNA]).toEqual({ consumed: 2, reserved: 2 });
    expect(last[SLR_NAMES.NWA]).toEqual({ consumed: 1, reserved: 1 });
    const after = await positionByLicense(handle, DOMAIN, '2026-07-01');
    expect(after[SLR_NAMES.DNA] ?? { consumed: 0, reserved: 0 }).toEqual({
      consumed: 0,
      reserved: 0,
    });
    expect(after[SLR_NAMES.NWA]).toEqual({ consumed: 1, reserved: 1 });
  });

  it('raises RESERVATION_EXPIRED naming device, license, quantity and end date once it lapsed', async () => {
    expect(await expired('2026-06-30')).toEqual([]);
    const [finding, ...rest] = await expired('2026-07-01');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'high',
      licenseName: SLR_NAMES.DNA,
      virtualAccountName: 'Plant',
      quantity: 2,
      facts: { endDate: '2026-06-30', reserved: 2 },
    });
    expect(finding!.message).toBe(
      `Plant: UDI_PID:C9500-24Y4C; UDI_SN:${SERIAL} (SLR) holds 2 × ${SLR_NAMES.DNA} reserved ` +
        'on a term that ended 2026-06-30: renew the term and update the reservation, or return it.',
    );
  });

  it('counts again, without a new event, once a renewed code with the same counts is imported', async () => {
    const renewed = await importCode(
      authorizationXml(SERIAL, '2026-07-10', {
        DNA: { ...TERM, endDate: '2029-06-30' },
        NWA: 1,
      }),
      'renewed.xml',
    );
    expect(renewed.counts.created.reservationEvents).toBe(0);
    expect((await positionByLicense(handle, DOMAIN, '2026-07-11'))[SLR_NAMES.DNA]).toEqual({
      consumed: 2,
      reserved: 2,
    });
    expect(await expired('2026-07-11')).toEqual([]);
  });
});
