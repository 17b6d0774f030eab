export * from './lot.js';
export * from './position.js';
export * from './license-position.js';
export * from './consumption.js';
