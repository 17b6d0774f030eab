import {
  countedUsage,
  deviceConsumption,
  isLotActive,
  isReservationInTerm,
  positionLine,
  reservedAt,
  virtualAccountConsumption,
  type PositionLine,
} from '../../api/src/domain/index.js';

import type { EstateSpec } from './estate.js';

/**
 * The position computed the slow, obvious way from an estate's raw rows, row by row in memory,
 * using the domain's selection rules. Keys are spec indexes (va, license), not database ids.
 */
export function naivePosition(
  spec: EstateSpec,
  asOf: string,
  includeClassic: boolean,
): PositionLine[] {
  const key = (va: number, license: number) => `${va}:${license}`;
  const sums = new Map<
    string,
    {
      va: number;
      license: number;
      smart: number;
      classic: number;
      device: number;
      reserved: number;
      ledger: number | null;
    }
  >();
  const entry = (va: number, license: number) => {
    const k = key(va, license);
    let e = sums.get(k);
    if (!e) {
      e = { va, license, smart: 0, classic: 0, device: 0, reserved: 0, ledger: null };
      sums.set(k, e);
    }
    return e;
  };
  for (const lot of spec.lots) {
    if (!isLotActive(lot, asOf)) continue;
    const e = entry(lot.va, lot.license);
    if (lot.source === 'SMART') e.smart += lot.quantity;
    else e.classic += lot.quantity;
  }
  // Latest device report per instance × license (later rows win ties, as higher ids do in SQL).
  const latest = new Map<string, { va: number; license: number; quantity: number; asOf: string }>();
  for (const u of spec.usage) {
    if (u.instance === null || u.asOf > asOf) continue;
    const k = key(u.instance, u.license);
    const seen = latest.get(k);
    if (!seen || u.asOf >= seen.asOf) latest.set(k, u);
  }
  const reserved = new Map<string, { va: number; license: number; quantity: number }>();
  for (const r of spec.reservations) {
    const terms = { licenseType: r.licenseType ?? null, endDate: r.endDate ?? null };
    const quantity = reservedAt(
      r.events.map((e) => ({ quantityDelta: e.delta, occurredOn: e.on })),
      asOf,
      terms,
    );
    const total = r.events.filter((e) => e.on <= asOf).reduce((t, e) => t + e.delta, 0);
    if (total <= 0 || !isReservationInTerm(terms, asOf)) continue;
    reserved.set(key(r.instance, r.license), {
      va: spec.instances[r.instance]!.va,
      license: r.license,
      quantity,
    });
  }
  for (const k of new Set([...latest.keys(), ...reserved.keys()])) {
    const u = latest.get(k);
    const r = reserved.get(k);
    const e = entry(u?.va ?? r!.va, u?.license ?? r!.license);
    const mode = spec.instances[Number(k.split(':')[0])]!.mode;
    e.device += deviceConsumption(countedUsage(mode, u?.quantity ?? 0), r?.quantity ?? 0);
    e.reserved += r?.quantity ?? 0;
  }
  const ledgerAsOf = new Map<string, string>();
  spec.usage.forEach((u) => {
    if (u.instance !== null || u.asOf > asOf) return;
    const k = key(u.va, u.license);
    const seen = ledgerAsOf.get(k);
    if (seen === undefined || u.asOf >= seen) {
      ledgerAsOf.set(k, u.asOf);
      entry(u.va, u.license).ledger = u.quantity;
    }
  });
  return [...sums.values()].map((e) =>
    positionLine(
      {
        virtualAccountId: e.va,
        licenseId: e.license,
        ownedSmart: e.smart,
        ownedClassic: e.classic,
        consumed: virtualAccountConsumption(e.ledger, e.device),
        reserved: e.reserved,
      },
      { includeClassic },
    ),
  );
}
