import type { EstateSpec } from './estate.js';

/**
 * The oracle of the position property test: the position computed the slow, obvious way from
 * an estate's raw rows, written from the rules in DESIGN.md ("The position") and deliberately
 * importing nothing from api/src/domain, so a rule wrong in production cannot also be wrong
 * here by reuse. Keys are spec indexes (va, license), not database ids.
 */
export interface OracleLine {
  virtualAccountId: number;
  licenseId: number;
  owned: number;
  ownedSmart: number;
  ownedClassic: number;
  consumed: number;
  reserved: number;
  balance: number;
  shortfall: number;
  surplus: number;
  billing: 'PREPAID' | 'USAGE' | 'SUBSCRIPTION' | 'UNKNOWN';
  usageReportedAt: string | null;
  ledger: {
    consumed: number;
    asOf: string;
    reserved: number | null;
    billing: 'PREPAID' | 'USAGE' | 'SUBSCRIPTION' | 'UNKNOWN';
  } | null;
  device: {
    consumed: number;
    reserved: number;
    reportedOn: string | null;
    reservedOn: string | null;
  } | null;
}

type Lot = EstateSpec['lots'][number];
type Usage = EstateSpec['usage'][number];

/** DESIGN: owned counts lots active at D: perpetual, or term with start ≤ D ≤ end (open ends count). */
function ownsAt(lot: Lot, d: string): boolean {
  // A record replaced by a newer export describes dates before its replacement only.
  if (lot.supersededOn != null && d >= lot.supersededOn) return false;
  if (lot.effectiveFrom != null && d < lot.effectiveFrom) return false;
  const started = lot.startDate === null || lot.startDate <= d;
  const notEnded = lot.licenseType === 'PERPETUAL' || lot.endDate === null || d <= lot.endDate;
  return started && notEnded;
}

const latestOf = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : a > b ? a : b;

export function naivePosition(
  spec: EstateSpec,
  asOf: string,
  includeClassic: boolean,
): OracleLine[] {
  const keyOf = (va: number, license: number) => `${va}:${license}`;
  const keys = new Map<string, { va: number; license: number }>();
  const touch = (va: number, license: number) => keys.set(keyOf(va, license), { va, license });

  // Owned.
  const smart = new Map<string, number>();
  const classic = new Map<string, number>();
  for (const lot of spec.lots) {
    if (!ownsAt(lot, asOf)) continue;
    const k = keyOf(lot.va, lot.license);
    const into = lot.source === 'SMART' ? smart : classic;
    into.set(k, (into.get(k) ?? 0) + lot.quantity);
    touch(lot.va, lot.license);
  }

  // Each device's latest report per license on or before D (a later row wins a same-day tie).
  const deviceReport = new Map<string, Usage>();
  spec.usage.forEach((u) => {
    if (u.instance === null || u.asOf > asOf) return;
    const k = `${u.instance}/${u.license}`;
    const before = deviceReport.get(k);
    if (before === undefined || before.asOf <= u.asOf) deviceReport.set(k, u);
  });

  // What each reservation holds at D: its events up to D added up; nothing once returned.
  const held = new Map<string, { va: number; license: number; quantity: number; on: string }>();
  for (const r of spec.reservations) {
    // DESIGN: a reserved TERM entitlement counts through its end date, not after.
    if (r.licenseType === 'TERM' && r.endDate != null && asOf > r.endDate) continue;
    let quantity = 0;
    let on: string | null = null;
    for (const e of r.events) {
      if (e.on > asOf) continue;
      quantity += e.delta;
      on = latestOf(on, e.on);
    }
    if (quantity <= 0 || on === null) continue;
    const va = spec.instances[r.instance]!.va;
    held.set(`${r.instance}/${r.license}`, { va, license: r.license, quantity, on });
  }

  // Device level per VA × license: each device counts the larger of its report and its
  // reservation (in-use already includes reserved: never added).
  const device = new Map<string, NonNullable<OracleLine['device']>>();
  for (const k of new Set([...deviceReport.keys(), ...held.keys()])) {
    const report = deviceReport.get(k);
    const reservation = held.get(k);
    const va = report?.va ?? reservation!.va;
    const license = report?.license ?? reservation!.license;
    // DESIGN: a PLR device holds a full offline entitlement; its per-feature reports are
    // covered by the PLR and consume nothing bought separately.
    const plr = report !== undefined && spec.instances[report.instance!]!.mode === 'PLR';
    const reported = plr ? 0 : (report?.quantity ?? 0);
    const reserved = reservation?.quantity ?? 0;
    const sum = device.get(keyOf(va, license)) ?? {
      consumed: 0,
      reserved: 0,
      reportedOn: null,
      reservedOn: null,
    };
    device.set(keyOf(va, license), {
      consumed: sum.consumed + (reported > reserved ? reported : reserved),
      reserved: sum.reserved + reserved,
      reportedOn: latestOf(sum.reportedOn, report?.asOf ?? null),
      reservedOn: latestOf(sum.reservedOn, reservation?.on ?? null),
    });
    touch(va, license);
  }

  // The account ledger: its latest report per VA × license on or before D.
  const ledgerRow = new Map<string, Usage>();
  spec.usage.forEach((u) => {
    if (u.instance !== null || u.asOf > asOf) return;
    const k = keyOf(u.va, u.license);
    const before = ledgerRow.get(k);
    if (before === undefined || before.asOf <= u.asOf) ledgerRow.set(k, u);
    touch(u.va, u.license);
  });

  return [...keys.values()].map(({ va, license }) => {
    const k = keyOf(va, license);
    const row = ledgerRow.get(k);
    const ledger: OracleLine['ledger'] = row
      ? {
          consumed: row.quantity,
          asOf: row.asOf,
          reserved: row.reserved ?? null,
          billing: row.billing ?? 'UNKNOWN',
        }
      : null;
    const dev = device.get(k) ?? null;
    // DESIGN: where both exist the newer by date wins, the ledger on the same date; only device
    // *reports* carry a date that can outrank a ledger (SLR/PLR devices never report).
    let consumed = 0;
    let usageReportedAt: string | null = null;
    if (dev && (!ledger || (dev.reportedOn !== null && dev.reportedOn > ledger.asOf))) {
      consumed = dev.consumed;
      usageReportedAt = latestOf(dev.reportedOn, dev.reservedOn);
    } else if (ledger) {
      consumed = ledger.consumed;
      usageReportedAt = ledger.asOf;
    }
    const ownedSmart = smart.get(k) ?? 0;
    const ownedClassic = includeClassic ? (classic.get(k) ?? 0) : 0;
    const owned = ownedSmart + ownedClassic;
    const billing = ledger?.billing ?? 'UNKNOWN';
    // Usage-billed lines are billed for what they use: never short, nothing spare.
    const balance = billing === 'USAGE' ? 0 : owned - consumed;
    return {
      virtualAccountId: va,
      licenseId: license,
      owned,
      ownedSmart,
      ownedClassic,
      consumed,
      reserved: dev?.reserved ?? 0,
      balance,
      shortfall: balance < 0 ? -balance : 0,
      surplus: balance > 0 ? balance : 0,
      billing,
      usageReportedAt,
      ledger,
      device: dev,
    };
  });
}
