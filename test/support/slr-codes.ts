import { sql } from 'drizzle-orm';

import { positionLines } from '../../api/src/services/position-service.js';
import type { DbHandle } from '../../db/src/index.js';

// Invented SLR authorization codes in the shape of cisco-formats.md §7.3 (one device per
// `<specificPLR>`); no customer data.

export const SLR_TAGS = {
  NWA: 'regid.2019-01.com.cisco.C9500_NW_Advantage,1.0_11110000-2222-4333-8444-555566667777',
  DNA: 'regid.2019-01.com.cisco.C9500_DNA_Advantage,1.0_11110000-2222-4333-8444-555566668888',
  ESS: 'regid.2019-01.com.cisco.C9500_NW_Essentials,1.0_11110000-2222-4333-8444-555566669999',
} as const;
export const SLR_NAMES = {
  NWA: 'C9500 Network Advantage',
  DNA: 'C9500 DNA Advantage, 3Y',
  ESS: 'C9500 Network Essentials',
} as const;
export type SlrLicense = keyof typeof SLR_TAGS;

/** A reserved entitlement: a count (PERPETUAL, no dates) or a TERM with its dates. */
export type SlrEntitlement = number | { count: number; startDate: string; endDate: string };

/** Epoch milliseconds of midnight UTC of an ISO date (the `<timestamp>` of a code). */
export const epochMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** One `<specificPLR>` for device C9500-24Y4C `serial`, issued on `issuedOn` (+ `offsetMs`). */
export function authorizationXml(
  serial: string,
  issuedOn: string,
  entitlements: Partial<Record<SlrLicense, SlrEntitlement>>,
  offsetMs = 0,
): string {
  const lines = Object.entries(entitlements).map(([key, value]) => {
    const e = typeof value === 'number' ? { count: value } : value;
    const term = 'endDate' in e;
    const name = SLR_NAMES[key as SlrLicense];
    return (
      `<entitlement><tag>${SLR_TAGS[key as SlrLicense]}</tag><count>${e.count}</count>` +
      `<startDate>${term ? e.startDate : ''}</startDate><endDate>${term ? e.endDate : ''}</endDate>` +
      `<licenseType>${term ? 'TERM' : 'PERPETUAL'}</licenseType>` +
      `<displayName>${name}</displayName><tagDescription>${name}</tagDescription>` +
      `<subscriptionID></subscriptionID></entitlement>`
    );
  });
  return `<specificPLR><authorizationCode><flag>A</flag><version>C</version>
  <piid>5d0c0000-aaaa-4bbb-8ccc-0d0e0f10${serial.slice(-4)}</piid><timestamp>${epochMs(issuedOn) + offsetMs}</timestamp>
  <entitlements>${lines.join('\n    ')}</entitlements></authorizationCode>
  <signature>SW52ZW50ZWRTaWduYXR1cmU=</signature><udi>P:C9500-24Y4C,S:${serial}</udi></specificPLR>\n`;
}

/** The id of a Smart Account by domain. */
export async function smartAccountIdOf(handle: DbHandle, domain: string): Promise<number> {
  const [account] = await handle.rows<{ id: number }>(
    sql`select id from smart_accounts where domain = ${domain}`,
  );
  return Number(account!.id);
}

/** Position lines at `asOf` by license name (unified), with the figures named. */
export async function positionByLicense(
  handle: DbHandle,
  domain: string,
  asOf: string,
): Promise<Record<string, { consumed: number; reserved: number }>> {
  const smartAccountId = await smartAccountIdOf(handle, domain);
  const names = new Map(
    (
      await handle.rows<{ id: number; name: string }>(
        sql`select id, name from licenses where smart_account_id = ${smartAccountId}`,
      )
    ).map((l) => [Number(l.id), l.name]),
  );
  const lines = await positionLines(handle, { smartAccountId, asOf, includeClassic: true });
  return Object.fromEntries(
    lines.map((l) => [names.get(l.licenseId), { consumed: l.consumed, reserved: l.reserved }]),
  );
}
