import type { PositionLine } from '../position/position.js';

/** How one Virtual Account × license moved between two positions. */
export interface DriftLine {
  readonly virtualAccountId: number;
  readonly licenseId: number;
  readonly ownedBefore: number;
  readonly ownedAfter: number;
  readonly consumedBefore: number;
  readonly consumedAfter: number;
  readonly balanceBefore: number;
  readonly balanceAfter: number;
  /** after − before, for owned, consumed and balance. */
  readonly ownedChange: number;
  readonly consumedChange: number;
  readonly balanceChange: number;
}

type Figures = Pick<
  PositionLine,
  'virtualAccountId' | 'licenseId' | 'owned' | 'consumed' | 'balance'
>;

/**
 * The change between two positions, per Virtual Account × license present in either (a line
 * missing on one side counts as zeros there). Lines that did not move are left out. Sorted by
 * Virtual Account id, then license id. Conserves: Σ change = Σ after − Σ before, per figure.
 */
export function drift(before: readonly Figures[], after: readonly Figures[]): DriftLine[] {
  const key = (l: Figures) => `${l.virtualAccountId}:${l.licenseId}`;
  const was = new Map(before.map((l) => [key(l), l]));
  const now = new Map(after.map((l) => [key(l), l]));
  const lines: DriftLine[] = [];
  for (const k of new Set([...was.keys(), ...now.keys()])) {
    const b = was.get(k);
    const a = now.get(k);
    const ids = a ?? b;
    if (!ids) continue;
    const line = {
      virtualAccountId: ids.virtualAccountId,
      licenseId: ids.licenseId,
      ownedBefore: b?.owned ?? 0,
      ownedAfter: a?.owned ?? 0,
      consumedBefore: b?.consumed ?? 0,
      consumedAfter: a?.consumed ?? 0,
      balanceBefore: b?.balance ?? 0,
      balanceAfter: a?.balance ?? 0,
    };
    const changed = {
      ...line,
      ownedChange: line.ownedAfter - line.ownedBefore,
      consumedChange: line.consumedAfter - line.consumedBefore,
      balanceChange: line.balanceAfter - line.balanceBefore,
    };
    if (changed.ownedChange !== 0 || changed.consumedChange !== 0 || changed.balanceChange !== 0)
      lines.push(changed);
  }
  return lines.sort((x, y) => x.virtualAccountId - y.virtualAccountId || x.licenseId - y.licenseId);
}

/** Findings present after but not before (new) and before but not after (resolved), by key. */
export function findingChanges<F extends { readonly key: string }>(
  before: readonly F[],
  after: readonly F[],
): { readonly opened: F[]; readonly resolved: F[] } {
  const was = new Set(before.map((f) => f.key));
  const now = new Set(after.map((f) => f.key));
  return {
    opened: after.filter((f) => !was.has(f.key)),
    resolved: before.filter((f) => !now.has(f.key)),
  };
}
