import { addDays, timestampOn } from './calendar.js';
import {
  instanceName,
  type InstancePlan,
  type ReservationEventPlan,
  type ReservationPlan,
  type UsagePlan,
} from './estate.js';
import { stableUuid, type Random } from './random.js';
import { SMALL_DESIGNED_CASES as CASES } from './small-cases.js';

const AIR_NE = 'AIR Network Essentials';
const AIR_DNA = 'AIR DNA Essentials, 3Y Term';
const NXA = 'NX-OS Advantage for Nexus 9300';
const NDI = 'Nexus Dashboard Insights for Nexus 9300, 5Y Term';
const ACTOR = 'netops@acme-networks.example';
const WLC = 'Catalyst 9800 Wireless Controller';

/** Every fixed serial of a designed device (reserve them before generating others). */
export const DESIGNED_SERIALS: readonly string[] = [
  CASES.strandedReservation.udiSerial,
  CASES.beyondReservation.udiSerial,
  CASES.addOnWithoutBase.udiSerial,
  CASES.ghostConsumption.udiSerial,
  CASES.higherTierBase.udiSerial,
  CASES.perpetualQuiet.udiSerial,
  CASES.staleDevice.udiSerial,
  'SAL2333X1T2',
  'SAL2333X1T5',
  'SAL2333X1T9',
  'SAL2150Y07C',
  'FCW2251Z0P1',
  'FCW2251Z0P8',
];

type DeviceFacts = Omit<InstancePlan, 'name' | 'satellite' | 'lastContactAt'> & {
  readonly lastContactAt?: string;
};

/** Collects hand-placed devices with their reservations and reports. */
class Designed {
  readonly instances: InstancePlan[] = [];
  readonly usage: UsagePlan[] = [];
  readonly reservations: ReservationPlan[] = [];

  device(facts: DeviceFacts): InstancePlan {
    const device = {
      ...facts,
      name: instanceName(facts.udiPid, facts.udiSerial),
      satellite: null,
      lastContactAt: facts.lastContactAt ?? null,
    };
    this.instances.push(device);
    return device;
  }

  reserve(device: InstancePlan, license: string, events: ReservationEventPlan[]): void {
    const reservationType = device.connectionMode === 'PLR' ? 'PLR' : 'SLR';
    const code = stableUuid(`${device.udiSerial}/${license}`).toUpperCase();
    this.reservations.push({
      virtualAccount: device.virtualAccount,
      instanceSerial: device.udiSerial,
      license,
      reservationType,
      authorizationCode: `${reservationType}-${code}`,
      events,
    });
  }

  report(device: InstancePlan, license: string, quantity: number, asOf: string): void {
    const source = device.connectionMode === 'SLR' ? 'RUM_REPORT' : 'SMART_LICENSING_API';
    const { virtualAccount, udiSerial: instanceSerial } = device;
    this.usage.push({ virtualAccount, license, instanceSerial, quantity, source, asOf });
  }
}

function event(
  eventType: ReservationEventPlan['eventType'],
  quantityDelta: number,
  occurredOn: string,
  note: string | null = null,
): ReservationEventPlan {
  return { eventType, quantityDelta, occurredOn, actor: ACTOR, note };
}

/** Ordinary reserved devices: SLR leaves in the data center, PLR core switches in the lab. */
function reservedDevices(out: Designed, day: (offset: number) => string, random: Random): void {
  ['SAL2333X1T2', 'SAL2333X1T5', 'SAL2333X1T9'].forEach((udiSerial, i) => {
    const leaf = out.device({
      virtualAccount: 'DataCenter-EMEA',
      udiPid: 'N9K-C93180YC-FX',
      udiSerial,
      hostname: `fra-dc1-leaf-slr-0${i + 1}`,
      productType: 'Nexus 9300',
      connectionMode: 'SLR',
      status: 'ACTIVE',
    });
    out.reserve(leaf, NXA, [event('RESERVE', 1, day(-random.int(380, 460)))]);
    if (i === 0)
      out.reserve(leaf, NDI, [
        event('RESERVE', 1, day(-random.int(250, 300)), 'NDI added to the authorization code'),
      ]);
  });
  ['FCW2251Z0P1', 'FCW2251Z0P8'].forEach((udiSerial, i) => {
    const core = out.device({
      virtualAccount: 'Lab-NonProd',
      udiPid: 'C9500-24Y4C',
      udiSerial,
      hostname: `rtp-lab-core-plr-0${i + 1}`,
      productType: 'Catalyst 9500',
      connectionMode: 'PLR',
      status: 'ACTIVE',
    });
    out.reserve(core, 'C9500 Network Advantage', [event('RESERVE', 1, day(-random.int(500, 700)))]);
  });
  // Not a finding: decommissioned, and its reservation was returned.
  const returned = out.device({
    virtualAccount: 'DataCenter-EMEA',
    udiPid: 'N9K-C93180YC-FX',
    udiSerial: 'SAL2150Y07C',
    hostname: CASES.strandedReservation.returnedHostname,
    productType: 'Nexus 9300',
    connectionMode: 'SLR',
    status: 'DECOMMISSIONED',
  });
  out.reserve(returned, NXA, [
    event('RESERVE', 1, day(-800)),
    event('RETURN', -1, day(-95), 'return code entered before RMA'),
  ]);
}

/** Cases 9, 10 and 11: online switches judged by what they hold (no random draws). */
function reportingDevices(out: Designed, day: (offset: number) => string): void {
  for (const c of [CASES.higherTierBase, CASES.perpetualQuiet, CASES.staleDevice]) {
    const daysAgo = 'reportedDaysAgo' in c ? c.reportedDaysAgo : 2;
    const device = out.device({
      virtualAccount: c.virtualAccount,
      udiPid: 'C9300-48P',
      udiSerial: c.udiSerial,
      hostname: c.hostname,
      productType: 'Catalyst 9300',
      connectionMode: 'DIRECT_CLOUD',
      status: 'ACTIVE',
      lastContactAt: timestampOn(day(-daysAgo), 540),
    });
    for (const license of c.licenses) out.report(device, license, 1, day(-daysAgo));
  }
}

/** The hand-placed devices: SLR/PLR devices with their reservations, and cases 4–6 and 8–11. */
export function designedDevices(referenceDate: string, random: Random): Designed {
  const day = (offset: number): string => addDays(referenceDate, offset);
  const out = new Designed();
  reservedDevices(out, day, random);

  // Case 4: stranded reservation on a decommissioned SLR controller (RESERVE 25, UPDATE +10).
  const s = CASES.strandedReservation;
  const stranded = out.device({
    virtualAccount: s.virtualAccount,
    udiPid: 'C9800-L-F-K9',
    udiSerial: s.udiSerial,
    hostname: s.hostname,
    productType: WLC,
    connectionMode: 'SLR',
    status: 'DECOMMISSIONED',
  });
  for (const license of s.licenses) {
    out.reserve(stranded, license, [
      event('RESERVE', 25, day(-700)),
      event('UPDATE', s.quantity - 25, day(-420), '10 more access points'),
    ]);
  }

  // Case 5: SLR controller reporting (RUM) 64 APs on DNA Essentials with only 50 reserved.
  const b = CASES.beyondReservation;
  const beyond = out.device({
    virtualAccount: b.virtualAccount,
    udiPid: 'C9800-40-K9',
    udiSerial: b.udiSerial,
    hostname: b.hostname,
    productType: WLC,
    connectionMode: 'SLR',
    status: 'ACTIVE',
  });
  out.reserve(beyond, AIR_NE, [
    event('RESERVE', b.reserved, day(-400)),
    event('UPDATE', b.inUse - b.reserved, day(-200), 'new floor'),
  ]);
  out.reserve(beyond, AIR_DNA, [event('RESERVE', b.reserved, day(-400))]);
  out.report(beyond, AIR_NE, b.inUse, day(-3));
  out.report(beyond, AIR_DNA, b.inUse, day(-3));

  // Case 6: a lab switch running the DNA add-on without its Network Advantage base.
  const a = CASES.addOnWithoutBase;
  const lab = out.device({
    virtualAccount: a.virtualAccount,
    udiPid: 'C9300-48P',
    udiSerial: a.udiSerial,
    hostname: a.hostname,
    productType: 'Catalyst 9300',
    connectionMode: 'DIRECT_CLOUD',
    status: 'ACTIVE',
    lastContactAt: timestampOn(day(-2), 611),
  });
  out.report(lab, a.license, 1, day(-2));

  // Case 8: decommissioned in inventory three weeks ago, still reporting.
  const g = CASES.ghostConsumption;
  const ghost = out.device({
    virtualAccount: g.virtualAccount,
    udiPid: 'C9300-48P',
    udiSerial: g.udiSerial,
    hostname: g.hostname,
    productType: 'Catalyst 9300',
    connectionMode: 'DIRECT_CLOUD',
    status: 'DECOMMISSIONED',
    lastContactAt: timestampOn(day(-3), 197),
  });
  for (const license of ['C9300 Network Advantage', 'C9300 48P DNA Advantage, 5Y Term']) {
    out.report(ghost, license, 1, day(-3));
  }
  reportingDevices(out, day);
  return out;
}
