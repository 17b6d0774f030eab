import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SMALL_DESIGNED_CASES as CASES, seedDemo, type DbHandle } from '@trueup/db';

import { graphql } from '../support/graphql-client.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

const TODAY = '2026-11-28';

interface FindingNode {
  key: string;
  code: string;
  severity: string;
  virtualAccountName: string | null;
  licenseName: string | null;
  /** GraphQL BigInt: a string of digits. */
  quantity: string;
  money: { amount: string; currency: string } | null;
  message: string;
  facts: Record<string, unknown>;
  evidence: { kind: string; name?: string; hostname?: string; instanceName?: string }[];
}

const FIELDS =
  'key code severity virtualAccountName licenseName quantity money { amount currency } message facts evidence';

describe('findings on the demo estate', () => {
  let handle: DbHandle;
  let url: string;
  let close: () => Promise<void>;
  let all: FindingNode[];

  beforeAll(async () => {
    handle = await createTestDb();
    await seedDemo(handle, { preset: 'small', referenceDate: TODAY });
    ({ graphqlUrl: url, close } = await startTestApi(handle, TODAY));
    const res = await graphql<{
      smartAccount: { findings: { totalCount: number; nodes: FindingNode[] } };
    }>(
      url,
      `{ smartAccount(domain: "acme-networks.example") { findings(first: 5000) { totalCount nodes { ${FIELDS} } } } }`,
    );
    expect(res.errors).toBeUndefined();
    all = res.data!.smartAccount.findings.nodes;
    expect(res.data!.smartAccount.findings.totalCount).toBe(all.length);
  });
  afterAll(async () => {
    await close();
    await handle.close();
  });

  const only = (code: string, predicate: (f: FindingNode) => boolean) => {
    const found = all.filter((f) => f.code === code && predicate(f));
    expect(found, `${code} should appear exactly once`).toHaveLength(1);
    return found[0]!;
  };
  const mentions = (f: FindingNode, hostname: string) =>
    f.evidence.some(
      (e) => e.hostname === hostname || e.instanceName?.includes(hostname) || e.name === hostname,
    );

  it('splits a shortfall into what moving surplus cures and what must be bought', () => {
    const curable = only(
      'INSUFFICIENT_LICENSES',
      (f) => f.licenseName === CASES.curableShortfall.license,
    );
    expect(curable).toMatchObject({
      virtualAccountName: 'Campus-AMER',
      quantity: '12',
      severity: 'HIGH',
    });
    expect(curable.facts).toMatchObject({ curableByReallocation: 12, needsPurchase: 0 });
    const uncurable = only(
      'INSUFFICIENT_LICENSES',
      (f) => f.licenseName === CASES.uncurableShortfall.license,
    );
    expect(uncurable).toMatchObject({ quantity: '500', severity: 'CRITICAL' });
    expect(uncurable.facts).toMatchObject({ curableByReallocation: 100, needsPurchase: 400 });
    expect(uncurable.money?.currency).toBe('USD');
  });

  it('warns of the term lapsing within 60 days with the balance it leaves', () => {
    const expiring = only('LICENSES_EXPIRING', (f) => f.licenseName === CASES.expiringTerm.license);
    expect(expiring.virtualAccountName).toBe(CASES.expiringTerm.virtualAccount);
    expect(expiring.facts).toMatchObject({ daysLeft: 45, leadTimeDays: 60 });
    expect(expiring.facts.balanceAfter as number).toBeLessThan(0);
  });

  it('finds the stranded reservation (per license) but not the returned one', () => {
    for (const license of CASES.strandedReservation.licenses) {
      const stranded = only('STRANDED_RESERVATION', (f) => f.licenseName === license);
      expect(stranded.quantity).toBe('35');
      expect(mentions(stranded, CASES.strandedReservation.hostname)).toBe(true);
    }
    expect(all.some((f) => f.message.includes(CASES.strandedReservation.returnedHostname))).toBe(
      false,
    );
  });

  it('finds the SLR device running beyond its reservation', () => {
    const over = only('OVER_RESERVATION', () => true);
    expect(over).toMatchObject({ quantity: '14', licenseName: CASES.beyondReservation.license });
    expect(mentions(over, CASES.beyondReservation.hostname)).toBe(true);
  });

  it('finds the add-on without its base on the lab switch', () => {
    const addon = only('ADDON_WITHOUT_BASE', (f) => f.facts.scope === 'INSTANCE');
    expect(mentions(addon, CASES.addOnWithoutBase.hostname)).toBe(true);
    expect(addon.licenseName).toBe(CASES.addOnWithoutBase.license);
  });

  it('flags the satellite past its sync deadline, with its instances, and not the healthy one', async () => {
    const stale = only('STALE_REPORTING', (f) => f.facts.subject === 'SATELLITE');
    expect(stale).toMatchObject({ severity: 'CRITICAL' });
    expect(stale.message).toContain(CASES.staleSatellite.name);
    const behind = stale.evidence.filter((e) => e.kind === 'instance');
    // The seed's rule (db/src/seed/small-layout.ts): behind ssm-onprem-apac-01 sit Branch-APAC's
    // C8200 routers (30 to 40, all ACTIVE) and ISR 4331 routers (15 to 20, the last one
    // DECOMMISSIONED), no designed device: 44 to 59 ACTIVE ON_PREM devices, each one listed.
    // The generator draws the exact count; read it from the inventory, not from the findings.
    const [inventory] = await handle.rows<{ active: number }>(sql`
      select count(*)::int as active from product_instances i
      join satellites s on s.id = i.satellite_id
      where s.name = ${CASES.staleSatellite.name}
        and i.status = 'ACTIVE' and i.connection_mode = 'ON_PREM'`);
    const active = Number(inventory?.active);
    expect(active).toBeGreaterThanOrEqual(44);
    expect(active).toBeLessThanOrEqual(59);
    expect(behind).toHaveLength(active);
    expect(stale.facts.instanceIds).toHaveLength(behind.length);
    expect(stale.message).toContain(`its ${behind.length} instances`);
    expect(all.some((f) => f.message.includes(CASES.staleSatellite.healthySatellite))).toBe(false);
    // SLR/PLR devices never check in and are never stale.
    expect(
      all
        .filter((f) => f.code === 'STALE_REPORTING')
        .every((f) => !/\((SLR|PLR)\)/.test(f.message)),
    ).toBe(true);
  });

  it('finds the decommissioned switch still consuming', () => {
    const ghost = only('GHOST_CONSUMPTION', () => true);
    expect(mentions(ghost, CASES.ghostConsumption.hostname)).toBe(true);
    expect(ghost).toMatchObject({ quantity: '2', licenseName: null });
    expect(ghost.message).toContain(
      'still consumes 1 × C9300 48P DNA Advantage, 5Y Term and 1 × C9300 Network Advantage',
    );
  });

  it('lists the classic PAK lots not yet converted: the split SEC lot and the UC shelfware', () => {
    const paks = all.filter((f) => f.code === 'UNCONVERTED_PAK');
    expect(paks.map((f) => [f.severity, f.virtualAccountName, f.licenseName])).toEqual([
      ['MEDIUM', 'Branch-APAC', 'ISR 4300 Security (SEC)'], // converting cures the smart-only gap
      ['LOW', 'Branch-APAC', 'ISR 4300 Unified Communications (UC)'],
    ]);
    expect(paks[1]).toMatchObject({ quantity: '20', money: null });
  });

  it('shows every designed-in case once and nothing else', () => {
    const line = (f: FindingNode) =>
      `${f.severity} ${f.code} ${f.virtualAccountName ?? '-'} | ${f.licenseName ?? '-'}`;
    expect(all.map(line)).toEqual([
      'CRITICAL INSUFFICIENT_LICENSES Campus-AMER | ISE Advantage, 3Y Term', // case 2
      'CRITICAL STALE_REPORTING - | -', // case 7: the satellite, its routers grouped under it
      'HIGH ADDON_WITHOUT_BASE Lab-NonProd | C9300 48P DNA Advantage, 5Y Term', // case 6
      'HIGH GHOST_CONSUMPTION Campus-AMER | -', // case 8: one device, two licenses
      'HIGH INSUFFICIENT_LICENSES Campus-AMER | C9300 24P DNA Advantage, 3Y Term', // case 1
      'HIGH LICENSES_EXPIRED Campus-AMER | C9300 24P DNA Advantage, 3Y Term', // why case 1 is short
      'HIGH LICENSES_EXPIRED Campus-AMER | ISE Advantage, 3Y Term', // why case 2 is short
      'HIGH OVER_RESERVATION Campus-EMEA | AIR DNA Essentials, 3Y Term', // case 5
      'MEDIUM LICENSES_EXPIRING Branch-APAC | C9200 24P DNA Essentials, 3Y Term', // case 3
      'MEDIUM STALE_REPORTING Campus-AMER | -', // case 11 (case 10 is inside its 365 days)
      'MEDIUM STRANDED_RESERVATION Campus-EMEA | AIR DNA Essentials, 3Y Term', // case 4
      'MEDIUM STRANDED_RESERVATION Campus-EMEA | AIR Network Essentials', // case 4
      'MEDIUM UNCONVERTED_PAK Branch-APAC | ISR 4300 Security (SEC)',
      'LOW UNCONVERTED_PAK Branch-APAC | ISR 4300 Unified Communications (UC)',
    ]);
    const stale = only('STALE_REPORTING', (f) => f.virtualAccountName !== null);
    expect(mentions(stale, CASES.staleDevice.hostname)).toBe(true);
    expect(stale.facts).toMatchObject({ rule: 'SUBSCRIPTION', limitDays: 90, daysSince: 100 });
    for (const quiet of [CASES.higherTierBase.hostname, CASES.perpetualQuiet.hostname]) {
      expect(all.some((f) => mentions(f, quiet) || f.message.includes(quiet))).toBe(false);
    }
  });

  it('prices each short unit once: the findings’ money is the gross exposure', async () => {
    const priced = all.filter((f) => f.money !== null);
    expect(priced.map((f) => f.code)).toEqual(['INSUFFICIENT_LICENSES', 'INSUFFICIENT_LICENSES']);
    for (const expired of all.filter((f) => f.code === 'LICENSES_EXPIRED')) {
      const shortfall = all.find((f) => f.key === expired.facts.relatedKey);
      expect(shortfall).toMatchObject({
        code: 'INSUFFICIENT_LICENSES',
        licenseName: expired.licenseName,
        virtualAccountName: expired.virtualAccountName,
      });
    }
    const res = await graphql<{
      smartAccount: { exposure: { gross: { amountMinor: string; currency: string }[] } };
    }>(
      url,
      `
        {
          smartAccount(domain: "acme-networks.example") {
            exposure {
              gross {
                amountMinor
                currency
              }
            }
          }
        }
      `,
    );
    const [gross] = res.data!.smartAccount.exposure.gross;
    const sum = priced.reduce((t, f) => t + Math.round(Number(f.money!.amount) * 100), 0);
    expect(gross).toEqual({ amountMinor: String(sum), currency: 'USD' });
  });

  it('pages and filters the same findings', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: {
        data?: {
          smartAccount: {
            findings: {
              nodes: { key: string }[];
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
            };
          };
        };
      } = await graphql(
        url,
        `
          query ($after: String) {
            smartAccount(domain: "acme-networks.example") {
              findings(first: 7, after: $after) {
                nodes {
                  key
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
          }
        `,
        { after },
      );
      const conn = res.data!.smartAccount.findings;
      seen.push(...conn.nodes.map((n) => n.key));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((f) => f.key));
    const filtered = await graphql<{ smartAccount: { findings: { nodes: FindingNode[] } } }>(
      url,
      `{ smartAccount(domain: "acme-networks.example") { findings(codes: [STALE_REPORTING], severities: [CRITICAL], first: 100) { nodes { ${FIELDS} } } } }`,
    );
    expect(filtered.data!.smartAccount.findings.nodes.map((f) => f.key)).toEqual(
      all
        .filter((f) => f.code === 'STALE_REPORTING' && f.severity === 'CRITICAL')
        .map((f) => f.key),
    );
    const va = await graphql<{
      smartAccount: { virtualAccounts: { name: string; findings: { key: string }[] }[] };
    }>(
      url,
      `
        {
          smartAccount(domain: "acme-networks.example") {
            virtualAccounts {
              name
              findings {
                key
              }
            }
          }
        }
      `,
    );
    const lab = va.data!.smartAccount.virtualAccounts.find((v) => v.name === 'Lab-NonProd')!;
    expect(lab.findings.map((f) => f.key)).toEqual(
      all.filter((f) => f.virtualAccountName === 'Lab-NonProd').map((f) => f.key),
    );
  });
});
