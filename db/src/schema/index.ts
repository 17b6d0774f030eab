export * from './enums.js';
export * from './accounts.js';
export * from './licenses.js';
export * from './entitlements.js';
export * from './instances.js';
export * from './reservations.js';
export * from './history.js';
export * from './tokens.js';
