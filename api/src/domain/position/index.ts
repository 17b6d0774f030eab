export * from './lot.js';
export * from './lot-type.js';
export * from './position.js';
export * from './license-position.js';
export * from './consumption.js';
export * from './usage-source.js';
