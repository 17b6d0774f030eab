export * from './findings-input.js';
export * from './finding.js';
export * from './findings.js';
export { compareFindings } from './order.js';
export { resolvePolicy } from './policy.js';
export * from './prefilter.js';
export { FINDING_CODE_DESCRIPTION, FINDING_CODE_LIST, FINDING_CODES } from './codes.js';
export { FINDING_RULES, type FindingRule } from './rules.js';
