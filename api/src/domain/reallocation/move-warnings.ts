import { currentLine, poolQuantity, type Cell } from './cells.js';
import { expiresBeforeHorizon } from './lot-selection.js';
import { headroomUnits, policyViolations, type ResolvedReallocationPolicy } from './policy.js';
import type {
  LotAllocation,
  MoveWarning,
  MoveWarningCode,
  ReallocationMove,
  ReallocationVirtualAccount,
} from './types.js';

function warning(
  code: MoveWarningCode,
  message: string,
  details: Record<string, unknown>,
): MoveWarning {
  return { code, blocking: code !== 'LOT_EXPIRES_BEFORE_HORIZON', message, details };
}

export interface MoveContext {
  readonly move: ReallocationMove;
  readonly smartAccountId: number;
  readonly from: ReallocationVirtualAccount;
  readonly to: ReallocationVirtualAccount;
  /** The source cell before this move (after the earlier moves of the list). */
  readonly source: Cell;
  readonly policy: ResolvedReallocationPolicy;
  readonly allocations: readonly LotAllocation[];
  /** Units the source's SMART lots (of the requested type) could not supply. */
  readonly missingLots: number;
}

/**
 * The warnings of one move, judged against the position left by the earlier moves:
 * - DIFFERENT_SMART_ACCOUNT: either Virtual Account belongs to another Smart Account;
 * - POLICY_VIOLATION: a policy rule forbids the arc (locked, region, business unit, production);
 * - SOURCE_GOES_SHORT: quantity > the source's surplus (its shortfall would rise);
 * - EXCEEDS_MOVABLE_SURPLUS: quantity ≤ surplus but > movable surplus = min(surplus − headroom,
 *   SMART lots), i.e. it eats the headroom or units that cannot move;
 * - RESERVED_UNITS: quantity > owned − reserved (SLR/PLR units never move until returned);
 * - INSUFFICIENT_MOVABLE_LOTS: the source's SMART lots (of the requested type) hold fewer units;
 * - LOT_EXPIRES_BEFORE_HORIZON (the only non-blocking one): a chosen TERM lot ends before the horizon.
 */
export function moveWarnings(context: MoveContext): MoveWarning[] {
  const { move, from, to, source, policy } = context;
  const warnings: MoveWarning[] = [];
  const foreign = [from, to].filter((account) => account.smartAccountId !== context.smartAccountId);
  if (foreign.length > 0) {
    warnings.push(
      warning('DIFFERENT_SMART_ACCOUNT', 'moves stay within one Smart Account', {
        virtualAccountIds: foreign.map((account) => account.id),
      }),
    );
  }
  const rules = policyViolations(policy, from, to);
  if (rules.length > 0) {
    warnings.push(
      warning('POLICY_VIOLATION', `the policy forbids this move (${rules.join(', ')})`, { rules }),
    );
  }
  const line = currentLine(source);
  const headroom = headroomUnits(line.consumed, policy.headroomBasisPoints);
  const movable = Math.max(0, Math.min(line.surplus - headroom, poolQuantity(source.pool)));
  if (move.quantity > line.surplus) {
    warnings.push(
      warning('SOURCE_GOES_SHORT', `the source has only ${line.surplus} units of surplus`, {
        surplus: line.surplus,
        shortfallAfter: Math.max(0, move.quantity - line.balance),
      }),
    );
  } else if (move.quantity > movable) {
    warnings.push(
      warning('EXCEEDS_MOVABLE_SURPLUS', `only ${movable} units of the surplus can move`, {
        surplus: line.surplus,
        headroom,
        movableSurplus: movable,
      }),
    );
  }
  if (move.quantity > line.owned - line.reserved) {
    warnings.push(
      warning('RESERVED_UNITS', 'reserved (SLR/PLR) units never move until returned', {
        owned: line.owned,
        reserved: line.reserved,
      }),
    );
  }
  if (context.missingLots > 0) {
    warnings.push(
      warning(
        'INSUFFICIENT_MOVABLE_LOTS',
        `the source's SMART lots lack ${context.missingLots} units`,
        { missing: context.missingLots, licenseType: move.licenseType ?? null },
      ),
    );
  }
  const expiring = context.allocations.filter((lot) => expiresBeforeHorizon(lot, policy.horizon));
  if (expiring.length > 0) {
    warnings.push(
      warning('LOT_EXPIRES_BEFORE_HORIZON', 'moved units expire before the horizon', {
        horizon: policy.horizon,
        lots: expiring.map((lot) => ({
          originLotId: lot.originLotId,
          quantity: lot.quantity,
          endDate: lot.endDate,
        })),
      }),
    );
  }
  return warnings;
}
