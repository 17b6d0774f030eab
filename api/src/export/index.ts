export { catalogCsv, CATALOG_HEADERS } from './catalog-csv.js';
export { createExportRouter } from './export-router.js';
export { positionsCsv } from './positions-csv.js';
export { workbookModels, type ExportQuery } from './workbook-data.js';
export { writeXlsx } from './xlsx.js';
