import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { createTestDb } from '../../../../test/support/test-db.js';
import { fixedClock } from '../clock.js';
import { createServices, type Services } from '../index.js';

import { textSource } from './sources.js';

/**
 * What an import stores about devices: the connection mode every source states (and keeps when
 * it states none), the SSM On-Prem satellite an `onprem:<host>` import comes from and its last
 * sync, and the last contact a RUM report proves. Then the staleness findings on that data.
 * All names, serials and dates are invented.
 */

const AS_OF = '2026-11-01';

function csv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => `"${cell}"`).join(',')).join('\r\n') + '\r\n';
}

const udi = (serial: string) => `UDI_PID:C9300-24P; UDI_SN:${serial}; `;

/** Epoch seconds of a UTC calendar date at noon. */
const noon = (date: string) => Date.parse(`${date}T12:00:00Z`) / 1000;

/** One `<RUMReport>` in the shape of cisco-formats.md §9.1, one measurement ending at `end`. */
function rumReport(serial: string, end: string, count = 1): string {
  const payload = {
    version: '2.0',
    asset_identification: {
      report_id: 1790000001,
      asset: { name: 'regid.2017-03.com.cisco.C9300_24P,1.0_aaaa0000-bbbb-4ccc-8ddd-eeeeffff0001' },
      instance: { sudi: { udi_pid: 'C9300-24P', udi_serial_number: serial } },
    },
    meta: {
      entitlement_tag: 'regid.2018-03.com.cisco.C9300_24P_DNA_Essentials,1.0_test-0002',
      software_version: '17.12.04',
    },
    measurements: [
      {
        log_time: noon(end) + 100,
        metric_name: 'ENTITLEMENT',
        start_time: noon(end) - 86400,
        end_time: noon(end),
        sample_interval: 86400,
        num_samples: 96,
        value: { type: 'COUNT', value: String(count) },
      },
    ],
  };
  const wrapper = {
    payload: JSON.stringify(payload),
    signature: {
      sudi: { udi_pid: 'C9300-24P', udi_serial_number: serial },
      signing_type: 'builtin',
      key: 'k',
      value: 'c2ln',
    },
  };
  return `<RUMReport><![CDATA[${JSON.stringify(wrapper)}]]></RUMReport>`;
}

const rumFile = (...reports: string[]) =>
  `<?xml version="1.0"?>\n<smartLicense>\n${reports.join('\n')}\n</smartLicense>\n`;

describe('what an import stores about devices', () => {
  let handle: DbHandle;
  let services: Services;

  beforeAll(async () => {
    handle = await createTestDb();
    services = createServices(handle, fixedClock(AS_OF));
  });
  afterAll(async () => {
    await handle.close();
  });

  const run = (
    domain: string,
    fileName: string,
    content: string,
    options: { asOf?: string; sourceSystem?: string; virtualAccount?: string } = {},
  ) =>
    services.imports.run({
      smartAccount: domain,
      asOf: options.asOf ?? AS_OF,
      dryRun: false,
      files: [textSource(fileName, content)],
      sourceSystem: options.sourceSystem,
      virtualAccount: options.virtualAccount,
    });

  /** serial → [connection mode, satellite name, last contact date] */
  async function devices(
    domain: string,
  ): Promise<Record<string, [string, string | null, string | null]>> {
    const rows = await handle.rows<{
      serial: string;
      mode: string;
      satellite: string | null;
      contact: string | null;
    }>(sql`
      select p.udi_serial as serial, p.connection_mode as mode, s.name as satellite,
             to_char(p.last_contact_at at time zone 'UTC', 'YYYY-MM-DD') as contact
      from product_instances p
      join smart_accounts a on a.id = p.smart_account_id
      left join satellites s on s.id = p.satellite_id
      where a.domain = ${domain}`);
    return Object.fromEntries(rows.map((r) => [r.serial, [r.mode, r.satellite, r.contact]]));
  }

  /** satellite name → last sync date */
  async function satellites(domain: string): Promise<Record<string, string | null>> {
    const rows = await handle.rows<{ name: string; sync: string | null }>(sql`
      select s.name, to_char(s.last_sync_at at time zone 'UTC', 'YYYY-MM-DD') as sync
      from satellites s join smart_accounts a on a.id = s.smart_account_id
      where a.domain = ${domain}`);
    return Object.fromEntries(rows.map((r) => [r.name, r.sync]));
  }

  /** The STALE_REPORTING findings' subjects at `asOf`: `INSTANCE:<serial>` or `SATELLITE:<name>`. */
  async function stale(domain: string, asOf = AS_OF): Promise<string[]> {
    const account = await services.accounts.smartAccountByDomain(domain);
    const found = await services.findings({
      smartAccountId: account!.id,
      asOf,
      includeClassic: true,
    });
    const names = await handle.rows<{ kind: string; id: number; name: string }>(sql`
      select 'INSTANCE' as kind, id, udi_serial as name from product_instances
        where smart_account_id = ${account!.id}
      union all
      select 'SATELLITE', id, name from satellites where smart_account_id = ${account!.id}`);
    return found
      .filter((f) => f.code === 'STALE_REPORTING')
      .map((f) => {
        const facts = f.facts as { subject: string; subjectId: number };
        const name = names.find(
          (n) => n.kind === facts.subject && Number(n.id) === facts.subjectId,
        );
        return `${facts.subject}:${name?.name ?? '?'}`;
      })
      .sort();
  }

  describe('registration type', () => {
    const HEADER = ['Virtual Account', 'Name', 'Last Contact', 'Registration Type', 'Satellite'];

    it('stores the mode every Registration Type value states, and never reports a reserved device stale', async () => {
      const summary = await run(
        'registration.example',
        'instances.csv',
        csv([
          HEADER,
          ['Campus', udi('SLR0001'), '2026-01-10', 'Specific License Reservation', ''],
          ['Campus', udi('PLR0001'), '2026-01-10', 'Permanent License Reservation', ''],
          ['Campus', udi('SLUP001'), '2026-10-20', 'Smart Licensing Using Policy', ''],
          ['Campus', udi('SL00001'), '2026-10-20', 'Smart Licensing', ''],
          ['Campus', udi('SAT0001'), '2026-10-20', 'SSM On-Prem', 'ssm-a.example.net'],
          ['Campus', udi('SAT0002'), '2026-10-20', 'Smart Licensing', 'ssm-a.example.net'],
        ]),
      );
      expect(summary).toMatchObject({ committed: true, errorCount: 0, warningCount: 0 });
      expect(await devices('registration.example')).toEqual({
        SLR0001: ['SLR', null, '2026-01-10'],
        PLR0001: ['PLR', null, '2026-01-10'],
        SLUP001: ['DIRECT_CLOUD', null, '2026-10-20'],
        SL00001: ['DIRECT_CLOUD', null, '2026-10-20'],
        SAT0001: ['ON_PREM', 'ssm-a.example.net', '2026-10-20'],
        SAT0002: ['ON_PREM', 'ssm-a.example.net', '2026-10-20'],
      });
      // Last contact 295 days ago: a cloud device would be stale, a reserved one never reports.
      expect(await stale('registration.example')).toEqual([]);
    });

    it('reads a device status that names the reservation', async () => {
      const summary = await run(
        'status-text.example',
        'instances.csv',
        csv([
          ['Virtual Account', 'Name', 'Status'],
          ['Campus', udi('SLR0002'), 'REGISTERED - SPECIFIC LICENSE RESERVATION'],
          ['Campus', udi('PLR0002'), 'Registered - Permanent License Reservation'],
        ]),
      );
      expect(summary).toMatchObject({ committed: true, errorCount: 0, warningCount: 0 });
      expect(await devices('status-text.example')).toEqual({
        SLR0002: ['SLR', null, null],
        PLR0002: ['PLR', null, null],
      });
    });

    it('keeps the stored mode when an export states none or one it does not know', async () => {
      const domain = 'keep-mode.example';
      await run(
        domain,
        'first.csv',
        csv([
          HEADER,
          ['Campus', udi('SLR0003'), '2026-09-01', 'SLR', ''],
          ['Campus', udi('PLR0003'), '2026-09-01', 'PLR', ''],
          ['Campus', udi('SAT0003'), '2026-09-01', 'On-Prem', 'ssm-b.example.net'],
          ['Campus', udi('ODD0003'), '2026-09-01', 'Specific License Reservation', ''],
        ]),
      );
      const noMode = await run(
        domain,
        'no-mode.csv',
        csv([
          ['Virtual Account', 'Name', 'Last Contact'],
          ['Campus', udi('SLR0003'), '2026-10-01'],
          ['Campus', udi('PLR0003'), '2026-10-01'],
          ['Campus', udi('SAT0003'), '2026-10-01'],
        ]),
      );
      expect(noMode).toMatchObject({ committed: true, errorCount: 0, warningCount: 0 });
      const unknown = await run(
        domain,
        'unknown.csv',
        csv([
          ['Virtual Account', 'Name', 'Registration Type'],
          ['Campus', udi('ODD0003'), 'Carrier Pigeon'],
        ]),
      );
      expect(unknown.warningCount).toBe(1);
      expect(unknown.issues[0]).toMatchObject({
        file: 'unknown.csv',
        line: 2,
        column: 3,
        severity: 'warning',
      });
      expect(unknown.issues[0]?.message).toContain('"Carrier Pigeon"');
      expect(await devices(domain)).toEqual({
        SLR0003: ['SLR', null, '2026-10-01'],
        PLR0003: ['PLR', null, '2026-10-01'],
        SAT0003: ['ON_PREM', 'ssm-b.example.net', '2026-10-01'],
        ODD0003: ['SLR', null, '2026-09-01'],
      });
    });

    it('moves a device out of a reservation on "Smart Licensing", and keeps a satellite device on its satellite', async () => {
      const domain = 'leave-reservation.example';
      await run(
        domain,
        'first.csv',
        csv([
          ['Virtual Account', 'Name', 'Product Type', 'Registration', 'On-Prem Server'],
          ['Campus', udi('SLR0004'), 'C9300', 'SLR', ''],
          ['Campus', udi('SAT0004'), 'C9300', '', 'ssm-c.example.net'],
        ]),
      );
      expect(await devices(domain)).toEqual({
        SLR0004: ['SLR', null, null],
        SAT0004: ['ON_PREM', 'ssm-c.example.net', null],
      });
      await run(
        domain,
        'second.csv',
        csv([
          ['Virtual Account', 'Name', 'Product Type', 'License Mode'],
          ['Campus', udi('SLR0004'), 'C9300', 'Smart Licensing'],
          ['Campus', udi('SAT0004'), 'C9300', 'Smart Licensing Using Policy'],
        ]),
      );
      expect(await devices(domain)).toEqual({
        SLR0004: ['DIRECT_CLOUD', null, null],
        SAT0004: ['ON_PREM', 'ssm-c.example.net', null],
      });
    });

    it('stores the registration type of the devices API', async () => {
      const json = JSON.stringify({
        status: 'SUCCESS',
        totalRecords: 3,
        devices: [
          {
            instanceName: udi('SLR0005'),
            virtualAccount: 'Campus',
            registrationType: 'Specific License Reservation',
          },
          {
            instanceName: udi('PLR0005'),
            virtualAccount: 'Campus',
            status: 'REGISTERED - PERMANENT LICENSE RESERVATION',
          },
          {
            instanceName: udi('SL00005'),
            virtualAccount: 'Campus',
            licenseMode: 'Smart Licensing Using Policy',
          },
        ],
      });
      const summary = await run('devices-json.example', 'devices.json', json);
      expect(summary).toMatchObject({ committed: true, errorCount: 0, warningCount: 0 });
      expect(await devices('devices-json.example')).toEqual({
        SLR0005: ['SLR', null, null],
        PLR0005: ['PLR', null, null],
        SL00005: ['DIRECT_CLOUD', null, null],
      });
    });
  });

  describe('SSM On-Prem imports', () => {
    const INSTANCES = csv([
      ['Virtual Account', 'Name', 'Last Contact', 'Registration Type'],
      ['Plant', udi('ONP0001'), '2026-07-20', ''],
      ['Plant', udi('ONP0002'), '2026-07-20', 'Smart Licensing'],
      ['Plant', udi('ONP0003'), '2026-07-20', 'Specific License Reservation'],
    ]);

    it('records the satellite, its sync date, and its devices as ON_PREM through it', async () => {
      const domain = 'onprem-old.example';
      const summary = await run(domain, 'onprem-instances.csv', INSTANCES, {
        asOf: '2026-07-24',
        sourceSystem: 'onprem:ssm-plant.example.net',
      });
      expect(summary).toMatchObject({ committed: true, errorCount: 0 });
      expect(summary.counts.created.satellites).toBe(1);
      expect(await satellites(domain)).toEqual({ 'ssm-plant.example.net': '2026-07-24' });
      expect(await devices(domain)).toEqual({
        ONP0001: ['ON_PREM', 'ssm-plant.example.net', '2026-07-20'],
        ONP0002: ['ON_PREM', 'ssm-plant.example.net', '2026-07-20'],
        ONP0003: ['SLR', 'ssm-plant.example.net', '2026-07-20'],
      });
      // 2026-07-24 is 100 days before 2026-11-01: past the 90-day deadline. The ON_PREM devices
      // behind it are judged through it (listed in its one finding, never findings of their
      // own); the SLR one never reports.
      expect(await stale(domain)).toEqual(['SATELLITE:ssm-plant.example.net']);
      const account = await services.accounts.smartAccountByDomain(domain);
      const [satellite] = (
        await services.findings({ smartAccountId: account!.id, asOf: AS_OF, includeClassic: true })
      ).filter((f) => f.code === 'STALE_REPORTING');
      const ids =
        satellite?.code === 'STALE_REPORTING' ? [...satellite.facts.instanceIds] : ([] as number[]);
      const listed = await handle.rows<{ serial: string }>(sql`
        select udi_serial as serial from product_instances
        where id = any(${sql.param(ids)}::bigint[])
        order by 1`);
      expect(listed.map((r) => r.serial)).toEqual(['ONP0001', 'ONP0002']);
    });

    it('raises no satellite finding for a sync 10 days old', async () => {
      const domain = 'onprem-fresh.example';
      const fresh = INSTANCES.replaceAll('2026-07-20', '2026-10-20');
      await run(domain, 'onprem-instances.csv', fresh, {
        asOf: '2026-10-22',
        sourceSystem: 'onprem:ssm-plant.example.net',
      });
      expect(await satellites(domain)).toEqual({ 'ssm-plant.example.net': '2026-10-22' });
      expect(await stale(domain)).toEqual([]);
    });

    it('never moves the last sync backwards, and records it for any file from the host', async () => {
      const domain = 'onprem-order.example';
      const licenses = csv([
        ['Virtual Account', 'License', 'Purchased', 'In Use'],
        ['Plant', 'C9300 24P DNA Essentials, 3Y Term', '10', '2'],
      ]);
      const first = await run(domain, 'licenses.csv', licenses, {
        asOf: '2026-10-15',
        sourceSystem: 'onprem:ssm-plant.example.net',
      });
      expect(first.counts.created.satellites).toBe(1);
      expect(await satellites(domain)).toEqual({ 'ssm-plant.example.net': '2026-10-15' });
      const older = await run(domain, 'older-instances.csv', INSTANCES, {
        asOf: '2026-08-01',
        sourceSystem: 'onprem:ssm-plant.example.net',
      });
      expect(older.counts.created.satellites + older.counts.updated.satellites).toBe(0);
      expect(await satellites(domain)).toEqual({ 'ssm-plant.example.net': '2026-10-15' });
      const newer = await run(
        domain,
        'newer-instances.csv',
        INSTANCES.replace('ONP0001', 'ONP0009'),
        {
          asOf: '2026-10-30',
          sourceSystem: 'onprem:ssm-plant.example.net',
        },
      );
      expect(newer.counts.updated.satellites).toBe(1);
      expect(await satellites(domain)).toEqual({ 'ssm-plant.example.net': '2026-10-30' });
    });

    it('refuses a source that is neither cloud nor onprem:<host>, writing nothing', async () => {
      await expect(
        run('onprem-bad.example', 'i.csv', INSTANCES, { sourceSystem: 'onprem:' }),
      ).rejects.toThrow(/onprem:<host>/);
      expect(await services.accounts.smartAccountByDomain('onprem-bad.example')).toBeUndefined();
    });
  });

  describe('RUM reports', () => {
    it('dates a device known only from RUM reports by its latest measurement, never backwards', async () => {
      const domain = 'rum.example';
      await run(
        domain,
        'usage-1.xml',
        rumFile(rumReport('RUM0001', '2026-07-01'), rumReport('RUM0001', '2026-07-15')),
        { virtualAccount: 'Branch' },
      );
      expect(await devices(domain)).toEqual({ RUM0001: ['DIRECT_CLOUD', null, '2026-07-15'] });
      // No lot on record says its license is a subscription, so the perpetual-only window
      // (365 days) applies: 109 days before the as-of is fresh, 366 days is stale.
      expect(await stale(domain)).toEqual([]);
      expect(await stale(domain, '2027-07-16')).toEqual(['INSTANCE:RUM0001']);
      await run(domain, 'usage-2.xml', rumFile(rumReport('RUM0001', '2026-10-30')), {
        virtualAccount: 'Branch',
      });
      expect(await devices(domain)).toEqual({ RUM0001: ['DIRECT_CLOUD', null, '2026-10-30'] });
      await run(domain, 'usage-older.xml', rumFile(rumReport('RUM0001', '2026-06-01')), {
        virtualAccount: 'Branch',
      });
      expect(await devices(domain)).toEqual({ RUM0001: ['DIRECT_CLOUD', null, '2026-10-30'] });
      expect(await stale(domain)).toEqual([]);
    });

    it('makes a device first seen in an On-Prem RUM file ON_PREM through that satellite', async () => {
      const domain = 'rum-onprem.example';
      await run(domain, 'usage.xml', rumFile(rumReport('RUM0002', '2026-10-25')), {
        virtualAccount: 'Branch',
        sourceSystem: 'onprem:ssm-branch.example.net',
        asOf: '2026-10-28',
      });
      expect(await devices(domain)).toEqual({
        RUM0002: ['ON_PREM', 'ssm-branch.example.net', '2026-10-25'],
      });
    });
  });

  it('finds nothing stale in a consistent, fresh estate', async () => {
    const domain = 'fresh.example';
    await run(
      domain,
      'cloud-instances.csv',
      csv([
        ['Virtual Account', 'Name', 'Last Contact', 'Registration Type', 'License', 'Count'],
        ['Campus', udi('FRS0001'), '2026-10-25', 'Smart Licensing', 'C9300 Network Advantage', '1'],
        ['Campus', udi('FRS0002'), '2025-03-01', 'SLR', 'C9300 Network Advantage', '1'],
      ]),
      { asOf: '2026-10-31' },
    );
    await run(
      domain,
      'onprem-instances.csv',
      csv([
        ['Virtual Account', 'Name', 'Last Contact', 'License', 'Count'],
        ['Plant', udi('FRS0003'), '2026-10-20', 'C9300 Network Advantage', '1'],
      ]),
      { asOf: '2026-10-30', sourceSystem: 'onprem:ssm-fresh.example.net' },
    );
    await run(domain, 'usage.xml', rumFile(rumReport('FRS0004', '2026-10-29')), {
      virtualAccount: 'Branch',
    });
    expect(await devices(domain)).toEqual({
      FRS0001: ['DIRECT_CLOUD', null, '2026-10-25'],
      FRS0002: ['SLR', null, '2025-03-01'],
      FRS0003: ['ON_PREM', 'ssm-fresh.example.net', '2026-10-20'],
      FRS0004: ['DIRECT_CLOUD', null, '2026-10-29'],
    });
    expect(await satellites(domain)).toEqual({ 'ssm-fresh.example.net': '2026-10-30' });
    expect(await stale(domain)).toEqual([]);
    // A year later it is stale everywhere it reports: the direct devices hold no known
    // subscription (the 365-day window), the On-Prem one is listed under its late satellite,
    // and the SLR device never reports.
    expect(await stale(domain, '2027-11-01')).toEqual([
      'INSTANCE:FRS0001',
      'INSTANCE:FRS0004',
      'SATELLITE:ssm-fresh.example.net',
    ]);
    // Two months later only the satellite is late (past its 90-day sync deadline).
    expect(await stale(domain, '2027-02-15')).toEqual(['SATELLITE:ssm-fresh.example.net']);
  });
});
