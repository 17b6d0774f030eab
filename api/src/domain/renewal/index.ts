export * from './break-even.js';
export * from './growth-trend.js';
export * from './license-years.js';
export * from './renewal-input.js';
export * from './renewal-model.js';
export * from './price-type.js';
export * from './baseline.js';
