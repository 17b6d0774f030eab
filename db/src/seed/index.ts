export { seedDemo } from './seed.js';
export {
  DEFAULT_DEMO_SEED,
  DEMO_ACCOUNTS,
  type DemoPreset,
  type SeedDemoOptions,
  type SeedDemoResult,
} from './presets.js';
export { SMALL_DESIGNED_CASES } from './small-cases.js';
export { buildSmallEstate } from './small.js';
export type { SmallEstate } from './estate.js';
export { removeSmartAccount } from './remove-account.js';
export { SMALL_CATALOG, type CatalogLicense } from './catalog.js';
