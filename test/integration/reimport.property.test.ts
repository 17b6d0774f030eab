import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { createServices, fixedClock, type Services } from '../../api/src/index.js';
import { textSource, type ImportSource } from '../../api/src/services/index.js';
import { createTestDb } from '../support/test-db.js';

/**
 * A consistent estate, exported the way Cisco exports it (cisco-formats.md shapes, invented
 * values): every SLR device within its authorization code, every ledger line equal to its
 * devices' sum (reserved included, as Cisco's in-use does), every report fresh. Importing it
 * gives the position the estate states; re-importing any of its files later, re-fetched
 * (rows in another order, a newer export date, a newer code timestamp, a newer measurement of
 * the same count), in any order, changes neither the position nor the reservation set.
 */

const LICENSES = {
  nwa: {
    name: 'C9300 24P Network Advantage',
    tag: 'regid.2017-03.com.cisco.C9300_24P_NW_Advantage,1.0_aaaa0000-bbbb-4ccc-8ddd-000000000001',
  },
  dna: {
    name: 'C9300 24P DNA Advantage, 3Y Term',
    tag: 'regid.2018-03.com.cisco.C9300_24P_DNA_Advantage,1.0_aaaa0000-bbbb-4ccc-8ddd-000000000002',
  },
  slr: {
    name: 'C9500 Network Advantage',
    tag: 'regid.2019-01.com.cisco.C9500_NW_Advantage,1.0_11110000-2222-4333-8444-555566667777',
  },
} as const;
type LicenseKey = keyof typeof LICENSES;

interface Estate {
  readonly virtualAccounts: readonly {
    readonly name: string;
    /** Devices reporting through RUM: each runs Network Advantage, some also DNA Advantage. */
    readonly reporting: readonly { readonly serial: string; readonly dna: boolean }[];
    /** SLR devices: each reserves 1–2 × C9500 Network Advantage. */
    readonly reserved: readonly { readonly serial: string; readonly count: number }[];
    /** Spare entitlement per license beyond what is consumed. */
    readonly spare: Readonly<Record<LicenseKey, number>>;
  }[];
}

const estateArbitrary: fc.Arbitrary<Estate> = fc
  .array(
    fc.record({
      reporting: fc.array(fc.boolean(), { maxLength: 4 }),
      reserved: fc.array(fc.integer({ min: 1, max: 2 }), { maxLength: 2 }),
      spare: fc.record({ nwa: fc.nat(3), dna: fc.nat(3), slr: fc.nat(3) }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((vas) => ({
    virtualAccounts: vas.map((va, v) => ({
      name: `VA-${v + 1}`,
      reporting: va.reporting.map((dna, d) => ({ serial: `FOC${v}${d}00X1AB`, dna })),
      reserved: va.reserved.map((count, d) => ({ serial: `FCW${v}${d}00Z9YX`, count })),
      spare: va.spare,
    })),
  }));

/** What each Virtual Account × license consumes, by the rule (reserved counts as in use). */
function consumedBy(va: Estate['virtualAccounts'][number]): Record<LicenseKey, number> {
  return {
    nwa: va.reporting.length,
    dna: va.reporting.filter((d) => d.dna).length,
    slr: va.reserved.reduce((t, d) => t + d.count, 0),
  };
}

const epochSeconds = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Licenses API v1 (§2): one element per VA × license, with its entitlement lines. */
function licensesJson(estate: Estate, order: (n: number) => number[]): string {
  const lines = estate.virtualAccounts.flatMap((va) => {
    const consumed = consumedBy(va);
    return (Object.keys(LICENSES) as LicenseKey[])
      .map((key) => ({ key, owned: consumed[key] + va.spare[key], inUse: consumed[key] }))
      .filter((l) => l.owned > 0)
      .map((l) => ({
        license: LICENSES[l.key].name,
        virtualAccount: va.name,
        quantity: l.owned,
        inUse: l.inUse,
        available: l.owned - l.inUse,
        reserved: l.key === 'slr' ? l.inUse : 0,
        pendingQuantity: 0,
        status: 'In Compliance',
        billingType: 'PREPAID',
        licenseSubstitutions: [],
        licenseDetails: [
          l.key === 'dna'
            ? {
                licenseType: 'TERM',
                quantity: l.owned,
                startDate: '2025-02-01',
                endDate: '2028-01-31',
                subscriptionId: 'Sub7001234',
                status: 'ACTIVE',
              }
            : {
                licenseType: 'PERPETUAL',
                quantity: l.owned,
                startDate: null,
                endDate: null,
                subscriptionId: null,
                status: 'ACTIVE',
              },
        ],
      }));
  });
  const ordered = order(lines.length).map((i) => lines[i]);
  return JSON.stringify({
    totalRecords: ordered.length,
    status: 'SUCCESS',
    statusMessage: '',
    licenses: ordered,
  });
}

/** Product Instances export (§1.2 headers), with each device's registration type. */
function instancesCsv(estate: Estate, lastContact: string, order: (n: number) => number[]) {
  const rows = estate.virtualAccounts.flatMap((va) => [
    ...va.reporting.map((d) => [
      va.name,
      `UDI_PID:C9300-24P; UDI_SN:${d.serial}; `,
      'C9300',
      lastContact,
      '',
      'Smart Licensing Using Policy',
    ]),
    ...va.reserved.map((d) => [
      va.name,
      `UDI_PID:C9500-24Y4C; UDI_SN:${d.serial}; `,
      'C9500',
      'Never',
      '',
      'Specific License Reservation',
    ]),
  ]);
  const header = [
    'Virtual Account',
    'Name',
    'Product Type',
    'Last Contact',
    'Alerts',
    'Registration Type',
  ];
  return [header, ...order(rows.length).map((i) => rows[i]!)]
    .map((row) => row.map(quote).join(','))
    .join('\r\n');
}

/** RUM reports (§9.1): one `<RUMReport>` per device × entitlement, measured on `day`. */
function rumXml(estate: Estate, day: string, reportId: number): string {
  const reports = estate.virtualAccounts.flatMap((va) =>
    va.reporting.flatMap((d) =>
      (d.dna ? (['nwa', 'dna'] as const) : (['nwa'] as const)).map((key, k) => {
        const sudi = { udi_pid: 'C9300-24P', udi_serial_number: d.serial };
        const payload = {
          version: '2.0',
          asset_identification: {
            report_id: reportId + k,
            asset: {
              name: 'regid.2017-03.com.cisco.C9300_24P,1.0_aaaa0000-bbbb-4ccc-8ddd-eeeeffff0001',
            },
            instance: { sudi },
          },
          meta: { entitlement_tag: LICENSES[key].tag, software_version: '17.12.04' },
          measurements: [
            {
              log_time: epochSeconds(day) + 100,
              metric_name: 'ENTITLEMENT',
              start_time: epochSeconds(day) - 86_400,
              end_time: epochSeconds(day),
              sample_interval: 86_400,
              num_samples: 96,
              value: { type: 'COUNT', value: '1' },
            },
          ],
        };
        const signature = { sudi, signing_type: 'builtin', key: 'k', value: 'b64sig==' };
        return `<RUMReport><![CDATA[${JSON.stringify({ payload: JSON.stringify(payload), signature })}]]></RUMReport>`;
      }),
    ),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<smartLicense>\n${reports.join('\n')}\n</smartLicense>\n`;
}

/** SLR authorization codes (§7.3), one `<specificPLR>` per device, issued on `day`. */
function slrXml(estate: Estate, day: string): string {
  return estate.virtualAccounts
    .flatMap((va) =>
      va.reserved.map(
        (d) =>
          `<specificPLR><authorizationCode><flag>A</flag><version>C</version><piid>5d0c0000-aaaa-4bbb-8ccc-0d0e0f101112</piid>` +
          `<timestamp>${epochSeconds(day) * 1000}</timestamp><entitlements><entitlement><tag>${LICENSES.slr.tag}</tag>` +
          `<count>${d.count}</count><startDate></startDate><endDate></endDate><licenseType>PERPETUAL</licenseType>` +
          `<displayName>${LICENSES.slr.name}</displayName><tagDescription>${LICENSES.slr.name}</tagDescription>` +
          `<subscriptionID></subscriptionID></entitlement></entitlements></authorizationCode>` +
          `<signature>QmFzZTY0U2lnbmF0dXJl==</signature><udi>P:C9500-24Y4C,S:${d.serial}</udi></specificPLR>`,
      ),
    )
    .join('\n');
}

type FileKind = 'licenses' | 'instances' | 'rum' | 'slr';

/** The estate's files as exported on the first day, or re-fetched later (`refetch`). */
function files(estate: Estate, refetch: boolean, shuffle: (n: number) => number[]) {
  const identity = (n: number) => [...Array(n).keys()];
  const order = refetch ? shuffle : identity;
  const all: Record<FileKind, ImportSource | null> = {
    instances: textSource(
      'instances.csv',
      instancesCsv(estate, refetch ? '2026-11-14T09:00:00Z' : '2026-10-30T09:00:00Z', order),
      'cssm-instances-csv',
    ),
    licenses: textSource('licenses.json', licensesJson(estate, order), 'api-licenses-json'),
    rum: estate.virtualAccounts.some((va) => va.reporting.length > 0)
      ? textSource(
          'usage.xml',
          rumXml(estate, refetch ? '2026-11-14' : '2026-10-30', refetch ? 1790001000 : 1790000000),
          'rum-report',
        )
      : null,
    slr: estate.virtualAccounts.some((va) => va.reserved.length > 0)
      ? textSource(
          'auth.xml',
          slrXml(estate, refetch ? '2026-11-10' : '2026-10-15'),
          'slr-authorization-xml',
        )
      : null,
  };
  return all;
}

describe('re-importing a consistent estate', () => {
  let handle: DbHandle;
  let services: Services;
  beforeAll(async () => {
    handle = await createTestDb();
    services = createServices(handle, fixedClock('2026-12-01'));
  });
  afterAll(async () => {
    await handle.close();
  });

  async function position(domain: string): Promise<string[]> {
    const account = await services.accounts.smartAccountByDomain(domain);
    const page = await services.position.rowsPage({
      smartAccountId: account!.id,
      asOf: '2026-12-01',
      includeClassic: true,
      page: { first: 1000 },
    });
    return page.items
      .map(
        ({ node: n }) =>
          `${n.virtualAccountName}|${n.licenseName}|owned ${n.owned}|consumed ${n.consumed}|reserved ${n.reserved}`,
      )
      .sort();
  }

  /** Every reservation still held on 2026-12-01: device serial × license × quantity. */
  async function reservationSet(domain: string): Promise<string[]> {
    const rows = await handle.rows<{ serial: string; license: string; held: number }>(sql`
      select i.udi_serial as serial, l.name as license, sum(e.quantity_delta)::int as held
      from reservations r
      join smart_accounts s on s.id = r.smart_account_id
      join product_instances i on i.id = r.product_instance_id
      join licenses l on l.id = r.license_id
      join reservation_events e on e.reservation_id = r.id
      where s.domain = ${domain} and e.occurred_on <= '2026-12-01'::date
      group by 1, 2 having sum(e.quantity_delta) <> 0`);
    return rows.map((r) => `${r.serial}|${r.license}|${r.held}`).sort();
  }

  /** The position and reservations the estate states, written from the rule, not the code. */
  function stated(estate: Estate) {
    const lines = estate.virtualAccounts.flatMap((va) => {
      const consumed = consumedBy(va);
      return (Object.keys(LICENSES) as LicenseKey[])
        .filter((key) => consumed[key] + va.spare[key] > 0)
        .map(
          (key) =>
            `${va.name}|${LICENSES[key].name}|owned ${consumed[key] + va.spare[key]}|consumed ${consumed[key]}|reserved ${key === 'slr' ? consumed[key] : 0}`,
        );
    });
    const reservations = estate.virtualAccounts.flatMap((va) =>
      va.reserved.map((d) => `${d.serial}|${LICENSES.slr.name}|${d.count}`),
    );
    return { lines: lines.sort(), reservations: reservations.sort() };
  }

  it('gives the stated position, and re-imports of any files in any order change nothing', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        estateArbitrary,
        fc.array(fc.constantFrom<FileKind>('licenses', 'instances', 'rum', 'slr'), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.infiniteStream(fc.nat()),
        async (estate, again, randomness) => {
          const shuffle = (n: number) => {
            const order = [...Array(n).keys()];
            for (let i = n - 1; i > 0; i--) {
              const j = randomness.next().value % (i + 1);
              [order[i], order[j]] = [order[j]!, order[i]!];
            }
            return order;
          };
          const domain = `reimport-${run++}.example`;
          const first = files(estate, false, shuffle);
          const initial = await services.imports.run({
            smartAccount: domain,
            asOf: '2026-11-01',
            dryRun: false,
            files: (['instances', 'licenses', 'rum', 'slr'] as const)
              .map((kind) => first[kind])
              .filter((f) => f !== null),
          });
          expect(initial.issues.filter((i) => i.severity === 'error')).toEqual([]);
          expect(initial.committed).toBe(true);
          const want = stated(estate);
          expect(await position(domain)).toEqual(want.lines);
          expect(await reservationSet(domain)).toEqual(want.reservations);

          const later = files(estate, true, shuffle);
          for (const kind of again) {
            const file = later[kind];
            if (!file) continue;
            const summary = await services.imports.run({
              smartAccount: domain,
              asOf: '2026-11-15',
              dryRun: false,
              files: [file],
            });
            expect(summary.errorCount).toBe(0);
            expect(await position(domain)).toEqual(want.lines);
            expect(await reservationSet(domain)).toEqual(want.reservations);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
