export * from './sheet-model.js';
export * from './positions-sheet.js';
