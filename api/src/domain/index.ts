export * from './errors.js';
export * from './calendar.js';
export * from './position/index.js';
export * from './findings/index.js';
