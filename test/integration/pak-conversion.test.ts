import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { DomainError } from '../../api/src/domain/index.js';
import { createServices, fixedClock, type Services } from '../../api/src/index.js';
import { textSource } from '../../api/src/services/index.js';
import { cliTarget, runCli, type CliTarget } from '../support/cli.js';
import { gid } from '../support/global-id.js';
import { graphql } from '../support/graphql-client.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

const LICENSES = [
  '"Virtual Account","License","Billing","Purchased","In Use","Substitution","Balance","Alerts","License Type","Start Date","Expiration Date","Subscription ID","Product SKU"',
  '"Branch-North","ISR 4300 Security (SEC)","Prepaid","2","5","","-3","Insufficient Licenses","Perpetual","","","","SL-4330-SEC-K9"',
  '"Branch-South","ISR 4300 Unified Communications (UC)","Prepaid","0","2","","-2","Insufficient Licenses","Perpetual","","","","SL-4330-UC-K9"',
].join('\n');

const INSTANCES = [
  '"Virtual Account","Name","Product Type","Last Contact","Alerts","License","Count"',
  '"Branch-South","UDI_PID:ISR4331/K9; UDI_SN:FDO2231X0QZ; ","ISR4331","2026-11-20T10:00:00Z","","ISR 4300 Unified Communications (UC)","2"',
].join('\n');

// An LRP PAK export without a Virtual Account column; one PAK was fulfilled for a device.
const PAKS = [
  'PAK,SKU,License,Quantity,Status,Serial Number',
  '3301J4A7B2C,SL-4330-SEC-K9,ISR 4300 Security (SEC),4,FULFILLED,',
  '3301J9Q8W7E,SL-4330-UC-K9,ISR 4300 Unified Communications (UC),2,FULFILLED,FDO2231X0QZ',
].join('\n');

const DOMAIN = 'pak-conversion.example';

async function load(services: Services, domain: string): Promise<number> {
  for (const [name, content] of [
    ['licenses.csv', LICENSES],
    ['instances.csv', INSTANCES],
    ['lrp-paks.csv', PAKS],
  ] as const) {
    const summary = await services.imports.run({
      smartAccount: domain,
      asOf: '2026-11-01',
      dryRun: false,
      files: [textSource(name, content)],
    });
    expect(summary).toMatchObject({ committed: true, errorCount: 0 });
  }
  return (await services.accounts.smartAccountByDomain(domain))!.id;
}

describe('classic PAK conversion into a chosen Virtual Account', () => {
  let handle: DbHandle;
  let services: Services;
  let smartAccountId: number;

  beforeAll(async () => {
    handle = await createTestDb();
    services = createServices(handle, fixedClock('2026-11-28'));
    smartAccountId = await load(services, DOMAIN);
    await load(services, 'other.example');
  });
  afterAll(async () => {
    await handle.close();
  });

  const owned = async (includeClassic: boolean) => {
    const lines = await services.position.lines({
      smartAccountId,
      asOf: '2026-11-15',
      includeClassic,
    });
    const names = await handle.rows<{ kind: string; id: number; name: string }>(sql`
      select 'va' as kind, id, name from virtual_accounts where smart_account_id = ${smartAccountId}
      union all select 'license', id, name from licenses where smart_account_id = ${smartAccountId}`);
    const name = (kind: string, id: number) =>
      names.find((n) => n.kind === kind && n.id === id)!.name;
    return Object.fromEntries(
      lines
        .filter((l) => l.owned > 0)
        .map((l) => [`${name('va', l.virtualAccountId)}/${name('license', l.licenseId)}`, l.owned]),
    );
  };
  const codeOf = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      if (error instanceof DomainError) return `${error.code}: ${error.message}`;
      throw error;
    }
    return 'no error';
  };
  const common = () => ({ smartAccountId, asOf: '2026-11-15', actor: 'alice' });

  it('refuses an unknown PAK, more than remains, and a Virtual Account of another Smart Account; writes nothing', async () => {
    const before = await handle.rows(sql`select count(*)::int as n from lot_conversions`);
    const pak = { ...common(), smartAccountId, license: 'ISR 4300 Security (SEC)' };
    expect(
      await codeOf(() =>
        services.conversions.convertPak({
          ...pak,
          pakNumber: '3301JNOPE00',
          intoVirtualAccount: 'Branch-North',
        }),
      ),
    ).toBe('UNKNOWN_PAK: no classic PAK licenses for PAK 3301JNOPE00 × ISR 4300 Security (SEC)');
    expect(
      await codeOf(() =>
        services.conversions.convertPak({
          ...pak,
          pakNumber: '3301J4A7B2C',
          quantity: 5,
          intoVirtualAccount: 'Branch-North',
        }),
      ),
    ).toBe('EXCEEDS_PAK: cannot convert 5 for PAK 3301J4A7B2C × ISR 4300 Security (SEC): 4 remain');
    const [otherVa] = await handle.rows<{ id: number }>(sql`
      select v.id from virtual_accounts v join smart_accounts s on s.id = v.smart_account_id
      where s.domain = 'other.example' and v.name = 'Branch-North'`);
    const [lot] = await handle.rows<{ id: number }>(sql`
      select id from entitlement_lots
      where smart_account_id = ${smartAccountId} and pak_number = '3301J4A7B2C'`);
    expect(
      await codeOf(() =>
        services.conversions.convert({
          ...common(),
          lotId: lot!.id,
          intoVirtualAccountId: otherVa!.id,
        }),
      ),
    ).toMatch(/^UNKNOWN_VIRTUAL_ACCOUNT: Virtual Account #\d+ is not in this Smart Account/);
    expect(await handle.rows(sql`select count(*)::int as n from lot_conversions`)).toEqual(before);
  });

  it('converts 3 of a PAK into the short Virtual Account: smart-only up there, unified total unchanged, lineage and record kept', async () => {
    const [unifiedBefore, smartBefore] = [await owned(true), await owned(false)];
    expect(unifiedBefore).toEqual({
      'Branch-North/ISR 4300 Security (SEC)': 2,
      'Classic PAK/ISR 4300 Security (SEC)': 4,
      'Classic PAK/ISR 4300 Unified Communications (UC)': 2,
    });
    const done = await services.conversions.convertPak({
      ...common(),
      pakNumber: '3301J4A7B2C',
      license: 'ISR 4300 Security (SEC)',
      quantity: 3,
      intoVirtualAccount: 'Branch-North',
      note: 'PAK converted in LRP',
    });
    expect(done).toHaveLength(1);
    const [c] = done;
    expect(c!.conversion).toMatchObject({ quantity: 3, occurredOn: '2026-11-15', actor: 'alice' });
    expect(c!.smartLot).toMatchObject({
      source: 'SMART',
      quantity: 3,
      parentLotId: c!.sourceLot.id,
      pakNumber: '3301J4A7B2C',
      effectiveFrom: '2026-11-15',
    });
    expect(c!.remainderLot).toMatchObject({ source: 'CLASSIC_PAK', quantity: 1 });
    expect(c!.smartLot.virtualAccountId).not.toBe(c!.sourceLot.virtualAccountId);
    expect(c!.conversion.virtualAccountId).toBe(c!.smartLot.virtualAccountId);
    expect(await owned(true)).toEqual({
      'Branch-North/ISR 4300 Security (SEC)': 5,
      'Classic PAK/ISR 4300 Security (SEC)': 1,
      'Classic PAK/ISR 4300 Unified Communications (UC)': 2,
    });
    expect(smartBefore).toEqual({ 'Branch-North/ISR 4300 Security (SEC)': 2 });
    expect(await owned(false)).toEqual({ 'Branch-North/ISR 4300 Security (SEC)': 5 });
    expect(
      await codeOf(() =>
        services.conversions.convertPak({
          ...common(),
          pakNumber: '3301J4A7B2C',
          license: 'ISR 4300 Security (SEC)',
          quantity: 2,
          intoVirtualAccount: 'Branch-North',
        }),
      ),
    ).toMatch(/^EXCEEDS_PAK: .*: 1 remain$/);
  });

  it('device-led: converts the PAK licenses of a serial into the device’s Virtual Account', async () => {
    const done = await services.conversions.convertDevice({
      ...common(),
      deviceSerial: 'FDO2231X0QZ',
    });
    expect(done.map((c) => [c.sourceLot.pakNumber, c.conversion.quantity])).toEqual([
      ['3301J9Q8W7E', 2],
    ]);
    expect(await owned(false)).toEqual({
      'Branch-North/ISR 4300 Security (SEC)': 5,
      'Branch-South/ISR 4300 Unified Communications (UC)': 2,
    });
    expect(
      await codeOf(() =>
        services.conversions.convertDevice({ ...common(), deviceSerial: 'FDO2231X0QZ' }),
      ),
    ).toMatch(/^NOTHING_TO_CONVERT: nothing left to convert for device FDO2231X0QZ/);
  });
});

describe('trueup convert and trueup catalog export', () => {
  let cli: CliTarget;
  let target: Record<string, string>;
  const scratch = mkdtempSync(join(tmpdir(), 'trueup-convert-'));

  beforeAll(async () => {
    cli = await cliTarget(scratch);
    target = cli.env;
    for (const [name, content] of [
      ['licenses.csv', LICENSES],
      ['instances.csv', INSTANCES],
      ['lrp-paks.csv', PAKS],
    ] as const) {
      writeFileSync(join(scratch, name), content);
      const result = await runCli(
        ['import', join(scratch, name), '--smart-account', DOMAIN, '--as-of', '2026-11-01'],
        target,
      );
      expect(result.code).toBe(0);
    }
  });
  afterAll(async () => {
    await cli?.close();
  });

  it('converts by PAK and device-led, and says why it refuses', async () => {
    const byPak = await runCli(
      [
        'convert',
        '--smart-account',
        DOMAIN,
        '--pak',
        '3301J4A7B2C',
        '--license',
        'ISR 4300 Security (SEC)',
        '--quantity',
        '3',
        '--virtual-account',
        'Branch-North',
        '--as-of',
        '2026-11-15',
        '--format',
        'json',
      ],
      target,
    );
    expect(byPak.stderr).toBe('');
    expect(JSON.parse(byPak.stdout)).toEqual([
      {
        pak: '3301J4A7B2C',
        license: 'ISR 4300 Security (SEC)',
        quantity: 3,
        from: 'Classic PAK',
        into: 'Branch-North',
        occurredOn: '2026-11-15',
        smartLotId: expect.any(Number),
      },
    ]);
    const device = await runCli(
      ['convert', '--smart-account', DOMAIN, '--device', 'FDO2231X0QZ', '--as-of', '2026-11-15'],
      target,
    );
    expect(device.code).toBe(0);
    expect(device.stdout).toContain('converted 2 units in 1 lots');
    const tooMany = await runCli(
      [
        'convert',
        '--smart-account',
        DOMAIN,
        '--pak',
        '3301J4A7B2C',
        '--license',
        'ISR 4300 Security (SEC)',
        '--quantity',
        '2',
        '--virtual-account',
        'Branch-North',
      ],
      target,
    );
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toBe(
      'trueup: cannot convert 2 for PAK 3301J4A7B2C × ISR 4300 Security (SEC): 1 remain\n',
    );
  });

  it('exports the catalog to a file', async () => {
    const output = join(scratch, 'catalog.csv');
    const result = await runCli(
      ['catalog', 'export', '--smart-account', DOMAIN, '--output', output],
      target,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`wrote ${output} (2 licenses)\n`);
  });
});

describe('classic PAK conversion over GraphQL', () => {
  let handle: DbHandle;
  let url: string;
  let close: () => Promise<void>;
  let smartAccountId: number;

  beforeAll(async () => {
    handle = await createTestDb();
    smartAccountId = await load(createServices(handle, fixedClock('2026-11-28')), DOMAIN);
    const server = await startTestApi(handle, '2026-11-28');
    url = server.graphqlUrl;
    close = server.close;
  });
  afterAll(async () => {
    await close();
    await handle.close();
  });

  it('converts by PAK and device-led, returning lineage', async () => {
    const res = await graphql<{
      convertPak: {
        conversions: { conversion: { quantity: number; virtualAccount: { name: string } } }[];
      };
      convertDeviceLicenses: {
        conversions: { smartLot: { quantity: number; deviceSerial: string | null } }[];
      };
    }>(
      url,
      `
        mutation ($pak: ConvertPakInput!, $device: ConvertDeviceLicensesInput!) {
          convertPak(input: $pak) {
            conversions {
              conversion {
                quantity
                virtualAccount {
                  name
                }
              }
            }
          }
          convertDeviceLicenses(input: $device) {
            conversions {
              smartLot {
                quantity
                deviceSerial
              }
            }
          }
        }
      `,
      {
        pak: {
          smartAccountId: gid('SmartAccount', smartAccountId),
          actor: 'alice',
          asOf: '2026-11-15',
          pakNumber: '3301J4A7B2C',
          license: 'ISR 4300 Security (SEC)',
          intoVirtualAccount: 'Branch-North',
        },
        device: {
          smartAccountId: gid('SmartAccount', smartAccountId),
          actor: 'alice',
          asOf: '2026-11-15',
          deviceSerial: 'FDO2231X0QZ',
        },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      convertPak: {
        conversions: [{ conversion: { quantity: 4, virtualAccount: { name: 'Branch-North' } } }],
      },
      convertDeviceLicenses: {
        conversions: [{ smartLot: { quantity: 2, deviceSerial: 'FDO2231X0QZ' } }],
      },
    });
  });
});
