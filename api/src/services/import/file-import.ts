import { createHash, type Hash } from 'node:crypto';

import { and, eq } from 'drizzle-orm';

import { importRuns, type Db } from '@trueup/db';

import {
  PARSERS,
  importFormat,
  type ImportFormat,
  type IssueCollector,
} from '../../ingest/index.js';

import { DeviceCopyWriter } from './device-copy.js';
import { ImportInputError } from './instance-batch.js';
import { recordSatelliteSync, type NameResolver } from './named-rows.js';
import { FileProgress, type ImportProgress } from './progress.js';
import { RecordWriter, type WriteContext } from './record-writer.js';
import { inserted } from './returning.js';
import { withProgress, type ImportSource } from './sources.js';
import type { FileSummary, ImportCounts } from './summary.js';

export type Report = (progress: ImportProgress, format: ImportFormat, runId: number | null) => void;

export interface FileImportOptions {
  readonly asOf: string;
  readonly virtualAccount: string | undefined;
  readonly sourceSystem: string;
  readonly sourceSatellite: string | null;
  readonly report: Report;
  /** False once an earlier file had errors: this one is only checked. */
  readonly write: boolean;
}

/** One file read once: what the summary says of it, and why it could not be written, if so. */
export interface FileOutcome {
  readonly summary: FileSummary;
  /** A reason the import cannot proceed that is not in the file's content (the user can fix it). */
  readonly inputError: ImportInputError | null;
  /** Virtual Accounts whose position the file changed; null: possibly any of the account. */
  readonly touched: ReadonlySet<number> | null;
}

/** Where a file's records go while it is read: staged (devices) or written as they come. */
interface Sink {
  write(record: Parameters<RecordWriter['write']>[0]): Promise<void> | undefined;
  /** The last record was written: end what holds the connection (a COPY). */
  close(): Promise<void>;
  /** The file was read without errors: apply what was staged. */
  finish(importRunId: number): Promise<void>;
  /** The file had errors (or was already imported): write nothing more. */
  discard(): Promise<void>;
  /** Reading failed: cancel what is in flight (the transaction then rolls back). */
  abort(error: Error): Promise<void>;
  /** After `finish`: the Virtual Accounts whose position changed; null: possibly any. */
  touchedVirtualAccounts(): ReadonlySet<number> | null;
}

/**
 * Reads one file once, inside the import's transaction: the parser checks every record and, as
 * long as the file (and every file before it) has no error, its records go to the database as
 * they are read (a devices file through COPY into a staging table, applied set-based at the end;
 * other files through `RecordWriter`). Memory holds one chunk, never the file. At the first
 * error writing stops and the rest of the file is only checked; the caller then rolls the whole
 * transaction back. A file whose content the account already imported is checked and skipped.
 *
 * The digest of a devices file is taken while it is read (its staged rows are dropped if the
 * account already has it); other files, which write as they go, are digested first.
 */
export async function importFile(
  tx: Db,
  names: NameResolver,
  counts: ImportCounts,
  file: { readonly source: ImportSource; readonly format: ImportFormat },
  collector: IssueCollector,
  options: FileImportOptions,
): Promise<FileOutcome> {
  const { source, format } = file;
  const staged = importFormat(format).writer === 'devices';
  const hash = createHash('sha256');
  let sha256: string | null = null;
  let previous: number | null = null;
  if (!staged) {
    sha256 = await digest(source);
    previous = await committedRun(tx, names.smartAccountId, sha256, format);
  }
  let writing = options.write && previous === null;
  let runId: number | null = null;
  let inputError: ImportInputError | null = null;
  const context = (importRunId: number): WriteContext => ({
    tx,
    names,
    counts,
    asOf: options.asOf,
    importRunId,
    usageSource: importFormat(format).usageSource,
    defaultVirtualAccount: options.virtualAccount,
    sourceSatellite: options.sourceSatellite,
  });
  names.fileName = source.fileName;
  let sink: Sink | null = null;
  if (writing && staged) {
    const writer = new DeviceCopyWriter(context(0));
    await writer.open();
    sink = writer;
  } else if (writing) {
    runId = await startRun(tx, names.smartAccountId, source, format, sha256, options);
    await syncSatellite(tx, names, counts, options);
    sink = recordSink(new RecordWriter(context(runId)));
  }
  const progress = new FileProgress(sink ? 'write' : 'check', source.fileName, source.size, (p) =>
    options.report(p, format, runId),
  );
  const records = PARSERS[format](
    withProgress(hashing(source, staged ? hash : null), progress).open(),
    {
      fileName: source.fileName,
      issues: collector,
      virtualAccount: options.virtualAccount,
    },
  );
  const before = JSON.stringify(counts);
  let rowsRead = 0;
  try {
    for await (const record of records) {
      rowsRead++;
      progress.row();
      if (!sink) continue;
      if (collector.errorCount > 0) {
        await sink.discard();
        sink = null;
        continue;
      }
      try {
        const pending = sink.write(record);
        if (pending) await pending;
      } catch (error) {
        if (!(error instanceof ImportInputError)) throw error;
        // Reported only if the files have no errors, as when it was found in a second pass.
        inputError ??= error;
        await sink.discard();
        sink = null;
      }
    }
  } catch (error) {
    await sink?.abort(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  progress.report();
  await sink?.close();
  if (staged) {
    sha256 = hash.digest('hex');
    previous = await committedRun(tx, names.smartAccountId, sha256, format);
  }
  if (sink && (collector.errorCount > 0 || previous !== null)) {
    await sink.discard();
    sink = null;
  }
  if (sink) {
    if (runId === null) {
      runId = await startRun(tx, names.smartAccountId, source, format, sha256, options);
      await syncSatellite(tx, names, counts, options);
    }
    progress.report('apply');
    await sink.finish(runId);
    await tx
      .update(importRuns)
      .set({
        status: 'COMMITTED',
        finishedAt: new Date(),
        rowCounts: { rowsRead, ...delta(JSON.parse(before) as ImportCounts, counts) },
      })
      .where(eq(importRuns.id, runId));
  }
  writing = sink !== null;
  const touched = sink ? sink.touchedVirtualAccounts() : new Set<number>();
  return {
    summary: {
      fileName: source.fileName,
      format,
      rowsRead,
      alreadyImported: previous !== null,
      importRunId: previous ?? (writing ? runId : null),
    },
    inputError,
    touched,
  };
}

function recordSink(writer: RecordWriter): Sink {
  return {
    write: (record) => writer.write(record),
    finish: () => writer.finish(),
    close: () => Promise.resolve(),
    discard: () => Promise.resolve(),
    abort: () => Promise.resolve(),
    // Ledger, PAK, SLR and catalog files may supersede or re-type lots anywhere in the account.
    touchedVirtualAccounts: () => null,
  };
}

/** An On-Prem server's export is as current as the server's last sync with Cisco. */
async function syncSatellite(
  tx: Db,
  names: NameResolver,
  counts: ImportCounts,
  options: FileImportOptions,
): Promise<void> {
  if (options.sourceSatellite !== null) {
    await recordSatelliteSync(tx, names, counts, options.sourceSatellite, options.asOf);
  }
}

async function startRun(
  tx: Db,
  smartAccountId: number,
  source: ImportSource,
  format: ImportFormat,
  sha256: string | null,
  options: FileImportOptions,
): Promise<number> {
  return inserted(
    await tx
      .insert(importRuns)
      .values({
        smartAccountId,
        fileName: source.fileName,
        format,
        sha256,
        asOf: options.asOf,
        sourceSystem: options.sourceSystem,
        status: 'RUNNING',
      })
      .returning({ id: importRuns.id }),
    'an import run',
  ).id;
}

/** The committed run of the account that imported the same content in the same format. */
async function committedRun(
  tx: Db,
  smartAccountId: number,
  sha256: string,
  format: ImportFormat,
): Promise<number | null> {
  const [previous] = await tx
    .select({ id: importRuns.id })
    .from(importRuns)
    .where(
      and(
        eq(importRuns.smartAccountId, smartAccountId),
        eq(importRuns.sha256, sha256),
        eq(importRuns.format, format),
        eq(importRuns.status, 'COMMITTED'),
      ),
    );
  return previous?.id ?? null;
}

async function digest(source: ImportSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source.open()) hash.update(chunk);
  return hash.digest('hex');
}

/** The same source, feeding what it reads into `hash` (when given). */
function hashing(source: ImportSource, hash: Hash | null): ImportSource {
  if (!hash) return source;
  return {
    ...source,
    async *open() {
      for await (const chunk of source.open()) {
        hash.update(chunk);
        yield chunk;
      }
    },
  };
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
