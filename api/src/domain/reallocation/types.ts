import type { IsoDate } from '../calendar.js';
import type { Money } from '../money/money.js';
import type { EntitlementSource, LicenseType } from '../position/lot.js';
import type { PositionLine } from '../position/position.js';

export type VirtualAccountEnvironment = 'PRODUCTION' | 'NON_PRODUCTION' | 'LAB';

/** A Virtual Account with the tags the reallocation policy rules look at. */
export interface ReallocationVirtualAccount {
  readonly id: number;
  readonly name: string;
  readonly smartAccountId: number;
  readonly businessUnit: string | null;
  readonly region: string | null;
  readonly environment: VirtualAccountEnvironment;
}

/**
 * An entitlement lot active at the input's `asOf`. Only SMART lots can move: CLASSIC_PAK lots
 * are outside the Smart Account until converted (they still count as owned in the unified
 * position, so they can make a surplus that cannot move).
 */
export interface ReallocationLot {
  readonly lotId: number;
  readonly virtualAccountId: number;
  readonly licenseId: number;
  readonly licenseType: LicenseType;
  readonly source: EntitlementSource;
  readonly quantity: number;
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
}

/** Net true-up price of one unit of a license, in integer minor units. */
export interface UnitPrice {
  readonly amountMinor: bigint;
  readonly currency: string;
}

/** Everything a what-if reallocation needs about one Smart Account at one as-of date. */
export interface ReallocationInput {
  readonly smartAccountId: number;
  readonly asOf: IsoDate;
  readonly virtualAccounts: readonly ReallocationVirtualAccount[];
  /** Unified position at `asOf`: one line per Virtual Account × license with any owned or consumed. */
  readonly lines: readonly PositionLine[];
  /** Lots active at `asOf` (SMART and CLASSIC_PAK). */
  readonly lots: readonly ReallocationLot[];
  /** Net true-up price per unit, by license id; a license missing here is unpriced. */
  readonly unitPrices: ReadonlyMap<number, UnitPrice>;
  /** Every license of the Smart Account, also those with no position line (nothing owned or used). */
  readonly licenseIds?: readonly number[];
}

/** Move `quantity` units of a license from one Virtual Account to another. */
export interface ReallocationMove {
  readonly licenseId: number;
  readonly quantity: number;
  readonly fromVirtualAccountId: number;
  readonly toVirtualAccountId: number;
  /** Restricts lot selection to this type; omitted = any type (perpetual first). */
  readonly licenseType?: LicenseType;
}

/** A move whose license type is known, as the optimizer writes them. */
export type PlannedMove = ReallocationMove & { readonly licenseType: LicenseType };

/** Rules a plan must respect and a simulation checks. Every field is optional. */
export interface ReallocationPolicy {
  /** Per source Virtual Account × license keep ceil(consumed × bp / 10000) of its surplus unmoved. Default 0. */
  readonly headroomBasisPoints?: number;
  /** TERM lots ending before this date do not count as cure: the optimizer never moves them; simulate warns. */
  readonly horizon?: IsoDate;
  /** Moves only between Virtual Accounts of the same region (null equals only null). */
  readonly sameRegion?: boolean;
  /** Moves only between Virtual Accounts of the same business unit (null equals only null). */
  readonly sameBusinessUnit?: boolean;
  /** Default true (allowed); false forbids moving FROM a PRODUCTION Virtual Account TO a non-production one. */
  readonly productionToNonProduction?: boolean;
  /** These Virtual Accounts neither give nor receive. */
  readonly lockedVirtualAccountIds?: readonly number[];
}

export type MoveWarningCode =
  | 'SOURCE_GOES_SHORT'
  | 'EXCEEDS_MOVABLE_SURPLUS'
  | 'RESERVED_UNITS'
  | 'DIFFERENT_SMART_ACCOUNT'
  | 'LOT_EXPIRES_BEFORE_HORIZON'
  | 'POLICY_VIOLATION'
  | 'INSUFFICIENT_MOVABLE_LOTS';

/** Something wrong or risky about one move. `blocking`: applying the move would be refused. */
export interface MoveWarning {
  readonly code: MoveWarningCode;
  readonly blocking: boolean;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Units a move takes from one lot of the source Virtual Account. */
export interface LotAllocation {
  /** The lot split by the move; null = a lot created by an earlier move in the same list. */
  readonly lotId: number | null;
  /** The stored lot the units come from originally (equals `lotId` when that is not null). */
  readonly originLotId: number;
  readonly quantity: number;
  readonly licenseType: LicenseType;
  readonly endDate: IsoDate | null;
}

export interface SimulatedMove {
  /** Position of the move in the list given to `simulateReallocation` (0-based). */
  readonly index: number;
  readonly move: ReallocationMove;
  readonly allocations: readonly LotAllocation[];
  readonly warnings: readonly MoveWarning[];
}

export interface PositionChange {
  readonly before: PositionLine;
  readonly after: PositionLine;
}

/** Exposure of the whole Smart Account: priced per currency (sorted by code), unpriced in units. */
export interface ExposureSummary {
  readonly exposureBefore: readonly Money[];
  readonly exposureAfter: readonly Money[];
  readonly unpricedShortfallBefore: number;
  readonly unpricedShortfallAfter: number;
}

export interface SimulationResult extends ExposureSummary {
  /** Every affected Virtual Account × license, before and after all moves. */
  readonly lines: readonly PositionChange[];
  readonly moves: readonly SimulatedMove[];
  /** Σ shortfall after − before, in units (negative = less short). */
  readonly shortfallChange: number;
  /** Σ surplus after − before, in units (negative = fewer). */
  readonly surplusChange: number;
  /** After − before per currency (same currencies as before/after). */
  readonly exposureChange: readonly Money[];
  /** No move has a blocking warning. */
  readonly feasible: boolean;
}

/** One request to Cisco's transfer API: one source Virtual Account, at most 10 entries, each ≤ 998. */
export interface TransferRequest {
  readonly sourceVirtualAccountId: number;
  readonly licenses: readonly {
    readonly licenseId: number;
    readonly licenseType: LicenseType;
    readonly quantity: number;
    readonly targetVirtualAccountId: number;
    /** Set on UNKNOWN entries: what to check in CSSM before sending (Cisco takes TERM or PERPETUAL). */
    readonly note: string | null;
  }[];
}

export interface ReallocationPlan extends ExposureSummary {
  /** Moves with `licenseType` always set (a pair may need one move per type). */
  readonly moves: readonly PlannedMove[];
  readonly transferRequests: readonly TransferRequest[];
  /** Σ shortfall cured, in units. */
  readonly curedUnits: number;
  /** Σ per license min(Σ movable surplus, Σ shortfall), ignoring policy arcs: the most any plan could cure. */
  readonly boundUnits: number;
}
