import { describe, expect, it } from 'vitest';

import { planAuthorization } from './authorization.js';

const base = { instanceId: 7, issuedOn: '2026-02-01', latestOnDevice: '2026-01-10' };

describe('planAuthorization: a code is the device’s whole reservation set', () => {
  it('plans nothing when the code matches what the device holds', () => {
    expect(
      planAuthorization({
        ...base,
        holdings: [
          { licenseId: 1, held: 1 },
          { licenseId: 2, held: 2 },
        ],
        authorized: [
          { licenseId: 2, quantity: 2 },
          { licenseId: 1, quantity: 1 },
        ],
      }),
    ).toEqual({ outcome: 'APPLY', changes: [] });
  });

  it('reserves, updates and returns to reach the code, in code order then returns', () => {
    const plan = planAuthorization({
      ...base,
      holdings: [
        { licenseId: 1, held: 1 },
        { licenseId: 2, held: 2 },
        { licenseId: 4, held: 0 },
      ],
      authorized: [
        { licenseId: 2, quantity: 5 },
        { licenseId: 3, quantity: 1 },
        { licenseId: 4, quantity: 2 },
      ],
    });
    expect(plan).toEqual({
      outcome: 'APPLY',
      changes: [
        {
          licenseId: 2,
          plan: {
            eventType: 'UPDATE',
            quantityDelta: 3,
            quantityAfter: 5,
            fromInstanceId: null,
            toInstanceId: 7,
          },
        },
        {
          licenseId: 3,
          plan: {
            eventType: 'RESERVE',
            quantityDelta: 1,
            quantityAfter: 1,
            fromInstanceId: null,
            toInstanceId: 7,
          },
        },
        {
          licenseId: 4,
          plan: {
            eventType: 'RESERVE',
            quantityDelta: 2,
            quantityAfter: 2,
            fromInstanceId: null,
            toInstanceId: 7,
          },
        },
        {
          licenseId: 1,
          plan: {
            eventType: 'RETURN',
            quantityDelta: -1,
            quantityAfter: 0,
            fromInstanceId: 7,
            toInstanceId: null,
          },
        },
      ],
    });
  });

  it('adds up a license named twice, and lowers a count with an UPDATE', () => {
    const plan = planAuthorization({
      ...base,
      holdings: [{ licenseId: 1, held: 6 }],
      authorized: [
        { licenseId: 1, quantity: 2 },
        { licenseId: 1, quantity: 1 },
      ],
    });
    expect(plan.outcome === 'APPLY' && plan.changes.map((c) => c.plan)).toEqual([
      {
        eventType: 'UPDATE',
        quantityDelta: -3,
        quantityAfter: 3,
        fromInstanceId: 7,
        toInstanceId: null,
      },
    ]);
  });

  it('refuses a code issued before the device’s latest event, and accepts one of the same day', () => {
    const input = { ...base, holdings: [{ licenseId: 1, held: 4 }], authorized: [] };
    expect(planAuthorization({ ...input, issuedOn: '2026-01-09' })).toEqual({
      outcome: 'OLDER',
      latest: '2026-01-10',
    });
    expect(planAuthorization({ ...input, issuedOn: '2026-01-10' }).outcome).toBe('APPLY');
    expect(
      planAuthorization({ ...input, latestOnDevice: null, issuedOn: '2020-01-01' }).outcome,
    ).toBe('APPLY');
  });
});
