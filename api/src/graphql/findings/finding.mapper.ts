import type { Finding } from '../../domain/index.js';
import { toMoneyGql } from '../money/money-value.mapper.js';

import type { FindingGql, FindingSeverityGql } from './finding.type.js';

// Domain findings → GraphQL: the one mapper of this edge (Money through money-value.mapper).

export const toFindingGql = (finding: Finding): FindingGql => ({
  key: finding.key,
  code: finding.code,
  severity: finding.severity as FindingSeverityGql,
  virtualAccountName: finding.virtualAccountName,
  licenseName: finding.licenseName,
  quantity: finding.quantity,
  money: finding.money ? toMoneyGql(finding.money) : null,
  message: finding.message,
  facts: { ...finding.facts },
  evidence: finding.evidence.map((e) => ({ ...e })),
  virtualAccountId: finding.virtualAccountId,
  licenseId: finding.licenseId,
});
