import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import {
  authorizationXml,
  positionByLicense,
  SLR_NAMES,
  SLR_TAGS,
} from '../../../../test/support/slr-codes.js';
import { createTestDb } from '../../../../test/support/test-db.js';

import { importFiles } from './import-service.js';
import { textSource } from './sources.js';

const NWA = 'C9300 24P Network Advantage';
const NWA_TAG =
  'regid.2017-03.com.cisco.C9300_24P_NW_Advantage,1.0_aaaa0000-bbbb-4ccc-8ddd-000000000001';
const DNA = 'C9300 24P DNA Advantage, 3Y Term';
const DNA_TAG =
  'regid.2018-03.com.cisco.C9300_24P_DNA_Advantage,1.0_aaaa0000-bbbb-4ccc-8ddd-000000000002';

/** Licenses API v1 (names only): one VA × license line each, all perpetual. */
function licensesJson(lines: readonly { name: string; owned: number; inUse: number }[]): string {
  return JSON.stringify({
    totalRecords: lines.length,
    status: 'SUCCESS',
    statusMessage: '',
    licenses: lines.map((l) => ({
      license: l.name,
      virtualAccount: 'Core',
      quantity: l.owned,
      inUse: l.inUse,
      available: l.owned - l.inUse,
      reserved: 0,
      pendingQuantity: 0,
      status: 'In Compliance',
      billingType: 'PREPAID',
      licenseSubstitutions: [],
      licenseDetails: [
        {
          licenseType: 'PERPETUAL',
          quantity: l.owned,
          startDate: null,
          endDate: null,
          subscriptionId: null,
          status: 'ACTIVE',
        },
      ],
    })),
  });
}

const epoch = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;

/** RUM reports (tags only): one per device × tag, a count of 1 measured on `day`. */
function rumXml(devices: readonly { serial: string; tags: readonly string[] }[], day: string) {
  const reports = devices.flatMap((d, i) =>
    d.tags.map((tag, k) => {
      const sudi = { udi_pid: 'C9300-24P', udi_serial_number: d.serial };
      const payload = {
        version: '2.0',
        asset_identification: {
          report_id: 1790000000 + i * 10 + k,
          asset: {
            name: 'regid.2017-03.com.cisco.C9300_24P,1.0_aaaa0000-bbbb-4ccc-8ddd-eeeeffff0001',
          },
          instance: { sudi },
        },
        meta: { entitlement_tag: tag, software_version: '17.12.04' },
        measurements: [
          {
            log_time: epoch(day) + 100,
            metric_name: 'ENTITLEMENT',
            start_time: epoch(day) - 86_400,
            end_time: epoch(day),
            sample_interval: 86_400,
            num_samples: 96,
            value: { type: 'COUNT', value: '1' },
          },
        ],
      };
      const signature = { sudi, signing_type: 'builtin', key: 'k', value: 'b64sig==' };
      return `<RUMReport><![CDATA[${JSON.stringify({ payload: JSON.stringify(payload), signature })}]]></RUMReport>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<smartLicense>\n${reports.join('\n')}\n</smartLicense>\n`;
}

const LEDGER = licensesJson([
  { name: NWA, owned: 3, inUse: 2 },
  { name: DNA, owned: 2, inUse: 1 },
]);
const RUM = rumXml(
  [
    { serial: 'FOC0001X1AB', tags: [NWA_TAG, DNA_TAG] },
    { serial: 'FOC0002X1AB', tags: [NWA_TAG] },
  ],
  '2026-10-30',
);

describe('joining tag-only records to name-only licenses by product identity', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  const run = (domain: string, asOf: string, ...files: [string, string, string][]) =>
    importFiles(handle, {
      smartAccount: domain,
      asOf,
      virtualAccount: 'Core',
      dryRun: false,
      files: files.map(([name, text, format]) =>
        textSource(name, text, format as Parameters<typeof textSource>[2]),
      ),
    });
  const ledger = (): [string, string, string] => ['licenses.json', LEDGER, 'api-licenses-json'];
  const rum = (text = RUM): [string, string, string] => ['usage.xml', text, 'rum-report'];

  const licenseRows = async (domain: string) =>
    (
      await handle.rows<{ name: string; tag: string | null }>(sql`
        select l.name, l.entitlement_tag as tag from licenses l
        join smart_accounts s on s.id = l.smart_account_id
        where s.domain = ${domain} order by l.name`)
    ).map((r) => `${r.name} ↔ ${r.tag ?? '-'}`);

  const consumed = async (domain: string, asOf: string) =>
    Object.fromEntries(
      Object.entries(await positionByLicense(handle, domain, asOf)).map(([name, line]) => [
        name,
        line.consumed,
      ]),
    );

  it('v1 JSON then RUM: the tags join the named licenses, one line per license, each join said', async () => {
    const d = 'ledger-first.example';
    await run(d, '2026-10-01', ledger());
    const summary = await run(d, '2026-11-01', rum());
    expect(summary.errorCount).toBe(0);
    expect(await licenseRows(d)).toEqual([
      `${DNA} ↔ ${DNA_TAG}`,
      `${NWA} ↔ ${NWA_TAG}`,
      // The base the built-in catalog gives the DNA add-on, with the catalog's own tag.
      expect.stringMatching(
        /^C9300 Network Advantage ↔ regid\.2017-03\.com\.cisco\.C9300_NW_Advantage,1\.0_/,
      ),
    ]);
    // RUM measured on 2026-10-30 is newer than the ledger of 2026-10-01: device counts win.
    expect(await consumed(d, '2026-11-01')).toEqual({ [NWA]: 2, [DNA]: 1 });
    expect(summary.counts.created.licenses).toBe(0);
    expect(summary.counts.updated.licenseTagsJoined).toBe(2);
    expect(summary.licenseJoins.map((j) => [j.kind, j.entitlementTag, j.licenses])).toEqual([
      ['JOINED', NWA_TAG, [NWA]],
      ['JOINED', DNA_TAG, [DNA]],
    ]);
    expect(summary.licenseJoins[0]!.message).toBe(
      `entitlement tag ${NWA_TAG} joined to license '${NWA}' by family (C9300), line (Network), tier (Advantage) and port variant (24P); if wrong, correct it with a license catalog CSV`,
    );
  });

  it('RUM then v1 JSON: the tag-named licenses take the display names, keeping their tags', async () => {
    const d = 'rum-first.example';
    const first = await run(
      d,
      '2026-10-01',
      rum(rumXml([{ serial: 'FOC0001X1AB', tags: [NWA_TAG, DNA_TAG] }], '2026-09-30')),
    );
    expect(first.counts.created.licenses).toBe(2);
    expect(first.licenseJoins).toEqual([]);
    const summary = await run(d, '2026-11-01', ledger());
    expect(summary.errorCount).toBe(0);
    expect(await licenseRows(d)).toEqual([
      `${DNA} ↔ ${DNA_TAG}`,
      `${NWA} ↔ ${NWA_TAG}`,
      // Renamed to a name the built-in catalog knows, the DNA license takes its base too.
      expect.stringMatching(
        /^C9300 Network Advantage ↔ regid\.2017-03\.com\.cisco\.C9300_NW_Advantage,1\.0_/,
      ),
    ]);
    expect(
      await handle.rows(sql`
        select l.kind, b.name as base from licenses l
        join smart_accounts s on s.id = l.smart_account_id
        left join licenses b on b.id = l.required_base_license_id
        where s.domain = ${d} and l.name = ${DNA}`),
    ).toEqual([{ kind: 'ADD_ON', base: 'C9300 Network Advantage' }]);
    // The ledger of 2026-11-01 is newer than the device reports: its in-use wins.
    expect(await consumed(d, '2026-11-01')).toEqual({ [NWA]: 2, [DNA]: 1 });
    // Only the DNA add-on's catalog base is new.
    expect(summary.counts.created.licenses).toBe(1);
    expect(summary.counts.updated.licenseTagsJoined).toBe(2);
    expect(summary.licenseJoins.map((j) => [j.kind, j.entitlementTag, j.licenses])).toEqual([
      ['RENAMED', NWA_TAG, [NWA]],
      ['RENAMED', DNA_TAG, [DNA]],
    ]);
    expect(summary.licenseJoins[0]!.message).toBe(
      `license named by its entitlement tag ${NWA_TAG} renamed '${NWA}' by family (C9300), line (Network), tier (Advantage) and port variant (24P); if wrong, correct it with a license catalog CSV`,
    );
  });

  it('two untagged licenses of the same identity: no join, the tag-named license, and why', async () => {
    const d = 'ambiguous.example';
    const other = 'C9300 24P NW Advantage (lab pool)';
    await run(d, '2026-10-01', [
      'licenses.json',
      licensesJson([
        { name: NWA, owned: 3, inUse: 2 },
        { name: other, owned: 1, inUse: 0 },
      ]),
      'api-licenses-json',
    ]);
    const summary = await run(
      d,
      '2026-11-01',
      rum(rumXml([{ serial: 'FOC0001X1AB', tags: [NWA_TAG] }], '2026-10-30')),
    );
    expect(await licenseRows(d)).toEqual([`${other} ↔ -`, `${NWA} ↔ -`, `${NWA_TAG} ↔ ${NWA_TAG}`]);
    expect(summary.counts.created.licenses).toBe(1);
    expect(summary.counts.updated.licenseTagsJoined).toBe(0);
    expect(summary.counts.skipped.licenseTagJoinsAmbiguous).toBe(1);
    expect(summary.licenseJoins.map((j) => [j.kind, j.entitlementTag, j.licenses])).toEqual([
      ['AMBIGUOUS', NWA_TAG, [other, NWA]],
    ]);
    expect(summary.licenseJoins[0]!.message).toBe(
      `entitlement tag ${NWA_TAG} not joined: licenses '${other}' and '${NWA}' both match by family (C9300), line (Network), tier (Advantage) and port variant (24P); a license named by the tag was created; map the tag with a license catalog CSV`,
    );
  });

  it('a license catalog CSV mapping the tag wins over the inferred join', async () => {
    const d = 'catalog-wins.example';
    const mapped = 'C9300 24P Network Advantage (EA)';
    const catalog = [
      'License,Entitlement Tag,Unit,Kind',
      `${mapped},"${NWA_TAG}",DEVICE,BASE`,
    ].join('\r\n');
    const first = await run(d, '2026-10-01', ledger(), [
      'catalog.csv',
      catalog,
      'license-catalog-csv',
    ]);
    expect(first.issues).toEqual([]);
    const summary = await run(
      d,
      '2026-11-01',
      rum(rumXml([{ serial: 'FOC0001X1AB', tags: [NWA_TAG] }], '2026-10-30')),
    );
    expect(await licenseRows(d)).toEqual([
      expect.stringMatching(
        /^C9300 24P DNA Advantage, 3Y Term ↔ regid\.2017-03\.com\.cisco\.C9300_24P_DNA_Advantage,1\.0_/,
      ),
      `${NWA} ↔ -`,
      `${mapped} ↔ ${NWA_TAG}`,
      expect.stringMatching(
        /^C9300 Network Advantage ↔ regid\.2017-03\.com\.cisco\.C9300_NW_Advantage,1\.0_/,
      ),
    ]);
    expect(summary.licenseJoins).toEqual([]);
    expect(summary.counts.created.licenses).toBe(0);
    expect(await consumed(d, '2026-11-01')).toMatchObject({ [mapped]: 1 });
  });

  it('a license catalog CSV imported after an inferred join moves the tag to the license it names', async () => {
    const d = 'catalog-later.example';
    const mapped = 'C9300 24P Network Advantage (EA)';
    await run(d, '2026-10-01', ledger());
    const joined = await run(
      d,
      '2026-10-15',
      rum(rumXml([{ serial: 'FOC0001X1AB', tags: [NWA_TAG] }], '2026-10-14')),
    );
    expect(joined.licenseJoins.map((j) => j.kind)).toEqual(['JOINED']);
    const catalog = [
      'License,Entitlement Tag,Unit,Kind',
      `${mapped},"${NWA_TAG}",DEVICE,BASE`,
    ].join('\r\n');
    await run(d, '2026-10-20', ['catalog.csv', catalog, 'license-catalog-csv']);
    const later = await run(
      d,
      '2026-11-01',
      rum(rumXml([{ serial: 'FOC0001X1AB', tags: [NWA_TAG] }], '2026-10-30')),
    );
    expect(later.licenseJoins).toEqual([]);
    expect((await licenseRows(d)).filter((r) => r.includes('24P Network'))).toEqual([
      `${NWA} ↔ -`,
      `${mapped} ↔ ${NWA_TAG}`,
    ]);
    expect(await consumed(d, '2026-11-01')).toMatchObject({ [mapped]: 1 });
  });

  it('a source stating name and tag replaces the built-in catalog’s placeholder tag, no join needed', async () => {
    const d = 'placeholder.example';
    await run(d, '2026-10-01', [
      'licenses.json',
      licensesJson([{ name: SLR_NAMES.NWA, owned: 2, inUse: 0 }]),
      'api-licenses-json',
    ]);
    // The built-in catalog knows the name, and gave it its own tag.
    expect(await licenseRows(d)).toEqual([
      expect.stringMatching(
        /^C9500 Network Advantage ↔ regid\.2017-03\.com\.cisco\.C9500_NW_Advantage,1\.0_/,
      ),
    ]);
    const codes = await run(d, '2026-10-15', [
      'auth.xml',
      authorizationXml('FCW0001Z9YX', '2026-10-14', { NWA: 1 }),
      'slr-authorization-xml',
    ]);
    expect(codes.errorCount).toBe(0);
    expect(await licenseRows(d)).toEqual([`${SLR_NAMES.NWA} ↔ ${SLR_TAGS.NWA}`]);
    expect(codes.licenseJoins).toEqual([]);
  });
});
