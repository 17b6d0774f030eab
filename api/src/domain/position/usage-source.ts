/**
 * Where a usage figure came from: a CSSM export, the Smart Licensing API, a RUM report, an SSM
 * On-Prem sync, or the demo seed. A type test holds the database's `usage_source` enum equal to
 * this list.
 */
export const USAGE_SOURCES = [
  'CSSM_EXPORT',
  'SMART_LICENSING_API',
  'RUM_REPORT',
  'ON_PREM_SYNC',
  'DEMO',
] as const;

export type UsageSource = (typeof USAGE_SOURCES)[number];
