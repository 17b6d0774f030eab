import { describe, expect, it } from 'vitest';

import { reservationStanding, transferHistory } from './standing.js';
import { withQuantityAfter, type TrailEvent } from './trail.js';

const event = (
  over: Partial<TrailEvent> & Pick<TrailEvent, 'id' | 'eventType' | 'quantityDelta'>,
): TrailEvent => ({
  occurredOn: '2026-02-01',
  fromInstanceId: null,
  toInstanceId: null,
  quantityAfter: null,
  ...over,
});
const transferIn = event({
  id: 10,
  eventType: 'TRANSFER_IN',
  quantityDelta: 3,
  fromInstanceId: 1,
  toInstanceId: 2,
});
const transferOut = event({
  id: 9,
  eventType: 'TRANSFER_OUT',
  quantityDelta: -3,
  fromInstanceId: 1,
  toInstanceId: 2,
});

describe('transferHistory', () => {
  const base = { instanceId: 2, asOf: '2026-03-01' };

  it('is CLEAN when every TRANSFER_IN has its TRANSFER_OUT', () => {
    expect(transferHistory({ ...base, events: [transferIn], counterparts: [transferOut] })).toBe(
      'CLEAN',
    );
  });

  it('is UNMATCHED when the counterpart is missing, differs, or is used twice', () => {
    expect(transferHistory({ ...base, events: [transferIn], counterparts: [] })).toBe('UNMATCHED');
    expect(
      transferHistory({
        ...base,
        events: [transferIn],
        counterparts: [{ ...transferOut, quantityDelta: -2 }],
      }),
    ).toBe('UNMATCHED');
    expect(
      transferHistory({
        ...base,
        events: [transferIn, { ...transferIn, id: 11 }],
        counterparts: [transferOut],
      }),
    ).toBe('UNMATCHED');
  });

  it('is UNMATCHED when the trail dips below zero, and NONE without transfers in', () => {
    const overdrawn = event({ id: 12, eventType: 'RETURN', quantityDelta: -4 });
    expect(
      transferHistory({ ...base, events: [transferIn, overdrawn], counterparts: [transferOut] }),
    ).toBe('UNMATCHED');
    expect(transferHistory({ ...base, events: [], counterparts: [] })).toBe('NONE');
    expect(
      transferHistory({ ...base, asOf: '2026-01-31', events: [transferIn], counterparts: [] }),
    ).toBe('NONE');
  });
});

describe('reservationStanding', () => {
  const input = { events: [transferIn], counterparts: [transferOut], asOf: '2026-03-01' };

  it('is stranded with a clean history on a decommissioned device it was transferred to', () => {
    expect(
      reservationStanding({
        ...input,
        instance: { id: 2, status: 'DECOMMISSIONED', replacedById: null },
      }),
    ).toEqual({
      quantity: 3,
      strandedReason: 'DECOMMISSIONED',
      transferHistory: 'CLEAN',
      strandedWithCleanTransferHistory: true,
    });
  });

  it('is stranded on a replaced device, and not stranded once returned or on an active one', () => {
    expect(
      reservationStanding({ ...input, instance: { id: 2, status: 'ACTIVE', replacedById: 7 } })
        .strandedReason,
    ).toBe('REPLACED');
    expect(
      reservationStanding({ ...input, instance: { id: 2, status: 'ACTIVE', replacedById: null } })
        .strandedReason,
    ).toBeNull();
    const returned = [...input.events, event({ id: 13, eventType: 'RETURN', quantityDelta: -3 })];
    expect(
      reservationStanding({
        ...input,
        events: returned,
        instance: { id: 2, status: 'DECOMMISSIONED', replacedById: null },
      }),
    ).toMatchObject({ quantity: 0, strandedReason: null, strandedWithCleanTransferHistory: false });
  });
});

describe('withQuantityAfter', () => {
  it('keeps stored quantities and fills the running sum in trail order where missing', () => {
    const trail = withQuantityAfter([
      event({ id: 3, eventType: 'RETURN', quantityDelta: -1, occurredOn: '2026-03-01' }),
      event({
        id: 1,
        eventType: 'RESERVE',
        quantityDelta: 4,
        occurredOn: '2026-01-01',
        quantityAfter: 4,
      }),
      event({ id: 2, eventType: 'UPDATE', quantityDelta: 2, occurredOn: '2026-01-01' }),
    ]);
    expect(trail.map((e) => [e.id, e.quantityAfter])).toEqual([
      [1, 4],
      [2, 6],
      [3, 5],
    ]);
  });
});
