export * from './sheet-model.js';
export * from './positions-sheet.js';
export * from './findings-sheet.js';
export * from './renewal-sheet.js';
export * from './break-even-sheet.js';
export * from './sheet-cells.js';
export * from './evaluate.js';
