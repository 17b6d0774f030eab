import type { DbHandle } from '@trueup/db';

import { accountService } from './account-service.js';
import type { Clock } from './clock.js';
import { snapshotsOf, takeSnapshot } from './history-service.js';

/** Label of an automatic snapshot: `auto-YYYY-MM-DD` (one per account and day). */
export const autoSnapshotLabel = (asOf: string): string => `auto-${asOf}`;

/**
 * One scheduled run: snapshots every Smart Account as of today under `auto-<date>`, skipping
 * accounts that already have today's. Returns the domains snapshotted.
 */
export async function takeScheduledSnapshots(handle: DbHandle, clock: Clock): Promise<string[]> {
  const asOf = clock.today();
  const label = autoSnapshotLabel(asOf);
  const taken: string[] = [];
  for (const account of await accountService(handle).listSmartAccounts()) {
    const existing = await snapshotsOf(handle, account.id);
    if (existing.some((s) => s.name === label)) continue;
    await takeSnapshot(handle, { smartAccountId: account.id, label, asOf, includeClassic: true });
    taken.push(account.domain);
  }
  return taken;
}
