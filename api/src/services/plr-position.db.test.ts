import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate, type InsertedEstate } from '../../../test/support/estate.js';
import { reservationEstate } from '../../../test/support/reservation-estate.js';
import { createTestDb } from '../../../test/support/test-db.js';

import { accountFindings } from './findings-service.js';
import { positionLines } from './position-service.js';

// reservationEstate: East (VA 0) holds SLR devices 0 and 1, West (VA 1) the PLR device 2;
// licenses L0 and L1. Here the PLR device's authorization pins 1 × L1 (its PLR license) and it
// reports 3 × L0 of feature use; SLR device 0 reports 2 × L0 with nothing reserved.
const AS_OF = '2026-03-01';

describe('a PLR device is judged by its PLR, not per license', () => {
  let handle: DbHandle;
  let ids: InsertedEstate;
  beforeAll(async () => {
    handle = await createTestDb();
    ids = await insertEstate(handle.db, {
      ...reservationEstate('plr.example'),
      usage: [
        { va: 1, license: 0, instance: 2, quantity: 3, asOf: '2026-02-01' },
        { va: 0, license: 0, instance: 0, quantity: 2, asOf: '2026-02-01' },
      ],
      reservations: [{ instance: 2, license: 1, events: [{ delta: 1, on: '2026-01-15' }] }],
    });
  });
  afterAll(async () => {
    await handle.close();
  });

  const line = async (va: number, license: number) =>
    (
      await positionLines(handle, {
        smartAccountId: ids.smartAccountId,
        asOf: AS_OF,
        includeClassic: true,
      })
    ).find(
      (l) =>
        l.virtualAccountId === ids.virtualAccountIds[va] && l.licenseId === ids.licenseIds[license],
    );

  it('counts what the PLR reservation pins, and none of the PLR device’s per-feature usage', async () => {
    expect(await line(1, 1)).toMatchObject({ consumed: 1, reserved: 1 });
    expect((await line(1, 0))?.consumed ?? 0).toBe(0);
    // An SLR device's reported use still counts (East: 14 owned, 2 consumed).
    expect(await line(0, 0)).toMatchObject({ owned: 14, consumed: 2, reserved: 0 });
  });

  it('raises no OVER_RESERVATION for the PLR device, and still does for the SLR one', async () => {
    const over = (
      await accountFindings(handle, {
        smartAccountId: ids.smartAccountId,
        asOf: AS_OF,
        includeClassic: true,
      })
    ).filter((f) => f.code === 'OVER_RESERVATION');
    expect(over.map((f) => [f.virtualAccountName, f.facts])).toEqual([
      ['East', { instanceId: ids.instanceIds[0], reported: 2, reserved: 0 }],
    ]);
  });
});
