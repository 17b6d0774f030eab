import type { IngestRecord } from '../../ingest/index.js';

import { applyStagedDevices } from './device-apply.js';
import { DeviceStage } from './device-stage.js';
import type { WriteContext } from './record-writer.js';

/**
 * Writes a devices file (product instances and their per-license usage) set-based: as the file
 * is read (and checked), its records stream through `COPY` into a temporary staging table
 * (`DeviceStage`: memory holds one chunk); once the whole file has been read without errors,
 * a few statements apply the staged rows (`applyStagedDevices`).
 */
export class DeviceCopyWriter {
  private readonly stage: DeviceStage;
  /** Rows staged by the ended COPY, not yet applied. */
  private staged = 0;
  /** Virtual Accounts whose position the applied rows change; null: possibly any. */
  private touched: Set<number> | null = new Set();

  constructor(private readonly context: Omit<WriteContext, 'importRunId'>) {
    this.stage = new DeviceStage(
      context.tx,
      context.defaultVirtualAccount,
      context.sourceSatellite,
    );
  }

  /** Virtual Accounts whose position this file changed (after `finish`); null: possibly any. */
  touchedVirtualAccounts(): ReadonlySet<number> | null {
    return this.touched;
  }

  /** Creates (or empties) the staging table and opens the COPY into it. */
  open(): Promise<void> {
    return this.stage.open();
  }

  write(record: IngestRecord): Promise<void> | undefined {
    if (record.kind === 'instance') return this.stage.writeInstance(record);
    if (record.kind === 'deviceUsage') return this.stage.writeUsage(record);
    throw new Error(`a devices file yielded a ${record.kind} record`);
  }

  /** Cancels the COPY (an error mid-file): the transaction then rolls back. */
  abort(error: Error): Promise<void> {
    return this.stage.abort(error);
  }

  /**
   * Ends the COPY (the transaction's connection runs nothing else while it is open): after the
   * last record, before any other statement.
   */
  async close(): Promise<void> {
    this.staged += await this.stage.close();
  }

  /** Writes nothing: the staged rows are dropped with the transaction. */
  async discard(): Promise<void> {
    await this.close();
    this.staged = 0;
  }

  /** Applies the staged rows (after `close`) as written by the import run `importRunId`. */
  async finish(importRunId: number): Promise<void> {
    await this.close();
    const { staged } = this;
    this.staged = 0;
    if (staged === 0) return;
    this.touched = await applyStagedDevices(this.context, importRunId, this.stage.names());
  }
}
