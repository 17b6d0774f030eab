export * from './findings-input.js';
export * from './finding.js';
export * from './findings.js';
export { compareFindings } from './order.js';
export { resolvePolicy } from './policy.js';
export * from './prefilter.js';
