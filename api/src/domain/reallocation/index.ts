export type * from './types.js';
export {
  compareLotsForMove,
  expiresBeforeHorizon,
  selectLots,
  type LotSelection,
  type SelectableLot,
} from './lot-selection.js';
export {
  headroomUnits,
  policyViolations,
  resolveReallocationPolicy,
  type PolicyRule,
  type ResolvedReallocationPolicy,
} from './policy.js';
export { simulateReallocation } from './simulate.js';
export { suggestReallocation } from './suggest.js';
export {
  MAX_ENTRIES_PER_TRANSFER_REQUEST,
  MAX_QUANTITY_PER_TRANSFER_ENTRY,
  transferRequests,
} from './transfer-requests.js';
