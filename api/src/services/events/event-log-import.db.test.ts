import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { SEEDS } from '../../../../test/support/fuzz-inputs.js';
import { tableCounts } from '../../../../test/support/table-counts.js';
import { createTestDb } from '../../../../test/support/test-db.js';
import { createServices, fixedClock, textSource, type Services } from '../index.js';

const DEVICE = '"UDI_PID:C9500-24Y4C; UDI_SN:FCW0000Z9YX;"';
const q = (text: string) => `"${text.replace(/"/g, '""')}"`;

// An invented Smart Account Event Log export (headers and wording INFERRED).
const FIRST_EXPORT = [
  'Message,Time,User,Virtual Account',
  `${q('Satellite "sat-east-01" synchronized via network')},2026-Sep-30 14:02:11,,Campus`,
  `${q('Satellite file synchronization for "sat-new"')},"Sep 20, 2026 9:15 AM",ops@acme.example,Campus`,
  `${q(`Reserved 1 licenses of "C9500 Network Advantage" on product instance ${DEVICE}`)},2026-06-01T10:00:00Z,jdoe@acme.example,Core`,
  `${q('User jdoe@acme.example logged in')},2026-10-01 08:00:00,jdoe@acme.example,`,
].join('\n');

// A later export overlapping the first: two rows again (columns reordered), three new.
const LATER_EXPORT = [
  'User,Time,Message',
  `jdoe@acme.example,2026-06-01T10:00:00Z,${q(`Reserved 1 licenses of "C9500 Network Advantage" on product instance ${DEVICE}`)}`,
  `jdoe@acme.example,2026-10-01 08:00:00,${q('User jdoe@acme.example logged in')}`,
  `,2026-08-01 00:00:00,${q('Satellite "sat-new" synchronized via network')}`,
  `,2026-10-15 06:00:00,${q('Satellite "sat-east-01" synchronized via network')}`,
  `jdoe@acme.example,2026-11-02 12:00:00,${q(`License reservation cancelled for product instance ${DEVICE}`)}`,
].join('\n');

describe('importing a CSSM Event Log', () => {
  let handle: DbHandle;
  let services: Services;
  let smartAccountId: number;

  const run = (fileName: string, content: string, asOf = '2026-11-01', virtualAccount?: string) =>
    services.imports.run({
      smartAccount: 'events.example',
      asOf,
      virtualAccount,
      dryRun: false,
      files: [textSource(fileName, content)],
    });

  const lastSync = async () =>
    Object.fromEntries(
      (
        await handle.rows<{ name: string; at: string }>(
          sql`select name, to_char(last_sync_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as at
              from satellites where smart_account_id = ${smartAccountId} order by name`,
        )
      ).map((r) => [r.name, r.at]),
    );

  beforeAll(async () => {
    handle = await createTestDb();
    services = createServices(handle, fixedClock('2026-11-28'));
    // The reserved device, from its SLR authorization code; sat-east-01 known with an older sync.
    const slr = SEEDS['slr-authorization-xml'];
    const seeded = await run(slr.fileName, slr.content, '2026-06-02', 'Core');
    expect(seeded.errorCount).toBe(0);
    smartAccountId = (await services.accounts.smartAccountByDomain('events.example'))!.id;
    await handle.rows(
      sql`insert into satellites (smart_account_id, name, last_sync_at)
          values (${smartAccountId}, 'sat-east-01', '2026-09-01T00:00:00Z')`,
    );
  });
  afterAll(async () => {
    await handle.close();
  });

  it('stores every row, counts what it did not understand, and dates the satellites', async () => {
    const summary = await run('events-1.csv', FIRST_EXPORT);
    expect(summary.errorCount).toBe(0);
    expect(summary.files).toEqual([
      expect.objectContaining({ format: 'cssm-event-log-csv', rowsRead: 4 }),
    ]);
    expect(summary.counts.created).toMatchObject({
      accountEvents: 4,
      accountEventsNotUnderstood: 1,
      satellites: 1,
    });
    expect(summary.counts.updated.satellites).toBe(1);
    // sat-east-01 moved forward from 2026-09-01; sat-new was created by its sync event.
    expect(await lastSync()).toEqual({
      'sat-east-01': '2026-09-30T14:02:11',
      'sat-new': '2026-09-20T09:15:00',
    });
  });

  it('adds nothing when the same log is imported again', async () => {
    const before = await tableCounts(handle);
    const summary = await run('events-1-again.csv', FIRST_EXPORT);
    expect(summary.files[0]?.alreadyImported).toBe(true);
    expect(await tableCounts(handle)).toEqual(before);
  });

  it('adds only the new rows of an overlapping later export, and never moves a sync backwards', async () => {
    const summary = await run('events-2.csv', LATER_EXPORT, '2026-11-20');
    expect(summary.errorCount).toBe(0);
    expect(summary.counts.created).toMatchObject({
      accountEvents: 3,
      accountEventsNotUnderstood: 0,
    });
    // sat-new's 2026-08-01 sync is older than its 2026-09-20 one: only sat-east-01 moves.
    expect(summary.counts.updated.satellites).toBe(1);
    expect(await lastSync()).toEqual({
      'sat-east-01': '2026-10-15T06:00:00',
      'sat-new': '2026-09-20T09:15:00',
    });
    const [row] = await handle.rows<{ n: number }>(
      sql`select count(*)::int as n from account_events where smart_account_id = ${smartAccountId}`,
    );
    expect(Number(row?.n)).toBe(7);
  });

  it('feeds the satellite sync findings from the log', async () => {
    const found = await services.findings({
      smartAccountId,
      asOf: '2026-11-28',
      includeClassic: true,
    });
    const stale = found.filter((f) => f.code === 'STALE_REPORTING').map((f) => f.message);
    // sat-new: 2026-09-20 → 2026-11-28 is 69 days, past the 60-day alert; sat-east-01: 44 days.
    expect(stale).toEqual([
      expect.stringMatching(/^Satellite sat-new last synced on 2026-09-20, 69 days ago/),
    ]);
  });

  it('pages the log newest first, by kind', async () => {
    const first = await services.events.page({ smartAccountId, page: { first: 2 } });
    expect(first.totalCount).toBe(7);
    expect(first.items.map((i) => [i.node.kind, i.node.occurredAt])).toEqual([
      ['SLR_RETURN', '2026-11-02T12:00:00.000Z'],
      ['SATELLITE_SYNC_NETWORK', '2026-10-15T06:00:00.000Z'],
    ]);
    const next = await services.events.page({
      smartAccountId,
      page: { first: 10, after: first.endCursor },
    });
    expect(next.items.map((i) => i.node.occurredAt)).toEqual([
      '2026-10-01T08:00:00.000Z',
      '2026-09-30T14:02:11.000Z',
      '2026-09-20T09:15:00.000Z',
      '2026-08-01T00:00:00.000Z',
      '2026-06-01T10:00:00.000Z',
    ]);
    expect(next.hasNextPage).toBe(false);
    const syncs = await services.events.page({
      smartAccountId,
      kind: 'SATELLITE_SYNC_NETWORK',
      page: {},
    });
    expect(syncs.items.map((i) => [i.node.satellite, i.node.virtualAccount])).toEqual([
      ['sat-east-01', null],
      ['sat-east-01', 'Campus'],
      ['sat-new', null],
    ]);
    await expect(
      services.events.page({ smartAccountId, kind: 'NOPE', page: {} }),
    ).rejects.toMatchObject({ code: 'INVALID_EVENT_KIND' });
  });

  it('dates the reservation trail from the log, matched on the device', async () => {
    const [reservation] = await handle.rows<{ id: number }>(
      sql`select id from reservations where smart_account_id = ${smartAccountId}`,
    );
    const events = await services.events.ofReservations([Number(reservation!.id)]);
    expect(events.map((e) => [e.kind, e.occurredAt, e.user])).toEqual([
      ['SLR_RESERVE', '2026-06-01T10:00:00.000Z', 'jdoe@acme.example'],
      ['SLR_RETURN', '2026-11-02T12:00:00.000Z', 'jdoe@acme.example'],
    ]);
  });

  it('tells a stranded reservation what the log recorded for its device', async () => {
    await handle.rows(
      sql`update product_instances set status = 'DECOMMISSIONED'
          where smart_account_id = ${smartAccountId} and udi_serial = 'FCW0000Z9YX'`,
    );
    const at = async (asOf: string) =>
      (await services.findings({ smartAccountId, asOf, includeClassic: true })).find(
        (f) => f.code === 'STRANDED_RESERVATION',
      );
    const now = await at('2026-11-28');
    expect(now?.message).toMatch(
      /Cisco's Event Log records a return on 2026-11-02: import the device's current reservation to close this\.$/,
    );
    expect(now?.evidence.filter((e) => e.kind === 'logEvent').map((e) => e.eventKind)).toEqual([
      'SLR_RESERVE',
      'SLR_RETURN',
    ]);
    // Before the return was logged, the log's last word is the reserve.
    expect((await at('2026-11-01'))?.message).toMatch(
      /Cisco's Event Log records no return or transfer \(last: reserve on 2026-06-01\)\.$/,
    );
  });

  it('writes nothing when a row has a bad time', async () => {
    const before = await tableCounts(handle);
    const summary = await run('bad.csv', 'Message,Time\nGenerated a new token,2026-13-01 10:00');
    expect(summary.committed).toBe(false);
    expect(summary.issues.map((i) => `${i.file}:${i.line}:${i.column}: ${i.code}`)).toEqual([
      'bad.csv:2:2: INVALID_DATE',
    ]);
    expect(await tableCounts(handle)).toEqual(before);
  });
});
