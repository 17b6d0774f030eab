export { parseConfig, type Config } from './config.js';
export { openServices, startApi } from './compose.js';
export { createServices, fixedClock, systemClock, type Services } from './services/index.js';
export { createSchema, printTrueupSchema } from './graphql/schema.js';
export { SAMPLE_QUERY } from './sample-query.js';
