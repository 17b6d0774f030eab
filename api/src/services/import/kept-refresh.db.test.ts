import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { createTestDb } from '../../../../test/support/test-db.js';
import { ensureCurrentPositions } from '../current-positions.js';

import { importFiles } from './import-service.js';
import { textSource } from './sources.js';

const TODAY = '2026-03-01';
const HEADER = 'Virtual Account,Name,Product Type,Last Contact,Alerts,License,Count\n';
const device = (va: string, serial: string, license: string, count: number) =>
  `${va},UDI_PID:C9300-24P; UDI_SN:${serial}; ,C9300,${TODAY}T10:00:00Z,,${license},${count}\n`;

type KeptRow = {
  readonly va: string;
  readonly license: string;
  readonly consumed: string | number | null;
};

describe('the kept position after a devices file', () => {
  let handle: DbHandle;
  let smartAccountId: number;
  const importCsv = (name: string, body: string) =>
    importFiles(handle, {
      smartAccount: 'kept-refresh.example',
      asOf: TODAY,
      dryRun: false,
      files: [textSource(name, HEADER + body, 'cssm-instances-csv')],
    });
  const kept = () =>
    handle.rows<KeptRow>(sql`
      select v.name as va, l.name as license, c.device_consumed as consumed
      from current_positions c
      join virtual_accounts v on v.id = c.virtual_account_id
      join licenses l on l.id = c.license_id
      where c.smart_account_id = ${smartAccountId}
      order by 1, 2`);

  beforeAll(async () => {
    handle = await createTestDb();
    const first = await importCsv(
      'first.csv',
      device('East', 'E1', 'DNA Advantage', 2) + device('West', 'W1', 'DNA Advantage', 5),
    );
    expect(first.committed).toBe(true);
    const [account] = await handle.rows<{ id: number }>(
      sql`select id from smart_accounts where domain = 'kept-refresh.example'`,
    );
    smartAccountId = Number(account!.id);
    await ensureCurrentPositions(handle, smartAccountId, TODAY);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('recomputes the Virtual Accounts the file reports usage in, and only those', async () => {
    expect((await kept()).map((r) => [r.va, r.license, Number(r.consumed)])).toEqual([
      ['East', 'DNA Advantage', 2],
      ['West', 'DNA Advantage', 5],
    ]);
    // A marker in West's kept row: a recompute of West would replace it with 5.
    await handle.rows(sql`
      update current_positions set device_consumed = 99
      where smart_account_id = ${smartAccountId}
        and virtual_account_id = (select id from virtual_accounts where name = 'West'
          and smart_account_id = ${smartAccountId})`);
    const second = await importCsv(
      'second.csv',
      device('East', 'E2', 'DNA Advantage', 3) + device('East', 'E2', 'Network Advantage', 1),
    );
    expect(second.committed).toBe(true);
    expect((await kept()).map((r) => [r.va, r.license, Number(r.consumed)])).toEqual([
      ['East', 'DNA Advantage', 5],
      ['East', 'Network Advantage', 1],
      ['West', 'DNA Advantage', 99],
    ]);
  });
});
