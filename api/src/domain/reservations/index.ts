export * from './trail.js';
export * from './checks.js';
export * from './rules.js';
export * from './standing.js';
export * from './authorization.js';
