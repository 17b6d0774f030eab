import { formatMinor, type Finding } from '../../domain/index.js';

import type { FindingCodeGql, FindingGql, FindingSeverityGql } from './finding.type.js';

// Domain findings → GraphQL: the one mapper of this edge. Money leaves as strings (no bigint in JSON).

export const toFindingGql = (finding: Finding): FindingGql => ({
  key: finding.key,
  code: finding.code as FindingCodeGql,
  severity: finding.severity as FindingSeverityGql,
  virtualAccountName: finding.virtualAccountName,
  licenseName: finding.licenseName,
  quantity: finding.quantity,
  money: finding.money
    ? {
        amount: formatMinor(finding.money.amountMinor),
        amountMinor: String(finding.money.amountMinor),
        currency: finding.money.currency,
      }
    : null,
  message: finding.message,
  facts: { ...finding.facts },
  evidence: finding.evidence.map((e) => ({ ...e })),
  virtualAccountId: finding.virtualAccountId,
  licenseId: finding.licenseId,
});
