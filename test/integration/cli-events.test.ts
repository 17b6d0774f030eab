import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliTarget, runCli, type CliTarget } from '../support/cli.js';

// An invented Smart Account Event Log (headers and wording INFERRED), semicolon-separated.
const EVENT_LOG = [
  'Virtual Account;Message;Time;User',
  'Campus;"Satellite ""sat-east-01"" synchronized via network";2026-Sep-30 14:02:11;',
  'Lab;"Product Instance Registration Token created for Virtual Account ""Lab""";Oct 1, 2026 9:00 AM;jdoe',
  ';Smart Account settings changed;2026-10-02T10:00:00Z;admin',
].join('\n');

describe('trueup import / trueup events', () => {
  let cli: CliTarget;
  let target: Record<string, string>;
  const scratch = mkdtempSync(join(tmpdir(), 'trueup-events-'));
  const file = join(scratch, 'event-log.csv');

  beforeAll(async () => {
    writeFileSync(file, EVENT_LOG);
    cli = await cliTarget(scratch);
    target = cli.env;
  });
  afterAll(async () => {
    await cli?.close();
  });

  it('imports an Event Log by content and lists it newest first, a page at a time', async () => {
    const imported = await runCli(
      ['import', file, '--smart-account', 'log.example', '--as-of', '2026-10-03'],
      target,
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('event-log.csv: cssm-event-log-csv, 3 records');
    expect(imported.stdout).toContain('1 Event Log message(s) not understood: kept as OTHER');
    expect(imported.stdout).toContain(
      'created 3 accountEvents, 1 accountEventsNotUnderstood, 1 satellites; 0 warning(s)',
    );

    const first = await runCli(
      ['events', '--smart-account', 'log.example', '--first', '2'],
      target,
    );
    expect(first.code).toBe(0);
    const lines = first.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^occurredAt\s+kind\s+user\s+virtualAccount\s+message$/);
    expect(lines[2]).toMatch(
      /^2026-10-02T10:00:00\.000Z\s+OTHER\s+admin\s+Smart Account settings changed$/,
    );
    expect(lines[3]).toMatch(
      /^2026-10-01T09:00:00\.000Z\s+TOKEN_CREATE\s+jdoe\s+Lab\s+Product Instance/,
    );
    const cursor = /^2 of 3 event\(s\); next page: --after (\S+)$/.exec(lines[4] ?? '')?.[1];
    expect(cursor).toBeDefined();

    const next = await runCli(
      ['events', '--smart-account', 'log.example', '--after', cursor!, '--format', 'csv'],
      target,
    );
    expect(next.stdout).toBe(
      'occurredAt,kind,user,virtualAccount,message\n' +
        '2026-09-30T14:02:11.000Z,SATELLITE_SYNC_NETWORK,,Campus,"Satellite ""sat-east-01"" synchronized via network"\n',
    );

    const byKind = await runCli(
      ['events', '--smart-account', 'log.example', '--kind', 'TOKEN_CREATE', '--format', 'json'],
      target,
    );
    expect(JSON.parse(byKind.stdout)).toEqual([
      {
        occurredAt: '2026-10-01T09:00:00.000Z',
        kind: 'TOKEN_CREATE',
        user: 'jdoe',
        virtualAccount: 'Lab',
        message: 'Product Instance Registration Token created for Virtual Account "Lab"',
      },
    ]);
  });
});
