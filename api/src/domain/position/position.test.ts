import { describe, expect, it } from 'vitest';

import { DomainError } from '../errors.js';

import { virtualAccountConsumption } from './consumption.js';
import { licensePositions } from './license-position.js';
import {
  countedUsage,
  deviceConsumption,
  isLotActive,
  isReservationInTerm,
  reservedAt,
} from './lot.js';
import { positionLine } from './position.js';

const sums = {
  virtualAccountId: 1,
  licenseId: 7,
  ownedSmart: 10,
  ownedClassic: 4,
  consumed: 12,
  reserved: 2,
};

describe('positionLine', () => {
  it('reports a shortfall when consumption exceeds the smart-only entitlement', () => {
    const line = positionLine(sums, { includeClassic: false });
    expect(line).toMatchObject({
      owned: 10,
      ownedClassic: 0,
      balance: -2,
      shortfall: 2,
      surplus: 0,
    });
  });

  it('never shows a usage-billed line short, yet keeps its consumption', () => {
    const usage = {
      ...sums,
      ownedSmart: 0,
      ownedClassic: 0,
      consumed: 50,
      billing: 'USAGE' as const,
    };
    expect(positionLine(usage, { includeClassic: true })).toMatchObject({
      owned: 0,
      consumed: 50,
      balance: 0,
      shortfall: 0,
      surplus: 0,
      billing: 'USAGE',
    });
    const prepaid = positionLine(
      { ...sums, virtualAccountId: 2, ownedSmart: 10, ownedClassic: 0, consumed: 4 },
      {
        includeClassic: true,
      },
    );
    const [license] = licensePositions([positionLine(usage, { includeClassic: true }), prepaid]);
    // Σ consumed shows all 54 in use; only the prepaid line's balance nets: 10 − 4 = 6.
    expect(license).toMatchObject({ consumed: 54, balance: 6, netShortfall: 0, surplus: 6 });
    expect(license?.curableByReallocation).toBe(0);
  });

  it('counts classic PAK lots as owned in the unified position', () => {
    const line = positionLine(sums, { includeClassic: true });
    expect(line).toMatchObject({
      owned: 14,
      ownedClassic: 4,
      balance: 2,
      shortfall: 0,
      surplus: 2,
    });
  });

  it('keeps reserved as a breakdown of consumed, never added to it', () => {
    expect(positionLine(sums, { includeClassic: true }).consumed).toBe(12);
  });

  it('rejects fractional or negative quantities with a domain error', () => {
    expect(() => positionLine({ ...sums, consumed: 1.5 }, { includeClassic: true })).toThrow(
      DomainError,
    );
    expect(() => positionLine({ ...sums, ownedSmart: -1 }, { includeClassic: true })).toThrow(
      /ownedSmart/,
    );
  });
});

describe('isLotActive', () => {
  const term = { licenseType: 'TERM' as const, startDate: '2026-01-01', endDate: '2026-12-31' };
  it('counts a term lot from its start to its end date, both inclusive', () => {
    expect(isLotActive(term, '2025-12-31')).toBe(false);
    expect(isLotActive(term, '2026-01-01')).toBe(true);
    expect(isLotActive(term, '2026-12-31')).toBe(true);
    expect(isLotActive(term, '2027-01-01')).toBe(false);
  });
  it('counts a perpetual lot forever once started', () => {
    expect(
      isLotActive(
        { licenseType: 'PERPETUAL', startDate: '2020-05-01', endDate: '2021-01-01' },
        '2030-01-01',
      ),
    ).toBe(true);
    expect(
      isLotActive(
        { licenseType: 'PERPETUAL', startDate: '2020-05-01', endDate: null },
        '2020-04-30',
      ),
    ).toBe(false);
  });
});

describe('isLotActive with replaced export records', () => {
  const perpetual = { licenseType: 'PERPETUAL' as const, startDate: null, endDate: null };
  it('stops counting a replaced record on the newer export date and starts the newer one there', () => {
    const older = { ...perpetual, supersededOn: '2026-06-01' };
    const newer = { ...perpetual, effectiveFrom: '2026-06-01' };
    expect([isLotActive(older, '2026-05-31'), isLotActive(newer, '2026-05-31')]).toEqual([
      true,
      false,
    ]);
    expect([isLotActive(older, '2026-06-01'), isLotActive(newer, '2026-06-01')]).toEqual([
      false,
      true,
    ]);
  });
});

describe('reservation and consumption rules', () => {
  it('sums reservation events up to the as-of date', () => {
    const events = [
      { quantityDelta: 5, occurredOn: '2026-01-10' },
      { quantityDelta: 2, occurredOn: '2026-03-01' },
      { quantityDelta: -7, occurredOn: '2026-06-01' },
    ];
    expect(reservedAt(events, '2026-01-09')).toBe(0);
    expect(reservedAt(events, '2026-03-01')).toBe(7);
    expect(reservedAt(events, '2026-06-01')).toBe(0);
  });
  it('stops counting a TERM reservation the day after its end date', () => {
    const events = [{ quantityDelta: 3, occurredOn: '2026-01-10' }];
    const term = { licenseType: 'TERM' as const, endDate: '2026-06-30' };
    expect(reservedAt(events, '2026-06-30', term)).toBe(3);
    expect(reservedAt(events, '2026-07-01', term)).toBe(0);
    expect(isReservationInTerm(term, '2026-07-01')).toBe(false);
    // Perpetual, open-ended or unstated terms never lapse.
    for (const terms of [
      { licenseType: 'PERPETUAL' as const, endDate: '2026-06-30' },
      { licenseType: 'TERM' as const, endDate: null },
      { licenseType: null, endDate: null },
    ])
      expect(reservedAt(events, '2030-01-01', terms)).toBe(3);
  });
  it('counts no per-feature usage of a PLR device, all of any other device', () => {
    expect(countedUsage('PLR', 3)).toBe(0);
    expect(deviceConsumption(countedUsage('PLR', 3), 1)).toBe(1);
    for (const mode of ['SLR', 'DIRECT_CLOUD', 'ON_PREM'] as const)
      expect(countedUsage(mode, 3)).toBe(3);
  });
  it('takes the larger of reported use and reservation on a device', () => {
    expect(deviceConsumption(3, 5)).toBe(5);
    expect(deviceConsumption(8, 5)).toBe(8);
  });
  it('takes the newer of ledger and device reports, the ledger on the same date', () => {
    const ledger = { consumed: 3, asOf: '2026-06-30', reserved: null, billing: 'PREPAID' } as const;
    const device = { consumed: 5, reserved: 0, reportedOn: '2026-11-30', reservedOn: null };
    expect(virtualAccountConsumption(ledger, device)).toEqual({
      consumed: 5,
      source: 'DEVICE',
      usageReportedAt: '2026-11-30',
    });
    expect(virtualAccountConsumption(ledger, { ...device, reportedOn: '2026-06-30' })).toEqual({
      consumed: 3,
      source: 'LEDGER',
      usageReportedAt: '2026-06-30',
    });
    expect(virtualAccountConsumption(null, device).consumed).toBe(5);
    expect(virtualAccountConsumption(null, null)).toEqual({
      consumed: 0,
      source: 'NONE',
      usageReportedAt: null,
    });
  });
  it('never lets reservations alone outrank a ledger', () => {
    const ledger = { consumed: 3, asOf: '2026-06-30', reserved: 2, billing: 'PREPAID' } as const;
    const reservedOnly = { consumed: 4, reserved: 4, reportedOn: null, reservedOn: '2026-09-01' };
    expect(virtualAccountConsumption(ledger, reservedOnly).consumed).toBe(3);
    expect(virtualAccountConsumption(null, reservedOnly).usageReportedAt).toBe('2026-09-01');
  });
});

describe('licensePositions', () => {
  it('separates what reallocation cures from what needs a purchase', () => {
    const lines = [
      positionLine(
        { ...sums, virtualAccountId: 1, ownedSmart: 10, ownedClassic: 0, consumed: 15 },
        { includeClassic: true },
      ),
      positionLine(
        { ...sums, virtualAccountId: 2, ownedSmart: 10, ownedClassic: 0, consumed: 7 },
        { includeClassic: true },
      ),
    ];
    const [position] = licensePositions(lines);
    expect(position).toMatchObject({
      owned: 20,
      consumed: 22,
      grossShortfall: 5,
      netShortfall: 2,
      curableByReallocation: 3,
      grossSurplus: 3,
      surplus: 0,
      virtualAccountCount: 2,
    });
  });
});
