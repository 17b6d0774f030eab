import { eq } from 'drizzle-orm';

import { scenarioMoves, type DbHandle } from '@trueup/db';

import {
  DomainError,
  simulateReallocation,
  suggestReallocation,
  type IsoDate,
  type ReallocationPlan,
  type ReallocationPolicy,
  type SimulationResult,
} from '../../domain/index.js';

import {
  loadNameBook,
  nameMoves,
  resolveMoves,
  type NameBook,
  type NamedMove,
} from './move-names.js';
import { loadReallocationInput, type UnitPriceSource } from './reallocation-input.js';
import { applyScenario, type AppliedScenario } from './scenario-apply.js';
import {
  discardScenario,
  editScenario,
  insertScenario,
  scenarioIn,
  scenarioReads,
  toMoves,
  type ScenarioRecord,
} from './scenario-store.js';

/** A policy as people name it: locked Virtual Accounts by name. */
export interface NamedPolicy extends Omit<ReallocationPolicy, 'lockedVirtualAccountIds'> {
  readonly lockedVirtualAccounts?: readonly string[] | null | undefined;
}

type Dated = { readonly asOf?: string | null | undefined };

export interface Simulation {
  readonly asOf: IsoDate;
  readonly result: SimulationResult;
  readonly book: NameBook;
}

export interface Suggestion {
  readonly asOf: IsoDate;
  readonly plan: ReallocationPlan;
  readonly book: NameBook;
}

function resolvePolicy(book: NameBook, policy: NamedPolicy | null | undefined): ReallocationPolicy {
  if (!policy) return {};
  const { lockedVirtualAccounts, ...rest } = policy;
  const lockedVirtualAccountIds = (lockedVirtualAccounts ?? []).map((name) => {
    const id = book.virtualAccountId.get(name);
    if (id === undefined) {
      throw new DomainError(
        'UNKNOWN_VIRTUAL_ACCOUNT',
        `policy: no Virtual Account named "${name}"`,
        {
          name,
        },
      );
    }
    return id;
  });
  return { ...rest, lockedVirtualAccountIds };
}

/**
 * What-if reallocation for the edges: simulate moves and suggest a plan (both read-only), and
 * the scenario lifecycle (create, edit, evaluate, apply, discard). Names in, names out; the
 * rules live in `domain/reallocation`.
 */
export function reallocationService(
  handle: DbHandle,
  asOfOrToday: (asOf?: string | null) => IsoDate,
  unitPrices: UnitPriceSource,
) {
  const inputAt = (smartAccountId: number, asOf: IsoDate) =>
    loadReallocationInput(handle, { smartAccountId, asOf, unitPrices });

  async function suggest(
    query: Dated & { smartAccountId: number; policy?: NamedPolicy | null | undefined },
  ): Promise<Suggestion> {
    const asOf = asOfOrToday(query.asOf);
    // The names and the estate are read together: the estate (the position) is most of the time.
    const [book, input] = await Promise.all([
      loadNameBook(handle.db, query.smartAccountId),
      inputAt(query.smartAccountId, asOf),
    ]);
    const plan = suggestReallocation(input, resolvePolicy(book, query.policy));
    return { asOf, plan, book };
  }

  async function evaluate(query: {
    smartAccountId: number;
    id: number;
    asOf?: string | null | undefined;
  }): Promise<Simulation & { scenario: ScenarioRecord }> {
    const scenario = await scenarioIn(handle.db, query.smartAccountId, query.id);
    const asOf = query.asOf ? asOfOrToday(query.asOf) : scenario.asOf;
    const moves = toMoves(
      await handle.db
        .select()
        .from(scenarioMoves)
        .where(eq(scenarioMoves.scenarioId, scenario.id))
        .orderBy(scenarioMoves.position),
    );
    const book = await loadNameBook(handle.db, query.smartAccountId);
    const result = simulateReallocation(await inputAt(query.smartAccountId, asOf), moves);
    return { asOf, result, book, scenario };
  }

  return {
    /** Position after the moves, warnings per move, exposure change. Never writes. */
    async simulate(
      query: Dated & {
        smartAccountId: number;
        moves: readonly NamedMove[];
        policy?: NamedPolicy | null | undefined;
      },
    ): Promise<Simulation> {
      const asOf = asOfOrToday(query.asOf);
      const { moves } = await resolveMoves(handle.db, query.smartAccountId, query.moves);
      const book = await loadNameBook(handle.db, query.smartAccountId);
      const policy = resolvePolicy(book, query.policy);
      const result = simulateReallocation(await inputAt(query.smartAccountId, asOf), moves, policy);
      return { asOf, result, book };
    },

    suggest,
    evaluate,

    /** A draft scenario from named moves, or from the optimizer's plan (`fromSuggestion`). */
    async create(
      command: Dated & {
        smartAccountId: number;
        name: string;
        description?: string | null | undefined;
        author: string;
        moves?: readonly NamedMove[] | null | undefined;
        fromSuggestion?: NamedPolicy | null | undefined;
      },
    ): Promise<ScenarioRecord> {
      const asOf = asOfOrToday(command.asOf);
      const hasMoves = command.moves !== null && command.moves !== undefined;
      const hasSuggestion = command.fromSuggestion !== null && command.fromSuggestion !== undefined;
      if (hasMoves === hasSuggestion) {
        throw new DomainError(
          'MISSING_REFERENCE',
          'give a scenario either its moves or fromSuggestion (a policy), not both',
          {},
        );
      }
      const moves = hasSuggestion
        ? (
            await suggest({
              smartAccountId: command.smartAccountId,
              asOf,
              policy: command.fromSuggestion,
            })
          ).plan.moves
        : (await resolveMoves(handle.db, command.smartAccountId, command.moves ?? [])).moves;
      return insertScenario(handle, { ...command, asOf, moves });
    },

    /** Edits a draft (name, description, as-of, or all its moves) at the version the caller saw. */
    async update(command: {
      smartAccountId: number;
      id: number;
      expectedVersion: number;
      actor: string;
      name?: string | null | undefined;
      description?: string | null | undefined;
      asOf?: string | null | undefined;
      moves?: readonly NamedMove[] | null | undefined;
    }): Promise<ScenarioRecord> {
      const moves = command.moves
        ? (await resolveMoves(handle.db, command.smartAccountId, command.moves)).moves
        : null;
      return editScenario(handle, {
        ...command,
        asOf: command.asOf ? asOfOrToday(command.asOf) : null,
        moves,
      });
    },

    /** Applies a draft from `asOf` (default today), re-validated against the live data. */
    async apply(command: {
      smartAccountId: number;
      id: number;
      expectedVersion: number;
      actor: string;
      asOf?: string | null | undefined;
    }): Promise<AppliedScenario & { book: NameBook }> {
      const applied = await applyScenario(
        handle,
        { ...command, effectiveOn: asOfOrToday(command.asOf) },
        unitPrices,
      );
      return { ...applied, book: await loadNameBook(handle.db, command.smartAccountId) };
    },

    /** Every license and Virtual Account name of the account, both ways. */
    names: (smartAccountId: number) => loadNameBook(handle.db, smartAccountId),

    discard: (command: Parameters<typeof discardScenario>[1]) => discardScenario(handle, command),

    /** Named moves for people and the CLI. */
    nameMoves,
    ...scenarioReads(handle),
  };
}

export type ReallocationService = ReturnType<typeof reallocationService>;
