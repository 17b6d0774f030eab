import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { createTestDb } from '../../../../test/support/test-db.js';
import { ensureCurrentPositions } from '../current-positions.js';
import { positionSumsQuery } from '../position-sums.sql.js';

import { importFiles } from './import-service.js';
import { textSource } from './sources.js';

const TODAY = '2026-03-01';
const HEADER = 'Virtual Account,Name,Product Type,Last Contact,Alerts,License,Count\n';
const device = (va: string, serial: string, license: string, count: number) =>
  `${va},UDI_PID:C9300-24P; UDI_SN:${serial}; ,C9300,${TODAY}T10:00:00Z,,${license},${count}\n`;

type Row = { readonly va: string; readonly license: string; readonly consumed: unknown };
const plain = (rows: readonly Row[]) =>
  rows.map((r) => [r.va, r.license, r.consumed === null ? null : Number(r.consumed)]);

/**
 * A device that moves to another Virtual Account (a later file reports its usage there) leaves
 * the one it was in: the kept position after the import's scoped refresh is what a full
 * recompute gives, and so is a position read scoped to either Virtual Account.
 */
describe('a device moved between Virtual Accounts by a later import', () => {
  let handle: DbHandle;
  let sa: number;
  const vaId = async (name: string) => {
    const [row] = await handle.rows<{ id: number }>(
      sql`select id from virtual_accounts where smart_account_id = ${sa} and name = ${name}`,
    );
    return Number(row!.id);
  };
  const importCsv = (name: string, body: string) =>
    importFiles(handle, {
      smartAccount: 'moved-device.example',
      asOf: TODAY,
      dryRun: false,
      files: [textSource(name, HEADER + body, 'cssm-instances-csv')],
    });
  const kept = async () =>
    plain(
      await handle.rows<Row>(sql`
        select v.name as va, l.name as license, c.device_consumed as consumed
        from current_positions c
        join virtual_accounts v on v.id = c.virtual_account_id
        join licenses l on l.id = c.license_id
        where c.smart_account_id = ${sa}
        order by 1, 2`),
    );
  const aggregate = async (virtualAccountIds?: number[]) =>
    plain(
      await handle.rows<Row>(sql`
        select v.name as va, l.name as license, s.device_consumed as consumed
        from (${positionSumsQuery({ smartAccountId: sa, asOf: TODAY, virtualAccountIds })}) s
        join virtual_accounts v on v.id = s.virtual_account_id
        join licenses l on l.id = s.license_id
        order by 1, 2`),
    );

  beforeAll(async () => {
    handle = await createTestDb();
    const first = await importCsv(
      'first.csv',
      device('East', 'E1', 'DNA Advantage', 2) + device('West', 'W1', 'DNA Advantage', 5),
    );
    expect(first.committed).toBe(true);
    const [account] = await handle.rows<{ id: number }>(
      sql`select id from smart_accounts where domain = 'moved-device.example'`,
    );
    sa = Number(account!.id);
    await ensureCurrentPositions(handle, sa, TODAY);
    // E1 now reports from West: East no longer holds it.
    const second = await importCsv('second.csv', device('West', 'E1', 'DNA Advantage', 3));
    expect(second.committed).toBe(true);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('keeps, after the scoped refresh, what the full recompute gives', async () => {
    // West: W1 (5) + E1 (3); East: no device left, so no row.
    const expected = [['West', 'DNA Advantage', 8]];
    expect(await aggregate()).toEqual(expected);
    expect(await kept()).toEqual(expected);
  });

  it('reads the same position scoped to the Virtual Account the device left or joined', async () => {
    expect(await aggregate([await vaId('East')])).toEqual([]);
    expect(await aggregate([await vaId('West')])).toEqual([['West', 'DNA Advantage', 8]]);
  });
});
