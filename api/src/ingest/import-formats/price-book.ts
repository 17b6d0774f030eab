import { parsePriceBookCsv } from '../csv/price-book-csv.js';
import { defineImportFormat } from '../import-format.js';

export const priceBook = defineImportFormat({
  name: 'price-book',
  description:
    'Price book CSV: License, Currency, List Price, Discount, Support Rate, License Type, EA Suite, In EA, EA Price, Valid From.',
  detect: {
    order: -3,
    csvHeader: (header) => header.has('listprice') && header.has('currency'),
  },
  parse: parsePriceBookCsv,
  usageSource: 'CSSM_EXPORT',
  writer: 'records',
});
