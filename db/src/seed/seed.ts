import { eq } from 'drizzle-orm';

import type { DbHandle } from '../client/types.js';
import { smartAccounts } from '../schema/index.js';

import { parseIsoDate } from './calendar.js';
import { countDemoRows } from './counts.js';
import { seedLarge } from './large.js';
import {
  DEFAULT_DEMO_SEED,
  DEMO_ACCOUNTS,
  type SeedDemoOptions,
  type SeedDemoResult,
} from './presets.js';
import { writeSmallEstate } from './small-write.js';
import { buildSmallEstate } from './small.js';

async function seedSmall(
  handle: DbHandle,
  referenceDate: string,
  seed: number,
): Promise<number | null> {
  const estate = buildSmallEstate(referenceDate, seed);
  return handle.db.transaction(async (tx) => {
    const [account] = await tx
      .insert(smartAccounts)
      .values(DEMO_ACCOUNTS.small)
      .onConflictDoNothing({ target: smartAccounts.domain })
      .returning({ id: smartAccounts.id });
    if (!account) return null;
    await writeSmallEstate(tx, account.id, estate);
    return account.id;
  });
}

/**
 * Seeds a demo Smart Account: `small` ("Acme Networks", ~600 devices with the findings of
 * `SMALL_DESIGNED_CASES` built in) or `large` ("Globex Corporation", 250,000 devices and
 * 1,000,000 usage rows, loaded with COPY).
 *
 * - Deterministic: the data is a function of (preset, referenceDate, seed); every date is placed
 *   relative to `referenceDate`.
 * - Idempotent: when the preset's domain already exists nothing is changed and `created` is false.
 * - All or nothing: `small` runs in one transaction; `large` (COPY, several connections)
 *   deletes the partly loaded account and all its rows before rethrowing.
 */
export async function seedDemo(
  handle: DbHandle,
  options: SeedDemoOptions,
): Promise<SeedDemoResult> {
  const account = DEMO_ACCOUNTS[options.preset];
  if (!account) throw new RangeError(`unknown demo preset "${String(options.preset)}"`);
  parseIsoDate(options.referenceDate);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`the demo seed must be an integer, got ${seed}`);
  const findAccount = async () => {
    const [found] = await handle.db
      .select({ id: smartAccounts.id, name: smartAccounts.name })
      .from(smartAccounts)
      .where(eq(smartAccounts.domain, account.domain));
    return found;
  };
  // Checked first to skip planning a large estate for nothing; the insert's ON CONFLICT is
  // what settles a race between two seeders.
  const createdId = (await findAccount())
    ? null
    : options.preset === 'small'
      ? await seedSmall(handle, options.referenceDate, seed)
      : await seedLarge(handle, { ...account, referenceDate: options.referenceDate, seed });
  const existing = await findAccount();
  if (!existing) throw new Error(`demo Smart Account ${account.domain} vanished while seeding`);
  return {
    created: createdId !== null,
    domain: account.domain,
    name: existing.name,
    counts: await countDemoRows(handle, existing.id),
  };
}
