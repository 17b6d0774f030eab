import { isIsoDate } from '../calendar.js';
import { assert, DomainError, type DomainErrorCode } from '../errors.js';

import { cellOf, currentLine, indexCells, type Cell, type CellIndex } from './cells.js';
import { addLineExposure, compareExposure, exposureOf } from './exposure.js';
import { selectLots } from './lot-selection.js';
import { moveWarnings } from './move-warnings.js';
import { resolveReallocationPolicy } from './policy.js';
import type {
  PositionChange,
  ReallocationInput,
  ReallocationMove,
  ReallocationPolicy,
  ReallocationVirtualAccount,
  SimulatedMove,
  SimulationResult,
} from './types.js';

function checkMove(
  move: ReallocationMove,
  index: number,
  accounts: ReadonlyMap<number, ReallocationVirtualAccount>,
): void {
  const fail = (code: DomainErrorCode, reason: string): never => {
    throw new DomainError(code, `move ${index + 1}: ${reason}`, { index, move });
  };
  if (!Number.isSafeInteger(move.quantity) || move.quantity <= 0) {
    fail('INVALID_QUANTITY', 'quantity must be a positive integer');
  }
  for (const id of [move.fromVirtualAccountId, move.toVirtualAccountId]) {
    if (!accounts.has(id)) fail('UNKNOWN_VIRTUAL_ACCOUNT', `no Virtual Account ${id}`);
  }
  if (move.fromVirtualAccountId === move.toVirtualAccountId) {
    fail('SAME_VIRTUAL_ACCOUNT', 'source and target are the same Virtual Account');
  }
}

function checkLicensesKnown(
  input: ReallocationInput,
  moves: readonly ReallocationMove[],
  cells: CellIndex,
): void {
  const known = new Set(input.licenseIds ?? []);
  moves.forEach((move, index) => {
    assert(
      cells.has(move.licenseId) ||
        input.unitPrices.has(move.licenseId) ||
        known.has(move.licenseId),
      'UNKNOWN_LICENSE',
      `move ${index + 1}: license ${move.licenseId} is not in this Smart Account's position`,
      { index, move },
    );
  });
}

/** Takes the allocated units out of the source's lots and adds them to the target as created lots. */
function transferUnits(source: Cell, target: Cell, allocations: SimulatedMove['allocations']) {
  let moved = 0;
  for (const allocation of allocations) {
    const lot = source.pool.find(
      (candidate) =>
        candidate.lotId === allocation.lotId && candidate.originLotId === allocation.originLotId,
    );
    if (lot) lot.quantity -= allocation.quantity;
    const created = target.pool.find(
      (candidate) => candidate.lotId === null && candidate.originLotId === allocation.originLotId,
    );
    if (created) created.quantity += allocation.quantity;
    else target.pool.push({ ...allocation, lotId: null, source: 'SMART' });
    moved += allocation.quantity;
  }
  source.owned -= moved;
  source.ownedSmart -= moved;
  target.owned += moved;
  target.ownedSmart += moved;
}

/**
 * Applies `moves` in order to the position, without writing anything, and reports the
 * position after for every affected Virtual Account × license, the change in shortfall,
 * surplus and exposure, and per-move warnings (see `moveWarnings`). A later move may move units
 * an earlier one brought in.
 *
 * Each move takes units from the source's SMART lots in `selectLots` order; owned changes by
 * the units taken (the requested quantity unless the lots fall short, which is a blocking
 * INSUFFICIENT_MOVABLE_LOTS warning), consumed and reserved never change. Σ owned per license
 * is therefore conserved by any list of moves. Exposure is that of the whole Smart Account
 * (every input line).
 *
 * Throws `DomainError` for a structurally invalid move: quantity not a positive integer
 * (INVALID_QUANTITY), unknown Virtual Account (UNKNOWN_VIRTUAL_ACCOUNT) or license
 * (UNKNOWN_LICENSE), source = target (SAME_VIRTUAL_ACCOUNT); and for a bad policy.
 */
export function simulateReallocation(
  input: ReallocationInput,
  moves: readonly ReallocationMove[],
  policy?: ReallocationPolicy,
): SimulationResult {
  assert(isIsoDate(input.asOf), 'INVALID_DATE', `"${input.asOf}" is not a calendar date`);
  const resolved = resolveReallocationPolicy(policy);
  const accounts = new Map(input.virtualAccounts.map((account) => [account.id, account]));
  moves.forEach((move, index) => checkMove(move, index, accounts));
  const cells = indexCells(input, new Set(moves.map((move) => move.licenseId)));
  checkLicensesKnown(input, moves, cells);

  const touched = new Set<Cell>();
  const touch = (virtualAccountId: number, licenseId: number): Cell => {
    const cell = cellOf(cells, virtualAccountId, licenseId);
    touched.add(cell);
    return cell;
  };
  const simulated = moves.map((move, index): SimulatedMove => {
    const source = touch(move.fromVirtualAccountId, move.licenseId);
    const target = touch(move.toVirtualAccountId, move.licenseId);
    const selection = selectLots(source.pool, move.quantity, move.licenseType);
    const warnings = moveWarnings({
      move,
      smartAccountId: input.smartAccountId,
      from: accounts.get(move.fromVirtualAccountId) as ReallocationVirtualAccount,
      to: accounts.get(move.toVirtualAccountId) as ReallocationVirtualAccount,
      source,
      policy: resolved,
      allocations: selection.allocations,
      missingLots: selection.missing,
    });
    transferUnits(source, target, selection.allocations);
    return { index, move, allocations: selection.allocations, warnings };
  });

  const lines: PositionChange[] = [...touched].map((cell) => ({
    before: cell.before,
    after: currentLine(cell),
  }));
  const before = exposureOf(input.lines, input.unitPrices);
  const after = exposureOf([], input.unitPrices);
  for (const [currency, amount] of before.byCurrency) after.byCurrency.set(currency, amount);
  after.unpricedShortfall = before.unpricedShortfall;
  let shortfallChange = 0;
  let surplusChange = 0;
  for (const change of lines) {
    addLineExposure(after, change.before, input.unitPrices, -1);
    addLineExposure(after, change.after, input.unitPrices, 1);
    shortfallChange += change.after.shortfall - change.before.shortfall;
    surplusChange += change.after.surplus - change.before.surplus;
  }
  const exposure = compareExposure(before, after);
  return {
    lines,
    moves: simulated,
    shortfallChange,
    surplusChange,
    exposureBefore: exposure.before,
    exposureAfter: exposure.after,
    exposureChange: exposure.change,
    unpricedShortfallBefore: before.unpricedShortfall,
    unpricedShortfallAfter: after.unpricedShortfall,
    feasible: simulated.every((move) => move.warnings.every((w) => !w.blocking)),
  };
}
