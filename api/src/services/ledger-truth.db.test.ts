import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { createTestDb } from '../../../test/support/test-db.js';

import { createServices, fixedClock, textSource, type Services } from './index.js';

// Issue 13 "Ledger truth": the account ledger (licenses JSON / CSV) against device reports (RUM),
// from real-shaped files (cisco-formats.md §1.3, §2.2, §6, §7, §9.1; invented values).

const LICENSE = 'C9300 24P DNA Essentials, 3Y Term';
const TAG =
  'regid.2018-03.com.cisco.C9300_24P_DNA_Essentials,1.0_aaaa0000-bbbb-4ccc-8ddd-eeeeffff0002';

/** A v2 get-summary response (§6) for one license of the chosen Virtual Account. */
function summary(figures: { entitled: number; inuse: number; reserved: number }): string {
  return JSON.stringify({
    status: 'SUCCESS',
    nonce: 'q1w2e3',
    message: '',
    out_standing_reports: 0,
    summary: [
      {
        tag: TAG,
        display_name: LICENSE,
        ...figures,
        future_entitled: 0,
        compliance_status: figures.inuse > figures.entitled ? 'Out Of Compliance' : 'In Compliance',
        enforced: false,
        export_restricted: false,
        license_details: [
          {
            quantity: figures.entitled,
            start_date: '2025-02-01',
            end_date: '2028-01-31',
            subscription_id: 'Sub7001234',
            license_type: 'TERM',
          },
        ],
      },
    ],
  });
}

/** A saved RUM file (§9.1): one `<RUMReport>` per device, each measuring `TAG` at `endTime`. */
function rumFile(serials: readonly string[], endTime: number, count: string): string {
  const reports = serials.map((serial) => {
    const payload = {
      version: '2.0',
      asset_identification: {
        report_id: 1790000001,
        asset: {
          name: 'regid.2017-03.com.cisco.C9300_24P,1.0_aaaa0000-bbbb-4ccc-8ddd-eeeeffff0001',
        },
        instance: { sudi: { udi_pid: 'C9300-24P', udi_serial_number: serial } },
      },
      meta: { entitlement_tag: TAG, software_version: '17.12.04' },
      measurements: [
        {
          log_time: endTime + 100,
          metric_name: 'ENTITLEMENT',
          start_time: endTime - 86400,
          end_time: endTime,
          sample_interval: 86400,
          num_samples: 96,
          value: { type: 'COUNT', value: count },
        },
      ],
    };
    const signature = {
      sudi: { udi_pid: 'C9300-24P', udi_serial_number: serial },
      signing_type: 'builtin',
      key: 'k',
      value: 'b64sig==',
    };
    const body = JSON.stringify({ payload: JSON.stringify(payload), signature });
    return `<RUMReport><![CDATA[${body}]]></RUMReport>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<smartLicense>\n${reports.join('\n')}\n</smartLicense>\n`;
}

/** An SLR authorization code (§7) reserving `count` of `TAG` on one device. */
function slrCode(serial: string, count: number): string {
  return (
    '<specificPLR><authorizationCode><flag>A</flag><version>C</version>' +
    '<piid>5d0c0000-aaaa-4bbb-8ccc-0d0e0f101112</piid><timestamp>1767225600000</timestamp>' +
    `<entitlements><entitlement><tag>${TAG}</tag><count>${count}</count><startDate></startDate>` +
    '<endDate></endDate><licenseType>PERPETUAL</licenseType>' +
    `<displayName>${LICENSE}</displayName></entitlement></entitlements></authorizationCode>` +
    `<signature>QmFzZTY0==</signature><udi>P:C9300-24P,S:${serial}</udi></specificPLR>`
  );
}

/** 2026-11-30 12:00 UTC, as RUM epoch seconds. */
const NOV_30 = 1796040000;
const FIVE_DEVICES = ['FOC0000X1AA', 'FOC0000X1AB', 'FOC0000X1AC', 'FOC0000X1AD', 'FOC0000X1AE'];

describe('ledger truth (issue 13)', () => {
  let handle: DbHandle;
  let services: Services;

  beforeAll(async () => {
    handle = await createTestDb();
    services = createServices(handle, fixedClock('2026-12-01'));
  });
  afterAll(async () => {
    await handle.close();
  });

  async function load(domain: string, asOf: string, fileName: string, content: string) {
    const summary = await services.imports.run({
      smartAccount: domain,
      asOf,
      virtualAccount: 'Campus',
      dryRun: false,
      files: [textSource(fileName, content)],
    });
    expect(summary.issues).toEqual([]);
    expect(summary.committed).toBe(true);
  }

  async function accountId(domain: string): Promise<number> {
    return (await services.accounts.smartAccountByDomain(domain))!.id;
  }

  async function onlyLine(domain: string, asOf: string) {
    const lines = await services.position.lines({
      smartAccountId: await accountId(domain),
      asOf,
      includeClassic: true,
    });
    expect(lines).toHaveLength(1);
    return lines[0]!;
  }

  async function findingsOf(domain: string, asOf: string, code?: string) {
    const all = await services.findings({
      smartAccountId: await accountId(domain),
      asOf,
      includeClassic: true,
    });
    return code === undefined ? all : all.filter((f) => f.code === code);
  }

  describe('newer source wins (item 3)', () => {
    beforeAll(async () => {
      await load(
        'old-ledger.example',
        '2026-06-30',
        'summary.json',
        summary({ entitled: 10, inuse: 3, reserved: 0 }),
      );
      await load(
        'old-ledger.example',
        '2026-12-01',
        'usage.xml',
        rumFile(FIVE_DEVICES, NOV_30, '1'),
      );
    });

    it('an old ledger loses to newer device reports', async () => {
      const line = await onlyLine('old-ledger.example', '2026-12-01');
      expect(line).toMatchObject({
        consumed: 5,
        usageReportedAt: '2026-11-30',
        owned: 10,
        balance: 5,
      });
    });

    it('before the device reports, the ledger is all there is', async () => {
      const line = await onlyLine('old-ledger.example', '2026-07-01');
      expect(line).toMatchObject({ consumed: 3, usageReportedAt: '2026-06-30' });
    });

    it('names both figures and their dates in a LEDGER_DEVICE_MISMATCH, without money', async () => {
      const [finding, ...more] = await findingsOf(
        'old-ledger.example',
        '2026-12-01',
        'LEDGER_DEVICE_MISMATCH',
      );
      expect(more).toEqual([]);
      expect(finding).toMatchObject({
        severity: 'medium',
        virtualAccountName: 'Campus',
        licenseName: LICENSE,
        quantity: 2,
        money: null,
        facts: {
          ledgerInUse: 3,
          ledgerAsOf: '2026-06-30',
          deviceConsumed: 5,
          deviceReportedOn: '2026-11-30',
          used: 'DEVICE',
        },
      });
      expect(finding!.message).toContain('3 in use as of 2026-06-30');
      expect(finding!.message).toContain('5 as of 2026-11-30');
    });

    it('on the same date the ledger wins, and the difference is still a finding', async () => {
      await load(
        'same-day.example',
        '2026-11-30',
        'summary.json',
        summary({ entitled: 10, inuse: 3, reserved: 0 }),
      );
      await load('same-day.example', '2026-12-01', 'usage.xml', rumFile(FIVE_DEVICES, NOV_30, '1'));
      const line = await onlyLine('same-day.example', '2026-12-01');
      expect(line).toMatchObject({ consumed: 3, usageReportedAt: '2026-11-30' });
      const [finding] = await findingsOf(
        'same-day.example',
        '2026-12-01',
        'LEDGER_DEVICE_MISMATCH',
      );
      expect(finding?.facts).toMatchObject({ ledgerInUse: 3, deviceConsumed: 5, used: 'LEDGER' });
    });

    it('a consistent estate (ledger = device sum, same date) has no mismatch', async () => {
      await load(
        'consistent.example',
        '2026-11-30',
        'summary.json',
        summary({ entitled: 10, inuse: 5, reserved: 0 }),
      );
      await load(
        'consistent.example',
        '2026-12-01',
        'usage.xml',
        rumFile(FIVE_DEVICES, NOV_30, '1'),
      );
      expect(await onlyLine('consistent.example', '2026-12-01')).toMatchObject({ consumed: 5 });
      expect(
        await findingsOf('consistent.example', '2026-12-01', 'LEDGER_DEVICE_MISMATCH'),
      ).toEqual([]);
    });

    it('a ledger without any device report is not a mismatch', async () => {
      await load(
        'ledger-only.example',
        '2026-11-30',
        'summary.json',
        summary({ entitled: 10, inuse: 7, reserved: 0 }),
      );
      expect(await onlyLine('ledger-only.example', '2026-12-01')).toMatchObject({ consumed: 7 });
      expect(
        await findingsOf('ledger-only.example', '2026-12-01', 'LEDGER_DEVICE_MISMATCH'),
      ).toEqual([]);
    });
  });

  describe("Cisco's reserved figure (item 6)", () => {
    it('is kept per Virtual Account × license and reconciled with the authorization codes', async () => {
      await load(
        'reserved.example',
        '2026-11-30',
        'summary.json',
        summary({ entitled: 10, inuse: 4, reserved: 2 }),
      );
      await load('reserved.example', '2026-12-01', 'auth.xml', slrCode('FCW0000Z9YX', 1));
      const line = await onlyLine('reserved.example', '2026-12-01');
      // The code-level reservation (1) is a breakdown of the ledger's in-use (4): not added.
      expect(line).toMatchObject({
        consumed: 4,
        reserved: 1,
        ledger: { consumed: 4, asOf: '2026-11-30', reserved: 2 },
      });
      const [finding, ...more] = await findingsOf(
        'reserved.example',
        '2026-12-01',
        'LEDGER_DEVICE_MISMATCH',
      );
      expect(more).toEqual([]);
      expect(finding).toMatchObject({
        quantity: 1,
        facts: { ledgerReserved: 2, deviceReserved: 1, deviceReportedOn: null, used: 'LEDGER' },
      });
      expect(finding!.message).toContain('reserves 2');
      expect(finding!.message).toContain('authorization codes hold 1');
    });

    it('agreeing reserved figures raise nothing', async () => {
      await load(
        'reserved-ok.example',
        '2026-11-30',
        'summary.json',
        summary({ entitled: 10, inuse: 4, reserved: 1 }),
      );
      await load('reserved-ok.example', '2026-12-01', 'auth.xml', slrCode('FCW0000Z9YY', 1));
      expect(
        await findingsOf('reserved-ok.example', '2026-12-01', 'LEDGER_DEVICE_MISMATCH'),
      ).toEqual([]);
    });
  });

  describe('usage-billed licenses (item 10)', () => {
    it('are billed, not short: no shortfall, exposure or INSUFFICIENT_LICENSES', async () => {
      const v1 = JSON.stringify({
        totalRecords: 1,
        status: 'SUCCESS',
        statusMessage: '',
        licenses: [
          {
            license: 'Webex Calling Professional, Usage',
            virtualAccount: 'Collab',
            quantity: 0,
            inUse: 50,
            available: 0,
            reserved: 0,
            pendingQuantity: 0,
            status: 'In Compliance',
            billingType: 'USAGE',
            isPortable: false,
            ahaApps: false,
            licenseSubstitutions: [],
            licenseDetails: [],
          },
        ],
      });
      await load('usage.example', '2026-11-30', 'licenses.json', v1);
      const line = await onlyLine('usage.example', '2026-12-01');
      expect(line).toMatchObject({
        billing: 'USAGE',
        consumed: 50,
        shortfall: 0,
        balance: 0,
        usageReportedAt: '2026-11-30',
      });
      expect(await findingsOf('usage.example', '2026-12-01', 'INSUFFICIENT_LICENSES')).toEqual([]);
      const [position] = await services.position.account({
        smartAccountId: await accountId('usage.example'),
        asOf: '2026-12-01',
        includeClassic: true,
      });
      expect(position).toMatchObject({ consumed: 50, grossShortfall: 0, netShortfall: 0 });
    });

    it('stay billed, not short, in a frozen snapshot', async () => {
      const smartAccountId = await accountId('usage.example');
      await services.history.takeSnapshot({
        smartAccountId,
        label: 'q4',
        asOf: '2026-12-01',
        includeClassic: true,
      });
      // The snapshot and the live position at its date agree: nothing drifted.
      const result = await services.history.drift({ smartAccountId, from: 'q4', to: '2026-12-01' });
      expect(result.lines).toEqual([]);
    });
  });

  describe('consumption before the first report (item 12)', () => {
    it('says when usage was last reported, and null before any report', async () => {
      const csv =
        '"Virtual Account","License","Billing","Purchased","In Use","Substitution","Balance","Alerts"\r\n' +
        '"Sales-West","C9200 24P Network Essentials","Prepaid","12","9","","3",""\r\n';
      // Imported without --as-of on 2026-11-28 (the as-of defaults to today) ...
      await load('unreported.example', '2026-11-28', 'licenses.csv', csv);
      const id = await accountId('unreported.example');
      // ... then asked at the export's date, before the import's as-of.
      const early = await services.position.rowsPage({
        smartAccountId: id,
        asOf: '2026-11-01',
        includeClassic: true,
        page: { first: 10 },
      });
      expect(early.items.map((item) => item.node)).toMatchObject([
        { consumed: 0, usageReportedAt: null, billing: 'UNKNOWN', owned: 12 },
      ]);
      const later = await onlyLine('unreported.example', '2026-11-28');
      expect(later).toMatchObject({
        consumed: 9,
        usageReportedAt: '2026-11-28',
        billing: 'PREPAID',
      });
    });
  });
});
