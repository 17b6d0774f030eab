export * from './identity.js';
export * from './relation.js';
