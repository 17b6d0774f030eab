import { addDays, parseIsoDate, timestampOn } from './calendar.js';
import { SMALL_CATALOG } from './catalog.js';
import type { SmallEstate } from './estate.js';
import { createRandom } from './random.js';
import { ledgerUsage } from './small-cases.js';
import { DESIGNED_SERIALS, designedDevices } from './small-designed.js';
import { SerialAllocator, generateSmallDevices } from './small-devices.js';
import { smallHistory } from './small-history.js';
import { SMALL_SATELLITES, SMALL_VIRTUAL_ACCOUNTS } from './small-layout.js';
import { consumptionAt, generateSmallLots } from './small-lots.js';

/**
 * Builds the small demo estate ("Acme Networks") as plain data: 6 Virtual Accounts, 43
 * licenses, about 600 devices in all four connection modes, their usage, SLR/PLR reservations
 * and entitlement lots, with the findings of `SMALL_DESIGNED_CASES` built in. Pure: the same
 * (referenceDate, seed) always gives the same estate; each phase draws from its own stream.
 */
export function buildSmallEstate(referenceDate: string, seed: number): SmallEstate {
  parseIsoDate(referenceDate);
  const serials = new SerialAllocator(createRandom(seed, 'small/serials'));
  for (const serial of DESIGNED_SERIALS) serials.reserve(serial);
  const designed = designedDevices(referenceDate, createRandom(seed, 'small/designed'));
  const generated = generateSmallDevices(
    referenceDate,
    createRandom(seed, 'small/devices'),
    serials,
  );
  const usage = [
    ...generated.usage,
    ...designed.usage,
    ...ledgerUsage(referenceDate, createRandom(seed, 'small/ledger')),
  ];
  const consumed = consumptionAt(usage, designed.reservations, referenceDate);
  const lots = generateSmallLots(
    referenceDate,
    createRandom(seed, 'small/lots'),
    consumed,
    SMALL_VIRTUAL_ACCOUNTS.map((va) => va.name),
    SMALL_CATALOG,
  );
  const syncRandom = createRandom(seed, 'small/satellites');
  return {
    virtualAccounts: SMALL_VIRTUAL_ACCOUNTS,
    satellites: SMALL_SATELLITES.map((s) => ({
      name: s.name,
      hostname: s.hostname,
      lastSyncAt: timestampOn(addDays(referenceDate, -s.syncedDaysAgo), syncRandom.int(60, 300)),
    })),
    licenses: SMALL_CATALOG,
    instances: [...generated.instances, ...designed.instances],
    usage,
    reservations: designed.reservations,
    lots,
    priceValidFrom: addDays(referenceDate, -180),
    history: smallHistory(referenceDate, consumed, lots, designed.reservations),
  };
}
