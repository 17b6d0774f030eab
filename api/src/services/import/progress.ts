import type { ImportRunRecord } from './import-runs.js';

/**
 * Where an import is: pass 1 reads the file once (`write`: records checked and streamed into the
 * transaction; `check`: only checked, after an error or for content already imported), pass 2
 * (`apply`) writes the staged rows set-based.
 */
export interface ImportProgress {
  readonly phase: 'check' | 'write' | 'apply';
  readonly pass: 1 | 2;
  readonly fileName: string;
  readonly bytesRead: number;
  readonly totalBytes: number | undefined;
  /** Records parsed so far in this pass of this file. */
  readonly rowsRead: number;
  /** Records per second over this pass of this file so far. */
  readonly rowsPerSecond: number;
}

/** Imports running in this process, by Smart Account domain: shown as RUNNING import runs. */
interface RunningImport {
  readonly domain: string;
  readonly format: string;
  readonly asOf: string;
  readonly sourceSystem: string;
  readonly startedAt: Date;
  runId: number | null;
  progress: ImportProgress;
}

const running = new Set<RunningImport>();

/** Reports one file's progress through one phase: bytes as read, records as parsed. */
export class FileProgress {
  private bytesRead = 0;
  private rowsRead = 0;
  private readonly started = performance.now();
  private lastReport = 0;

  constructor(
    private readonly phase: ImportProgress['phase'],
    private readonly fileName: string,
    private readonly totalBytes: number | undefined,
    private readonly listener: (progress: ImportProgress) => void,
  ) {}

  bytes(count: number): void {
    this.bytesRead += count;
  }

  /** One record parsed; reports every 1,000 records. */
  row(): void {
    if (++this.rowsRead - this.lastReport >= 1000) this.report();
  }

  report(phase: ImportProgress['phase'] = this.phase): void {
    this.lastReport = this.rowsRead;
    const seconds = (performance.now() - this.started) / 1000;
    this.listener({
      phase,
      pass: phase === 'apply' ? 2 : 1,
      fileName: this.fileName,
      bytesRead: this.bytesRead,
      totalBytes: this.totalBytes,
      rowsRead: this.rowsRead,
      rowsPerSecond: seconds > 0 ? Math.round(this.rowsRead / seconds) : 0,
    });
  }
}

/**
 * Registers an import as running until `done()`; `update` records its progress (and its run id
 * once pass 2 has one). The run's row is inside the import's uncommitted transaction, so other
 * readers see the import here, not in `import_runs`.
 */
export function registerRunning(command: {
  readonly smartAccount: string;
  readonly asOf: string;
  readonly sourceSystem: string;
}) {
  let entry: RunningImport | null = null;
  return {
    update(progress: ImportProgress, format: string, runId: number | null): void {
      if (!entry || entry.progress.fileName !== progress.fileName) {
        if (entry) running.delete(entry);
        entry = {
          domain: command.smartAccount,
          format,
          asOf: command.asOf,
          sourceSystem: command.sourceSystem,
          startedAt: new Date(),
          runId,
          progress,
        };
        running.add(entry);
      }
      entry.progress = progress;
      entry.runId = runId;
    },
    done(): void {
      if (entry) running.delete(entry);
      entry = null;
    },
  };
}

/** The imports of a Smart Account running in this process, as RUNNING import runs. */
export function runningImportsOf(domain: string, smartAccountId: number): ImportRunRecord[] {
  return [...running]
    .filter((r) => r.domain === domain)
    .map((r) => ({
      // 0 until the file's run row is written (a devices file's: once it has been read).
      id: r.runId ?? 0,
      smartAccountId,
      fileName: r.progress.fileName,
      format: r.format,
      sha256: null,
      sourceSystem: r.sourceSystem,
      asOf: r.asOf,
      status: 'RUNNING' as const,
      rowCounts: {
        pass: r.progress.pass,
        rowsRead: r.progress.rowsRead,
        rowsPerSecond: r.progress.rowsPerSecond,
        bytesRead: r.progress.bytesRead,
        ...(r.progress.totalBytes === undefined ? {} : { totalBytes: r.progress.totalBytes }),
      },
      startedAt: r.startedAt,
      finishedAt: null,
    }));
}
