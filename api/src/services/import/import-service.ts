import type { DbHandle } from '@trueup/db';

import { parseIsoDate } from '../../domain/index.js';
import {
  IssueCollector,
  MAX_ISSUES,
  detectFormat,
  type ImportFormat,
  type IngestIssue,
} from '../../ingest/index.js';
import { refreshCurrentPositions } from '../current-positions.js';
import { lockLedger } from '../ledger-lock.js';

import { importFile, type Report } from './file-import.js';
import type { ImportInputError } from './instance-batch.js';
import { NameResolver, ensureSmartAccount } from './named-rows.js';
import { registerRunning, type ImportProgress } from './progress.js';
import { onPremHost } from './source-system.js';
import { sniff, type ImportSource } from './sources.js';
import {
  emptyCounts,
  type FileSummary,
  type ImportSummary,
  type LicenseJoinNote,
} from './summary.js';
import { tracePhase } from './trace.js';

export type { ImportProgress } from './progress.js';

export interface ImportCommand {
  /** Smart Account domain; created (named `smartAccountName`) if it does not exist. */
  readonly smartAccount: string;
  readonly smartAccountName?: string | undefined;
  readonly asOf: string;
  /** For files that do not name their Virtual Account. */
  readonly virtualAccount?: string | undefined;
  readonly dryRun: boolean;
  readonly files: readonly ImportSource[];
  /**
   * `cloud` (default) or `onprem:<host>`: recorded as the provenance of every row. From an
   * On-Prem server, the import also records the server as a satellite synced on the as-of
   * date, and the devices it lists as ON_PREM through it (unless reserved).
   */
  readonly sourceSystem?: string | undefined;
  /**
   * Called as records are read, in each pass (the CLI draws a progress bar on a terminal); the
   * same progress shows as a RUNNING import run of the account while the import runs.
   */
  readonly onProgress?: ((progress: ImportProgress) => void) | undefined;
}

/** Thrown inside the transaction to roll it back: a dry run, or files with errors. */
class Rollback extends Error {}

/**
 * Imports files into one Smart Account, all or nothing, reading each file once inside one
 * transaction (`importFile`): records are checked and written (staged) as they are read, and
 * any error in any file rolls everything back, with the issues (capped) in the summary. A file
 * whose content was already imported into the account is skipped (idempotent).
 */
export async function importFiles(
  handle: DbHandle,
  command: ImportCommand,
): Promise<ImportSummary> {
  const asOf = parseIsoDate(command.asOf);
  const sourceSystem = command.sourceSystem ?? 'cloud';
  const running = registerRunning({ smartAccount: command.smartAccount, asOf, sourceSystem });
  const report: Report = (progress, format, runId) => {
    running.update(progress, format, runId);
    command.onProgress?.(progress);
  };
  try {
    return await importAll(handle, command, asOf, sourceSystem, report);
  } finally {
    running.done();
  }
}

async function importAll(
  handle: DbHandle,
  command: ImportCommand,
  asOf: string,
  sourceSystem: string,
  report: Report,
): Promise<ImportSummary> {
  const sourceSatellite = onPremHost(sourceSystem);
  const issues: IngestIssue[] = [];
  let errorCount = 0;
  let warningCount = 0;
  const collect = (collector: IssueCollector) => {
    issues.push(...collector.issues.slice(0, Math.max(0, MAX_ISSUES - issues.length)));
    errorCount += collector.errorCount;
    warningCount += collector.warningCount;
  };
  const detected: { source: ImportSource; format: ImportFormat | null }[] = [];
  for (const source of command.files) {
    detected.push({
      source,
      format: source.format ?? detectFormat(await sniff(source), source.fileName),
    });
  }
  const counts = emptyCounts();
  const licenseJoins: LicenseJoinNote[] = [];
  const files: FileSummary[] = [];
  // Set inside the transaction's callback (an object, so its type is not narrowed to null here).
  const stopped: { inputError: ImportInputError | null } = { inputError: null };
  // Virtual Accounts whose kept position the files changed; null once any may have changed.
  let touched: Set<number> | null = new Set();
  try {
    await handle.db.transaction(async (tx) => {
      // Imports into one Smart Account (and scenario applies) run one at a time until commit:
      // a second waits, then sees the first's rows (or its account, if new).
      await lockLedger(tx, command.smartAccount);
      const account = await ensureSmartAccount(tx, command.smartAccount, command.smartAccountName);
      const names = new NameResolver(tx, account.id, counts, licenseJoins);
      for (const { source, format } of detected) {
        const collector = new IssueCollector(source.fileName);
        if (!format) {
          collector.error(
            'UNKNOWN_FORMAT',
            { line: 1, column: 1 },
            'cannot tell which Cisco export this is; pass --format',
          );
          collect(collector);
          continue;
        }
        const outcome = await importFile(tx, names, counts, { source, format }, collector, {
          asOf,
          virtualAccount: command.virtualAccount,
          sourceSystem,
          sourceSatellite,
          report,
          write: errorCount === 0 && stopped.inputError === null,
        });
        collect(collector);
        files.push(outcome.summary);
        stopped.inputError ??= outcome.inputError;
        if (outcome.touched === null) touched = null;
        else for (const va of outcome.touched) touched?.add(va);
      }
      if (errorCount > 0 || stopped.inputError) throw new Rollback();
      tracePhase('files');
      await refreshCurrentPositions(
        tx,
        touched
          ? { smartAccountId: account.id, virtualAccountIds: [...touched] }
          : { smartAccountId: account.id },
      );
      tracePhase('refresh current positions');
      if (command.dryRun) throw new Rollback();
    });
    tracePhase('commit');
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  const base = {
    smartAccount: command.smartAccount,
    asOf,
    dryRun: command.dryRun,
    errorCount,
    warningCount,
    issues,
  };
  if (errorCount > 0) {
    return {
      ...base,
      committed: false,
      counts: emptyCounts(),
      licenseJoins: [],
      files: files.map((file) => ({ ...file, alreadyImported: false, importRunId: null })),
    };
  }
  if (stopped.inputError) throw stopped.inputError;
  return { ...base, committed: !command.dryRun, counts, files, licenseJoins };
}
