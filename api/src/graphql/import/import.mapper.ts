import type { ImportCommand, ImportRunRecord, ImportSummary } from '../../services/index.js';
import { textSource } from '../../services/index.js';

import type { ImportFormatGql, ImportRunGql, ImportSummaryGql } from './import.type.js';

// Import summaries and runs ↔ GraphQL: the one mapper of this edge.

export function toImportCommand(args: {
  smartAccount: string;
  smartAccountName: string | null;
  format: ImportFormatGql | null;
  fileName: string;
  content: string;
  dryRun: boolean | null;
  asOf: string;
  virtualAccount: string | null;
  sourceSystem: string | null;
}): ImportCommand {
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
    issues: summary.issues.map((i) => ({ ...i })),
    licenseJoins: summary.licenseJoins.map((j) => ({ ...j, licenses: [...j.licenses] })),
  };
}

export const toImportRunGql = (run: ImportRunRecord): ImportRunGql => ({
  id: String(run.id),
  fileName: run.fileName,
  format: run.format as ImportFormatGql,
  asOf: run.asOf,
  status: run.status,
  sha256: run.sha256,
  sourceSystem: run.sourceSystem,
  startedAt: run.startedAt.toISOString(),
  rowCounts: JSON.stringify(run.rowCounts),
});
