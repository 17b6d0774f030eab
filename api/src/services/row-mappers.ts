import type { PositionSums } from '../domain/index.js';

/** Raw row of `positionSumsQuery` (snake_case, numbers possibly strings on postgres.js). */
export interface PositionSumsRow extends Record<string, unknown> {
  readonly virtual_account_id: number | string;
  readonly license_id: number | string;
  readonly owned_smart: number | string;
  readonly owned_classic: number | string;
  readonly consumed: number | string;
  readonly reserved: number | string;
  readonly device_consumed: number | string;
  readonly has_ledger: boolean;
}

/** DB row → domain sums. The one place raw position rows are read. */
export function toPositionSums(row: PositionSumsRow): PositionSums {
  return {
    virtualAccountId: Number(row.virtual_account_id),
    licenseId: Number(row.license_id),
    ownedSmart: Number(row.owned_smart),
    ownedClassic: Number(row.owned_classic),
    consumed: Number(row.consumed),
    reserved: Number(row.reserved),
  };
}
