export * from './drift.js';
export * from './rollup.js';
