export { reallocationService, type ReallocationService } from './reallocation-service.js';
export type { NamedPolicy, Simulation, Suggestion } from './reallocation-service.js';
export type { NamedMove, NameBook } from './move-names.js';
export type { UnitPriceSource } from './reallocation-input.js';
export type { AppliedScenario } from './scenario-apply.js';
export type {
  ScenarioEventRecord,
  ScenarioMoveRecord,
  ScenarioRecord,
  ScenarioStatus,
  TransferRecord,
} from './scenario-store.js';
