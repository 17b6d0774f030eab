import type { Dated, ImportCommand, ImportRunRecord, ImportSummary } from '../../services/index.js';
import { textSource } from '../../services/index.js';
import { toGlobalId } from '../node/global-id.js';

import {
  ImportIssueSeverityGql,
  ImportLicenseJoinKindGql,
  ImportPassGql,
  ImportRunStatusGql,
} from './import-enums.js';
import type {
  ImportCountGql,
  ImportFormatGql,
  ImportRowCountsGql,
  ImportRunGql,
  ImportSummaryGql,
} from './import.type.js';

// Import summaries and runs ↔ GraphQL: the one mapper of this edge.

export function toImportCommand(args: {
  smartAccount: string;
  smartAccountName: string | null;
  format: ImportFormatGql | null;
  fileName: string;
  content: string;
  dryRun: boolean | null;
  asOf: string | null | undefined;
  virtualAccount: string | null;
  sourceSystem: string | null;
}): Dated<ImportCommand> {
  return {
    smartAccount: args.smartAccount,
    smartAccountName: args.smartAccountName ?? undefined,
    asOf: args.asOf,
    virtualAccount: args.virtualAccount ?? undefined,
    dryRun: args.dryRun ?? false,
    sourceSystem: args.sourceSystem ?? undefined,
    files: [textSource(args.fileName, args.content, args.format ?? undefined)],
  };
}

export function toImportSummaryGql(summary: ImportSummary): ImportSummaryGql {
  const kinds = new Set([
    ...Object.keys(summary.counts.created),
    ...Object.keys(summary.counts.updated),
    ...Object.keys(summary.counts.skipped),
  ]);
  return {
    smartAccount: summary.smartAccount,
    asOf: summary.asOf,
    dryRun: summary.dryRun,
    committed: summary.committed,
    files: summary.files.map((f) => ({ ...f, format: f.format as ImportFormatGql })),
    counts: [...kinds].map((kind) => ({
      kind,
      created: (summary.counts.created as Record<string, number>)[kind] ?? 0,
      updated: (summary.counts.updated as Record<string, number>)[kind] ?? 0,
      skipped: (summary.counts.skipped as Record<string, number>)[kind] ?? 0,
    })),
    errorCount: summary.errorCount,
    warningCount: summary.warningCount,
    issues: summary.issues.map((i) => ({
      ...i,
      severity:
        i.severity === 'error' ? ImportIssueSeverityGql.ERROR : ImportIssueSeverityGql.WARNING,
    })),
    licenseJoins: summary.licenseJoins.map((j) => ({
      ...j,
      kind: ImportLicenseJoinKindGql[j.kind],
      licenses: [...j.licenses],
    })),
  };
}

export const toImportRunGql = (run: ImportRunRecord): ImportRunGql => ({
  id: toGlobalId('ImportRun', run.id),
  databaseId: run.id,
  fileName: run.fileName,
  format: run.format as ImportFormatGql,
  asOf: run.asOf,
  status: ImportRunStatusGql[run.status],
  sha256: run.sha256,
  sourceSystem: run.sourceSystem,
  startedAt: run.startedAt.toISOString(),
  rowCounts: toImportRowCountsGql(run.rowCounts),
});

/**
 * A run's `row_counts` JSON ({"rowsRead": 12, "created.entitlementLots": 14, …} when committed;
 * {pass, rowsRead, rowsPerSecond, bytesRead, totalBytes} while running) as one structured type.
 */
export function toImportRowCountsGql(counts: Readonly<Record<string, number>>): ImportRowCountsGql {
  const byKind = new Map<string, ImportCountGql>();
  for (const [key, value] of Object.entries(counts)) {
    const [group, kind] = key.split('.', 2);
    if (!kind || (group !== 'created' && group !== 'updated' && group !== 'skipped')) continue;
    const count = byKind.get(kind) ?? { kind, created: 0, updated: 0, skipped: 0 };
    count[group] = value;
    byKind.set(kind, count);
  }
  const pass = counts.pass;
  return {
    rowsRead: counts.rowsRead ?? null,
    counts: [...byKind.values()],
    pass: pass === 1 ? ImportPassGql.CHECK : pass === 2 ? ImportPassGql.WRITE : null,
    rowsPerSecond: counts.rowsPerSecond ?? null,
    bytesRead: counts.bytesRead ?? null,
    totalBytes: counts.totalBytes ?? null,
  };
}
