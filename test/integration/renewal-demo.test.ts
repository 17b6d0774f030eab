import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedDemo, type DbHandle } from '@trueup/db';

import { createServices, fixedClock, type Services } from '../../api/src/services/index.js';
import { graphql } from '../support/graphql-client.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

const TODAY = '2026-12-03';

describe('renewal on the demo estate: one cleaned baseline for both options', () => {
  let handle: DbHandle;
  let services: Services;
  let smartAccountId: number;

  beforeAll(async () => {
    handle = await createTestDb();
    await seedDemo(handle, { preset: 'small', referenceDate: TODAY });
    services = createServices(handle, fixedClock(TODAY));
    const account = await services.accounts.smartAccountByDomain('acme-networks.example');
    smartAccountId = account!.id;
  });
  afterAll(async () => {
    await handle.close();
  });

  const renewal = () =>
    services.money.renewal({
      smartAccountId,
      asOf: TODAY,
      includeClassic: true,
      parameters: {},
    });

  it('takes the stranded and ghost units out of the baseline and lists them', async () => {
    const report = await renewal();
    // The findings' designed cases: 35 of each AIR license stranded on the decommissioned SLR
    // controller lon-wlc-slr-02 (RESERVE 25 + UPDATE 10), and 1 of each C9300 license still
    // reported by the decommissioned switch (ghost consumption).
    expect(
      report.baselineAdjustments.map((a) => [a.licenseName, a.units, a.reason, a.instanceName]),
    ).toEqual([
      ['AIR DNA Essentials, 3Y Term', 35, 'STRANDED_RESERVATION', 'lon-wlc-slr-02'],
      ['AIR Network Essentials', 35, 'STRANDED_RESERVATION', 'lon-wlc-slr-02'],
      ['C9300 48P DNA Advantage, 5Y Term', 1, 'GHOST_CONSUMPTION', 'chi-acc-sw-291'],
      ['C9300 Network Advantage', 1, 'GHOST_CONSUMPTION', 'chi-acc-sw-291'],
    ]);
    const positions = await services.position.account({
      smartAccountId,
      asOf: TODAY,
      includeClassic: true,
    });
    const air = report.result.licenses.find(
      (m) => m.license.licenseName === 'AIR Network Essentials',
    );
    const raw = positions.find((p) => p.licenseId === air?.license.licenseId)?.consumed ?? 0;
    // Both options start from consumption less the 35 reclaimable units.
    expect(air?.license.consumed).toBe(raw - 35);
    expect(air?.license.reclaimed).toBe(35);
  });

  it('lists the same adjustments and the licenses outside the EA through GraphQL', async () => {
    const { graphqlUrl, close } = await startTestApi(handle, TODAY);
    try {
      const res = await graphql<{
        smartAccount: {
          renewalModel: {
            outsideEaLicenseNames: string[];
            baselineAdjustments: {
              licenseName: string;
              units: string;
              reason: string;
              deviceName: string;
              virtualAccountName: string;
            }[];
            licenses: { licenseName: string; reclaimed: string }[];
          };
        };
      }>(
        graphqlUrl,
        `{ smartAccount(domain: "acme-networks.example") { renewalModel(input: { asOf: "${TODAY}" }) {
          outsideEaLicenseNames
          baselineAdjustments { licenseName units reason deviceName virtualAccountName }
          licenses { licenseName reclaimed } } } }`,
      );
      expect(res.errors).toBeUndefined();
      const model = res.data!.smartAccount.renewalModel;
      expect(model.baselineAdjustments[1]).toEqual({
        licenseName: 'AIR Network Essentials',
        units: '35',
        reason: 'STRANDED_RESERVATION',
        deviceName: 'lon-wlc-slr-02',
        virtualAccountName: 'Campus-EMEA',
      });
      expect(model.baselineAdjustments.map((a) => a.units)).toEqual(['35', '35', '1', '1']);
      expect(
        model.licenses.find((l) => l.licenseName === 'AIR Network Essentials')?.reclaimed,
      ).toBe('35');
      expect(model.outsideEaLicenseNames).toHaveLength(3);
    } finally {
      await close();
    }
  });

  it('prices only the licenses in the EA under the EA, and says which are not', async () => {
    const report = await renewal();
    // Webex (Collaboration) is outside the demo's EA: a-la-carte under both options.
    expect(report.outsideEaLicenseNames).toEqual([
      'Webex Calling Professional',
      'Webex Calling Workspaces',
      'Webex Meetings Enterprise',
    ]);
    expect(report.result.licenses.some((m) => m.license.licenseName.startsWith('Webex'))).toBe(
      false,
    );
  });

  it('estimates growth from the demo history: six quarters, a few % each', async () => {
    const report = await renewal();
    expect(report.growthSource).toBe('SNAPSHOTS');
    expect(report.growthTrend?.points.map((p) => p.asOf)).toEqual([
      '2025-06-30',
      '2025-09-30',
      '2025-12-31',
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
    ]);
    // Quarterly steps of 2–3.5 %: (1 + median)^4 − 1 between 8 % and 15 % a year.
    expect(report.result.parameters.growthBasisPoints).toBeGreaterThan(800);
    expect(report.result.parameters.growthBasisPoints).toBeLessThan(1_500);
  });
});
