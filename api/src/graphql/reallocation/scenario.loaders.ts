import DataLoader from 'dataloader';

import type {
  NameBook,
  ScenarioEventRecord,
  ScenarioMoveRecord,
  Services,
  TransferRecord,
} from '../../services/index.js';

/** Rows grouped by scenario id, in the order of `ids` (DataLoader's contract). */
function byScenario<T extends { scenarioId: number | null }>(
  ids: readonly number[],
  rows: readonly T[],
): T[][] {
  const groups = new Map<number, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) if (row.scenarioId !== null) groups.get(row.scenarioId)?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}

/** Per-request loaders for scenario fields: one batched read per field, however many scenarios. */
export function createScenarioLoaders(services: Services) {
  const { reallocation } = services;
  return {
    movesOf: new DataLoader<number, ScenarioMoveRecord[]>(async (ids) =>
      byScenario(ids, await reallocation.movesOf(ids)),
    ),
    eventsOf: new DataLoader<number, ScenarioEventRecord[]>(async (ids) =>
      byScenario(ids, await reallocation.eventsOf(ids)),
    ),
    transfersOf: new DataLoader<number, TransferRecord[]>(async (ids) =>
      byScenario(ids, await reallocation.transfersOf(ids)),
    ),
    /** License and Virtual Account names of a Smart Account, read once per request. */
    namesOf: new DataLoader<number, NameBook>((ids) =>
      Promise.all(ids.map((id) => reallocation.names(id))),
    ),
  };
}
