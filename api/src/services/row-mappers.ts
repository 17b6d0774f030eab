import { sumsFromSources, type BillingType, type PositionSums } from '../domain/index.js';

/** Raw row of `positionSumsQuery` (snake_case, numbers possibly strings on postgres.js). */
export interface PositionSumsRow extends Record<string, unknown> {
  readonly virtual_account_id: number | string;
  readonly license_id: number | string;
  readonly owned_smart: number | string;
  readonly owned_classic: number | string;
  readonly ledger_in_use: number | string | null;
  readonly ledger_as_of: string | null;
  readonly ledger_reserved: number | string | null;
  readonly billing_type: string | null;
  readonly device_consumed: number | string | null;
  readonly device_reserved: number | string;
  readonly device_reported_on: string | null;
  readonly device_reserved_on: string | null;
}

const orNull = (value: number | string | null): number | null =>
  value === null ? null : Number(value);

/** DB row → domain sums (the domain chooses between ledger and devices). The one place raw position rows are read. */
export function toPositionSums(row: PositionSumsRow): PositionSums {
  return sumsFromSources({
    virtualAccountId: Number(row.virtual_account_id),
    licenseId: Number(row.license_id),
    ownedSmart: Number(row.owned_smart),
    ownedClassic: Number(row.owned_classic),
    ledger:
      row.ledger_in_use === null || row.ledger_as_of === null
        ? null
        : {
            consumed: Number(row.ledger_in_use),
            asOf: row.ledger_as_of,
            reserved: orNull(row.ledger_reserved),
            billing: (row.billing_type as BillingType | null) ?? 'UNKNOWN',
          },
    device:
      row.device_consumed === null
        ? null
        : {
            consumed: Number(row.device_consumed),
            reserved: Number(row.device_reserved),
            reportedOn: row.device_reported_on,
            reservedOn: row.device_reserved_on,
          },
  });
}
