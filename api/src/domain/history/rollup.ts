import { licensePositions, type LicensePosition } from '../position/license-position.js';
import type { PositionLine } from '../position/position.js';

/** One group of Virtual Accounts (a business unit, region or environment) and its position. */
export interface RollupGroup {
  /** The tag value; null groups the Virtual Accounts without one. */
  readonly group: string | null;
  readonly virtualAccountIds: readonly number[];
  /** Per license across the group's Virtual Accounts: gross vs net within the group. */
  readonly positions: readonly LicensePosition[];
}

/**
 * Groups position lines by a tag of their Virtual Account and rolls each group up per license
 * with the same rules as the account-level position (so within a group, net shortfall is what
 * moving surplus between that group's Virtual Accounts cannot cure). Groups sorted by name,
 * untagged last. Conserves Σ owned and Σ consumed across groups.
 */
export function rollup(
  lines: readonly PositionLine[],
  tagOf: (virtualAccountId: number) => string | null,
): RollupGroup[] {
  const groups = new Map<string | null, PositionLine[]>();
  for (const line of lines) {
    const tag = tagOf(line.virtualAccountId);
    const group = groups.get(tag);
    if (group) group.push(line);
    else groups.set(tag, [line]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([group, members]) => ({
      group,
      virtualAccountIds: [...new Set(members.map((l) => l.virtualAccountId))].sort((x, y) => x - y),
      positions: licensePositions(members),
    }));
}
