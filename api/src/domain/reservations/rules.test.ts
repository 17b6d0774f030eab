import { describe, expect, it } from 'vitest';

import { DomainError } from '../errors.js';

import { checkActor, checkChronology, inAccount } from './checks.js';
import {
  planReserve,
  planReturn,
  planTransfer,
  planUpdate,
  type HeldReservation,
} from './rules.js';

const active = { id: 1, status: 'ACTIVE' as const };
const other = { id: 2, status: 'ACTIVE' as const };
const retired = { id: 3, status: 'DECOMMISSIONED' as const };
const holding = (held: number, latest = '2026-01-10'): HeldReservation => ({
  reservationType: 'SLR',
  instance: active,
  held,
  latest,
});
const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
};

describe('planReserve', () => {
  it('pins the quantity on the device as one RESERVE event', () => {
    expect(
      planReserve({
        instance: active,
        existing: null,
        reservationType: 'SLR',
        quantity: 4,
        asOf: '2026-01-01',
      }),
    ).toEqual({
      eventType: 'RESERVE',
      quantityDelta: 4,
      quantityAfter: 4,
      fromInstanceId: null,
      toInstanceId: 1,
    });
  });

  it('refuses a device that holds some already, another type, a retired device or a bad quantity', () => {
    const base = { instance: active, reservationType: 'SLR' as const, asOf: '2026-02-01' };
    expect(codeOf(() => planReserve({ ...base, existing: holding(2), quantity: 1 }))).toBe(
      'RESERVATION_EXISTS',
    );
    expect(
      codeOf(() =>
        planReserve({ ...base, reservationType: 'PLR', existing: holding(0), quantity: 1 }),
      ),
    ).toBe('RESERVATION_TYPE_MISMATCH');
    expect(
      codeOf(() => planReserve({ ...base, instance: retired, existing: null, quantity: 1 })),
    ).toBe('INSTANCE_DECOMMISSIONED');
    for (const quantity of [0, -1, 1.5, Number.NaN])
      expect(codeOf(() => planReserve({ ...base, existing: null, quantity }))).toBe(
        'INVALID_QUANTITY',
      );
  });

  it('reserves a returned reservation again', () => {
    const plan = planReserve({
      instance: active,
      existing: holding(0),
      reservationType: 'SLR',
      quantity: 2,
      asOf: '2026-02-01',
    });
    expect(plan.quantityAfter).toBe(2);
  });
});

describe('planUpdate', () => {
  it('records the difference, from or to the device by its sign', () => {
    expect(planUpdate({ reservation: holding(5), quantity: 8, asOf: '2026-02-01' })).toMatchObject({
      quantityDelta: 3,
      quantityAfter: 8,
      toInstanceId: 1,
      fromInstanceId: null,
    });
    expect(planUpdate({ reservation: holding(5), quantity: 2, asOf: '2026-02-01' })).toMatchObject({
      quantityDelta: -3,
      fromInstanceId: 1,
      toInstanceId: null,
    });
  });

  it('refuses no change, growth on a retired device and back-dating', () => {
    expect(
      codeOf(() => planUpdate({ reservation: holding(5), quantity: 5, asOf: '2026-02-01' })),
    ).toBe('QUANTITY_UNCHANGED');
    const onRetired = { ...holding(5), instance: retired };
    expect(
      codeOf(() => planUpdate({ reservation: onRetired, quantity: 6, asOf: '2026-02-01' })),
    ).toBe('INSTANCE_DECOMMISSIONED');
    expect(
      planUpdate({ reservation: onRetired, quantity: 1, asOf: '2026-02-01' }).quantityDelta,
    ).toBe(-4);
    expect(
      codeOf(() => planUpdate({ reservation: holding(5), quantity: 6, asOf: '2026-01-09' })),
    ).toBe('EVENT_OUT_OF_ORDER');
  });
});

describe('planReturn', () => {
  it('returns everything held by default, or part of it', () => {
    expect(planReturn({ reservation: holding(5), asOf: '2026-02-01' })).toMatchObject({
      eventType: 'RETURN',
      quantityDelta: -5,
      quantityAfter: 0,
      fromInstanceId: 1,
    });
    expect(
      planReturn({ reservation: holding(5), quantity: 2, asOf: '2026-02-01' }).quantityAfter,
    ).toBe(3);
  });

  it('refuses to return more than held, or anything from an empty reservation', () => {
    expect(
      codeOf(() => planReturn({ reservation: holding(5), quantity: 6, asOf: '2026-02-01' })),
    ).toBe('EXCEEDS_RESERVED');
    expect(codeOf(() => planReturn({ reservation: holding(0), asOf: '2026-02-01' }))).toBe(
      'EXCEEDS_RESERVED',
    );
  });
});

describe('planTransfer', () => {
  it('writes equal and opposite events naming both devices', () => {
    const plan = planTransfer({
      source: holding(5),
      target: { instance: other, existing: null },
      quantity: 2,
      asOf: '2026-02-01',
    });
    expect(plan.out).toEqual({
      eventType: 'TRANSFER_OUT',
      quantityDelta: -2,
      quantityAfter: 3,
      fromInstanceId: 1,
      toInstanceId: 2,
    });
    expect(plan.in).toEqual({
      eventType: 'TRANSFER_IN',
      quantityDelta: 2,
      quantityAfter: 2,
      fromInstanceId: 1,
      toInstanceId: 2,
    });
    expect(plan.out.quantityDelta + plan.in.quantityDelta).toBe(0);
  });

  it('refuses the same device, a retired target, too much, or a back-dated target', () => {
    const source = holding(5);
    const asOf = '2026-02-01';
    expect(
      codeOf(() => planTransfer({ source, target: { instance: active, existing: null }, asOf })),
    ).toBe('SAME_INSTANCE');
    expect(
      codeOf(() => planTransfer({ source, target: { instance: retired, existing: null }, asOf })),
    ).toBe('INSTANCE_DECOMMISSIONED');
    expect(
      codeOf(() =>
        planTransfer({ source, target: { instance: other, existing: null }, quantity: 6, asOf }),
      ),
    ).toBe('EXCEEDS_RESERVED');
    const later = { ...holding(1, '2026-03-01'), instance: other };
    expect(
      codeOf(() => planTransfer({ source, target: { instance: other, existing: later }, asOf })),
    ).toBe('EVENT_OUT_OF_ORDER');
  });
});

describe('checks', () => {
  it('treats a row of another Smart Account exactly like a missing one', () => {
    expect(codeOf(() => inAccount({ smartAccountId: 2 }, 1, 'UNKNOWN_LICENSE', 'license'))).toBe(
      'UNKNOWN_LICENSE',
    );
    expect(codeOf(() => inAccount(undefined, 1, 'UNKNOWN_LICENSE', 'license'))).toBe(
      'UNKNOWN_LICENSE',
    );
    expect(inAccount({ smartAccountId: 1 }, 1, 'UNKNOWN_LICENSE', 'license')).toEqual({
      smartAccountId: 1,
    });
  });

  it('needs an actor and a date no earlier than the trail', () => {
    expect(codeOf(() => checkActor('  '))).toBe('MISSING_ACTOR');
    expect(checkActor(' alice ')).toBe('alice');
    expect(codeOf(() => checkChronology('2026-01-10', '2026-01-10'))).toBe('no error');
    expect(codeOf(() => checkChronology(null, '2020-01-01'))).toBe('no error');
  });
});
