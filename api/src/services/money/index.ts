export { exposureOf } from './exposure-service.js';
export {
  priceBookService,
  type RemovePriceCommand,
  type SetPriceCommand,
  type SetPriceRequest,
} from './price-book-service.js';
export type { PriceBookEntryRecord } from './price-rows.js';
export { unitTrueUpPrices } from './unit-prices.js';
export { renewalReport, type RenewalQuery, type RenewalReport } from './renewal-service.js';
