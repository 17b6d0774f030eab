export { parseConfig, type Config } from './config.js';
export { openServices, startApi } from './compose.js';
export {
  createServices,
  fixedClock,
  systemClock,
  textSource,
  type Services,
} from './services/index.js';
export { refreshCurrentPositions } from './services/current-positions.js';
export { positionSumsQuery, type PositionSumsScope } from './services/position-sums.sql.js';
export { createSchema, printTrueupSchema } from './graphql/schema.js';
export { SAMPLE_QUERY } from './sample-query.js';
