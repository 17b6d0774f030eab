export * from './identity.js';
export * from './relation.js';
export * from './tag-join.js';
