import { addDays } from './calendar.js';
import type { UsagePlan } from './estate.js';
import type { Random } from './random.js';

const AIR_NE = 'AIR Network Essentials';
const AIR_DNA = 'AIR DNA Essentials, 3Y Term';

/**
 * The findings the small preset is built to show, and where to find them. Each holds for every
 * seed: quantities around them are generated, these relations are fixed.
 *
 * 1. `curableShortfall`: the license is short in one VA and in surplus in another; account-wide
 *    owned ≥ consumed, so a reallocation cures it.
 * 2. `uncurableShortfall`: account-wide consumed exceeds owned by `netShortfall`.
 * 3. `expiringTerm`: a TERM lot ends `daysToExpiry` days after the reference date; once it lapses
 *    the VA is short.
 * 4. `strandedReservation`: an SLR device is DECOMMISSIONED but its reservations (RESERVE + UPDATE)
 *    were never returned. A second decommissioned SLR device returned its reservation (no finding).
 * 5. `beyondReservation`: an SLR device reports (RUM) more in use than it has reserved.
 * 6. `addOnWithoutBase`: a device reports a DNA add-on but not the Network license it requires.
 * 7. `staleSatellite`: a satellite last synced more than 90 days ago; `healthySatellite` synced
 *    yesterday.
 * 8. `ghostConsumption`: a DECOMMISSIONED device still reports consumption.
 * 9. `higherTierBase`: a device runs a DNA Essentials add-on over Network Advantage (a higher
 *    tier than the catalog's Network Essentials base): not a finding.
 * 10. `perpetualQuiet`: a DIRECT_CLOUD device holding only perpetual licenses last reported
 *    `reportedDaysAgo` days ago, inside its 365-day window: not a finding.
 * 11. `staleDevice`: a DIRECT_CLOUD device holding a subscription last reported
 *    `reportedDaysAgo` days ago, past its 90-day window: one finding of its own.
 * `ledger`: a VA × license whose consumption comes from the account ledger (no device rows).
 */
export const SMALL_DESIGNED_CASES = {
  curableShortfall: {
    license: 'C9300 24P DNA Advantage, 3Y Term',
    shortVirtualAccount: 'Campus-AMER',
    shortfall: 12,
    surplusVirtualAccount: 'Campus-EMEA',
    surplus: 20,
  },
  uncurableShortfall: {
    license: 'ISE Advantage, 3Y Term',
    shortVirtualAccount: 'Campus-AMER',
    shortfall: 500,
    surplusVirtualAccount: 'Campus-EMEA',
    surplus: 100,
    netShortfall: 400,
  },
  expiringTerm: {
    license: 'C9200 24P DNA Essentials, 3Y Term',
    virtualAccount: 'Branch-APAC',
    daysToExpiry: 45,
  },
  strandedReservation: {
    virtualAccount: 'Campus-EMEA',
    hostname: 'lon-wlc-slr-02',
    udiSerial: 'FCW2316Y0K7',
    licenses: [AIR_NE, AIR_DNA],
    quantity: 35,
    returnedHostname: 'ams-dc2-leaf-slr-04',
  },
  beyondReservation: {
    virtualAccount: 'Campus-EMEA',
    hostname: 'lon-wlc-slr-01',
    udiSerial: 'FCW2402X1M4',
    license: AIR_DNA,
    reserved: 50,
    inUse: 64,
  },
  addOnWithoutBase: {
    virtualAccount: 'Lab-NonProd',
    hostname: 'rtp-lab-sw-091',
    udiSerial: 'FOC2411X3QZ',
    license: 'C9300 48P DNA Advantage, 5Y Term',
    baseLicense: 'C9300 Network Advantage',
  },
  staleSatellite: {
    name: 'ssm-onprem-apac-01',
    syncedDaysAgo: 118,
    healthySatellite: 'ssm-onprem-emea-01',
  },
  ghostConsumption: {
    virtualAccount: 'Campus-AMER',
    hostname: 'chi-acc-sw-291',
    udiSerial: 'FOC2248A0GH',
  },
  higherTierBase: {
    virtualAccount: 'Campus-AMER',
    hostname: 'sjc-idf-sw-901',
    udiSerial: 'FOC2312X7KD',
    licenses: ['C9300 Network Advantage', 'C9300 48P DNA Essentials, 3Y Term'],
  },
  perpetualQuiet: {
    virtualAccount: 'Campus-AMER',
    hostname: 'rtp-idf-sw-902',
    udiSerial: 'FOC2312X7KF',
    licenses: ['C9300 Network Advantage'],
    reportedDaysAgo: 122,
  },
  staleDevice: {
    virtualAccount: 'Campus-AMER',
    hostname: 'chi-idf-sw-903',
    udiSerial: 'FOC2312X7KH',
    licenses: ['C9300 Network Advantage', 'C9300 48P DNA Advantage, 5Y Term'],
    reportedDaysAgo: 100,
  },
  ledger: { virtualAccount: 'Campus-AMER', license: 'Webex Calling Professional' },
} as const;

/* prettier-ignore */
const LEDGER: readonly (readonly [string, string, number, number])[] = [
  ['Campus-AMER', 'Webex Calling Professional', 780, 860],
  ['Campus-AMER', 'Webex Meetings Enterprise', 280, 320],
  ['Campus-AMER', 'Webex Calling Workspaces', 30, 45],
  ['Campus-AMER', 'Secure Client Advantage', 1350, 1500],
  ['Campus-AMER', 'Secure Client Premier', 180, 240],
  ['Campus-EMEA', 'Webex Calling Professional', 500, 580],
  ['Campus-EMEA', 'Secure Client Advantage', 900, 1050],
];

/** Ledger rows (CSSM licenses export) for cloud and user licenses: last month's and this week's. */
export function ledgerUsage(referenceDate: string, random: Random): UsagePlan[] {
  return LEDGER.flatMap(([virtualAccount, license, min, max]) => {
    const quantity = random.int(min, max);
    const row = { virtualAccount, license, instanceSerial: null, source: 'CSSM_EXPORT' } as const;
    return [
      { ...row, quantity: quantity - random.int(5, 40), asOf: addDays(referenceDate, -35) },
      { ...row, quantity, asOf: addDays(referenceDate, -5) },
    ];
  });
}
