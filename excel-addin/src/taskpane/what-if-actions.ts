import { execute } from '../api-client/client.js';
import { AddinError } from '../api-client/errors.js';
import { ACCOUNT_NAMES } from '../api-client/operations.js';
import {
  APPLY_SCENARIO,
  CREATE_SCENARIO,
  SIMULATE_REALLOCATION,
  SUGGEST_REALLOCATION,
  toWhatIfResult,
  type UserErrorData,
} from '../api-client/reallocation.js';
import { listsSheet, movesSheet, parseMoves, type Move } from '../model/moves-sheet.js';
import { whatIfSheet } from '../model/what-if-sheet.js';
import { readTable } from '../office/read-table.js';
import { addListValidation, listSource } from '../office/validation.js';
import { writeSheet } from '../office/write-sheet.js';

import { account, asOfText, type ActionContext } from './action-context.js';

/** Writes the Moves table (with `moves`) and its drop-downs of Virtual Accounts and licenses. */
async function writeMoves(ctx: ActionContext, moves: readonly Move[]): Promise<void> {
  const { smartAccount } = account(ctx);
  const names = await execute(ctx.connection, ACCOUNT_NAMES, { domain: smartAccount }, ctx.fetch);
  if (!names.smartAccount) throw new AddinError('input', `No Smart Account ${smartAccount}.`);
  const lists = listsSheet(
    names.smartAccount.virtualAccounts.map((v) => v.name),
    names.smartAccount.licenses.map((l) => l.name),
  );
  const vaCount = new Set(names.smartAccount.virtualAccounts.map((v) => v.name)).size;
  const licenseCount = new Set(names.smartAccount.licenses.map((l) => l.name)).size;
  const model = movesSheet(moves);
  await ctx.excel(async (context) => {
    await writeSheet(context, lists);
    await writeSheet(context, model);
    const sheet = context.workbook.worksheets.getItem(model.name);
    const rows = { firstRow: 1, rows: model.rows.length };
    addListValidation(sheet, { ...rows, column: 0 }, listSource(lists.name, 1, licenseCount));
    addListValidation(sheet, { ...rows, column: 2 }, listSource(lists.name, 0, vaCount));
    addListValidation(sheet, { ...rows, column: 3 }, listSource(lists.name, 0, vaCount));
    await context.sync();
  });
}

/** The moves the user typed in the Moves table; bad rows stop the action with their numbers. */
async function readMoves(ctx: ActionContext): Promise<Move[]> {
  const grid = await ctx.excel((context) => readTable(context, 'Moves'));
  if (!grid) throw new AddinError('input', 'There is no Moves table yet: click "Moves table".');
  const { moves, issues } = parseMoves(grid);
  if (issues.length > 0) {
    const list = issues.slice(0, 3).map((i) => `row ${i.row}: ${i.message}`);
    throw new AddinError('input', `Fix the Moves table first (${list.join('; ')}).`);
  }
  if (moves.length === 0) throw new AddinError('input', 'The Moves table has no moves.');
  return moves;
}

/** An empty Moves table with drop-downs. */
export async function setupMoves(ctx: ActionContext): Promise<string> {
  await writeMoves(ctx, []);
  return 'Moves table ready: pick a license, a quantity, From and To, then Evaluate.';
}

/** Fills the Moves table with the optimizer's plan. */
export async function suggest(ctx: ActionContext): Promise<string> {
  const query = account(ctx);
  const { suggestReallocation: plan } = await execute(
    ctx.connection,
    SUGGEST_REALLOCATION,
    { smartAccount: query.smartAccount, asOf: query.asOf },
    ctx.fetch,
  );
  await writeMoves(ctx, plan.moves);
  return `Suggested ${plan.moves.length} move(s) curing ${plan.curedUnits} of ${plan.boundUnits} curable units ${asOfText(query.asOf)}.`;
}

/** Simulates the Moves table and writes the before/after to the What-if sheet. */
export async function evaluate(ctx: ActionContext): Promise<string> {
  const query = account(ctx);
  const moves = await readMoves(ctx);
  const { simulateReallocation: result } = await execute(
    ctx.connection,
    SIMULATE_REALLOCATION,
    { smartAccount: query.smartAccount, asOf: query.asOf, moves },
    ctx.fetch,
  );
  await ctx.excel((context) => writeSheet(context, whatIfSheet(toWhatIfResult(result))));
  const blocking = result.moves.flatMap((m) => m.warnings).filter((w) => w.blocking);
  const change =
    Number(result.shortfallChange) === 0 ? 'no change in' : `${result.shortfallChange} units of`;
  return blocking.length > 0
    ? `Not feasible: ${blocking[0]?.message ?? 'a move is blocked'}. See What-if.`
    : `Evaluated ${moves.length} move(s): ${change} shortfall. See What-if.`;
}

/** What Apply will do, for the confirmation the user must give. */
export async function describeApply(
  ctx: ActionContext,
): Promise<{ moves: Move[]; question: string }> {
  const { smartAccount } = account(ctx);
  const moves = await readMoves(ctx);
  const units = moves.reduce((sum, m) => sum + m.quantity, 0);
  return {
    moves,
    question: `Apply ${moves.length} move(s) (${units} licenses) to ${smartAccount}? This records the transfers in Trueup.`,
  };
}

/** Records the moves as a scenario and applies it (after the user confirmed). */
export async function apply(ctx: ActionContext, moves: Move[]): Promise<string> {
  const query = account(ctx);
  const { createScenario: created } = await execute(
    ctx.connection,
    CREATE_SCENARIO,
    {
      input: {
        name: `Excel what-if ${new Date().toISOString()}`,
        smartAccount: query.smartAccount,
        asOf: query.asOf,
        moves,
      },
    },
    ctx.fetch,
  );
  const scenario = resultOf(created, created.scenario);
  const { applyScenario } = await execute(
    ctx.connection,
    APPLY_SCENARIO,
    {
      input: {
        id: scenario.id,
        expectedVersion: scenario.version,
        smartAccount: query.smartAccount,
      },
    },
    ctx.fetch,
  );
  const transfers = resultOf(applyScenario, applyScenario.transfers);
  return `Applied: ${transfers.length} transfer(s) recorded. Pull positions to see them.`;
}

/** A payload's result, or its first user error as an input error the task pane shows. */
function resultOf<T>(payload: { userErrors: UserErrorData[] }, result: T | null): T {
  const [first] = payload.userErrors;
  if (first) throw new AddinError('input', first.message, first.code);
  if (result === null) throw new AddinError('graphql', 'The server answered without a result.');
  return result;
}
