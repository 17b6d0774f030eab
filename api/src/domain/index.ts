export * from './errors.js';
export * from './calendar.js';
export * from './position/index.js';
export * from './reservations/index.js';
export * from './conversion/index.js';
export * from './findings/index.js';
export * from './money/index.js';
export * from './history/index.js';
