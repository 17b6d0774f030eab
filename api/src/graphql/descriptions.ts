/**
 * Descriptions shared by many arguments and fields, so the schema says the same thing the same
 * way everywhere (schema-descriptions.test.ts checks every element has one).
 */
export const DESCRIBE = {
  asOf: 'The date to compute at, YYYY-MM-DD (default today, UTC).',
  includeClassic:
    'Count classic PAK lots not yet converted as owned (the unified view, default true); false: Smart entitlements only, what CSSM shows.',
  first: 'Page size, 0–5000 (default 100).',
  after: 'Return the rows after this cursor (pageInfo.endCursor of the previous page).',
  smartAccountDomain: 'Smart Account domain.',
  smartAccountId: 'The Smart Account the change is made in (SmartAccount.id).',
  actor: 'Who makes the change (recorded on the event).',
  changeAsOf: 'The day the change takes effect (default today); never before the trail’s latest.',
  note: 'Free text recorded with the change; null when none.',
  timestamp: 'ISO 8601 timestamp (UTC).',
  licenseName: 'License name, as Cisco spells it in CSSM.',
  virtualAccountName: 'Virtual Account name.',
  currency: 'ISO 4217 currency code, e.g. USD.',
  /** Appended to the description of a heavy field that is nullable so its failure stays local. */
  nullOnFailure:
    ' Null, with the reason in errors, when it cannot be computed: the rest of the Smart Account still answers.',
} as const;
