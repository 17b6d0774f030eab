import { createHash } from 'node:crypto';

import { and, eq } from 'drizzle-orm';

import { importRuns, type Db, type DbHandle } from '@trueup/db';

import { parseIsoDate } from '../../domain/index.js';
import {
  IssueCollector,
  MAX_ISSUES,
  PARSERS,
  detectFormat,
  importFormat,
  type ImportFormat,
  type IngestIssue,
} from '../../ingest/index.js';
import { refreshCurrentPositions } from '../current-positions.js';
import { lockLedger } from '../ledger-lock.js';

import { DeviceCopyWriter } from './device-copy.js';
import { NameResolver, ensureSmartAccount, recordSatelliteSync } from './named-rows.js';
import { FileProgress, registerRunning, type ImportProgress } from './progress.js';
import { RecordWriter } from './record-writer.js';
import { inserted } from './returning.js';
import { onPremHost } from './source-system.js';
import { sniff, withProgress, type ImportSource } from './sources.js';
import {
  emptyCounts,
  type FileSummary,
  type ImportCounts,
  type ImportSummary,
  type LicenseJoinNote,
} from './summary.js';

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

/** Thrown inside the transaction to roll a dry run back after counting what it would do. */
class DryRunRollback extends Error {}

interface CheckedFile {
  readonly source: ImportSource;
  readonly format: ImportFormat;
  readonly sha256: string;
  readonly rowsRead: number;
}

/**
 * Imports files into one Smart Account, all or nothing. Pass 1 streams every file through its
 * parser to validate it (keeping only issues and a digest); any error stops the import with
 * nothing written. Pass 2 streams the files again inside one transaction and writes them. A
 * file whose content was already imported into the account is skipped (idempotent).
 */
export async function importFiles(
  handle: DbHandle,
  command: ImportCommand,
): Promise<ImportSummary> {
  const asOf = parseIsoDate(command.asOf);
  const sourceSystem = command.sourceSystem ?? 'cloud';
  const running = registerRunning({ smartAccount: command.smartAccount, asOf, sourceSystem });
  const report = (progress: ImportProgress, format: ImportFormat, runId: number | null) => {
    running.update(progress, format, runId);
    command.onProgress?.(progress);
  };
  try {
    return await importChecked(handle, command, asOf, sourceSystem, report);
  } finally {
    running.done();
  }
}

type Report = (progress: ImportProgress, format: ImportFormat, runId: number | null) => void;

async function importChecked(
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
  const checked: CheckedFile[] = [];
  for (const source of command.files) {
    const collector = new IssueCollector(source.fileName);
    const format = source.format ?? detectFormat(await sniff(source), source.fileName);
    if (!format) {
      collector.error(
        'UNKNOWN_FORMAT',
        { line: 1, column: 1 },
        'cannot tell which Cisco export this is; pass --format',
      );
    } else {
      const progress = new FileProgress('check', source.fileName, source.size, (p) =>
        report(p, format, null),
      );
      const { sha256, rowsRead } = await validate(
        withProgress(source, progress),
        format,
        collector,
        command.virtualAccount,
        progress,
      );
      checked.push({ source, format, sha256, rowsRead });
    }
    issues.push(...collector.issues.slice(0, Math.max(0, MAX_ISSUES - issues.length)));
    errorCount += collector.errorCount;
    warningCount += collector.warningCount;
  }
  const base = {
    smartAccount: command.smartAccount,
    asOf,
    dryRun: command.dryRun,
    errorCount,
    warningCount,
    issues,
  };
  const licenseJoins: LicenseJoinNote[] = [];
  if (errorCount > 0) {
    return {
      ...base,
      committed: false,
      counts: emptyCounts(),
      licenseJoins,
      files: checked.map((f) => fileSummary(f, false, null)),
    };
  }
  const counts = emptyCounts();
  const files: FileSummary[] = [];
  try {
    await handle.db.transaction(async (tx) => {
      // Imports into one Smart Account (and scenario applies) run one at a time until commit:
      // a second waits, then sees the first's rows (or its account, if new).
      await lockLedger(tx, command.smartAccount);
      const account = await ensureSmartAccount(tx, command.smartAccount, command.smartAccountName);
      const names = new NameResolver(tx, account.id, counts, licenseJoins);
      for (const file of checked) {
        files.push(
          await writeFile(tx, names, counts, file, {
            asOf,
            virtualAccount: command.virtualAccount,
            sourceSystem,
            sourceSatellite,
            report,
          }),
        );
      }
      await refreshCurrentPositions(tx, { smartAccountId: account.id });
      if (command.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return { ...base, committed: !command.dryRun, counts, files, licenseJoins };
}

async function validate(
  source: ImportSource,
  format: ImportFormat,
  collector: IssueCollector,
  virtualAccount: string | undefined,
  progress: FileProgress,
) {
  const hash = createHash('sha256');
  async function* hashed() {
    for await (const chunk of source.open()) {
      hash.update(chunk);
      yield chunk;
    }
  }
  let rowsRead = 0;
  for await (const _record of PARSERS[format](hashed(), {
    fileName: source.fileName,
    issues: collector,
    virtualAccount,
  })) {
    rowsRead++;
    progress.row();
  }
  progress.report();
  return { sha256: hash.digest('hex'), rowsRead };
}

async function writeFile(
  tx: Db,
  names: NameResolver,
  counts: ImportCounts,
  file: CheckedFile,
  options: {
    asOf: string;
    virtualAccount: string | undefined;
    sourceSystem: string;
    sourceSatellite: string | null;
    report: Report;
  },
): Promise<FileSummary> {
  const sa = names.smartAccountId;
  const [previous] = await tx
    .select({ id: importRuns.id })
    .from(importRuns)
    .where(
      and(
        eq(importRuns.smartAccountId, sa),
        eq(importRuns.sha256, file.sha256),
        eq(importRuns.format, file.format),
        eq(importRuns.status, 'COMMITTED'),
      ),
    );
  if (previous) return fileSummary(file, true, previous.id);
  const run = inserted(
    await tx
      .insert(importRuns)
      .values({
        smartAccountId: sa,
        fileName: file.source.fileName,
        format: file.format,
        sha256: file.sha256,
        asOf: options.asOf,
        sourceSystem: options.sourceSystem,
        status: 'RUNNING',
      })
      .returning({ id: importRuns.id }),
    'an import run',
  );
  const before = JSON.stringify(counts);
  names.fileName = file.source.fileName;
  // An export from an SSM On-Prem server is as current as the server's last sync with Cisco.
  if (options.sourceSatellite !== null) {
    await recordSatelliteSync(tx, names, counts, options.sourceSatellite, options.asOf);
  }
  const context = {
    tx,
    names,
    counts,
    asOf: options.asOf,
    importRunId: run.id,
    usageSource: importFormat(file.format).usageSource,
    defaultVirtualAccount: options.virtualAccount,
    sourceSatellite: options.sourceSatellite,
  };
  const progress = new FileProgress('write', file.source.fileName, file.source.size, (p) =>
    options.report(p, file.format, run.id),
  );
  // Validated in pass 1; this pass only writes (its issues were already reported).
  const collector = new IssueCollector(file.source.fileName);
  const records = PARSERS[file.format](withProgress(file.source, progress).open(), {
    fileName: file.source.fileName,
    issues: collector,
    virtualAccount: options.virtualAccount,
  });
  if (importFormat(file.format).writer === 'devices') {
    // Devices files are the large ones: staged through COPY, then written set-based.
    const writer = new DeviceCopyWriter(context);
    await writer.open();
    try {
      for await (const record of records) {
        const pending = writer.write(record);
        if (pending) await pending;
        progress.row();
      }
    } catch (error) {
      await writer.abort(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    progress.report('apply');
    await writer.finish();
  } else {
    const writer = new RecordWriter(context);
    for await (const record of records) {
      await writer.write(record);
      progress.row();
    }
    progress.report('apply');
    await writer.finish();
  }
  await tx
    .update(importRuns)
    .set({
      status: 'COMMITTED',
      finishedAt: new Date(),
      rowCounts: { rowsRead: file.rowsRead, ...delta(JSON.parse(before) as ImportCounts, counts) },
    })
    .where(eq(importRuns.id, run.id));
  return fileSummary(file, false, run.id);
}

function delta(before: ImportCounts, after: ImportCounts): Record<string, number> {
  const out: Record<string, number> = {};
  for (const group of ['created', 'updated', 'skipped'] as const) {
    for (const [key, value] of Object.entries(after[group])) {
      const change = value - ((before[group] as Record<string, number>)[key] ?? 0);
      if (change !== 0) out[`${group}.${key}`] = change;
    }
  }
  return out;
}

const fileSummary = (
  file: CheckedFile,
  alreadyImported: boolean,
  importRunId: number | null,
): FileSummary => ({
  fileName: file.source.fileName,
  format: file.format,
  rowsRead: file.rowsRead,
  alreadyImported,
  importRunId,
});
