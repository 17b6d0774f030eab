import type { SheetModel } from '../model/index.js';

/** The adapter writes the shared pure sheet model (src/model), as the XLSX export does. */
export type SheetWrite = SheetModel;

/** How the task pane wants a sheet written, beyond what the model says. */
export interface SheetWriteOptions {
  /** Bytes of cell data per request (default 4 MB, under Excel on the web's 5 MB cap). */
  readonly budgetBytes?: number;
  /** Called after each chunk reaches Excel. */
  readonly onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

/** What one write cost, for benchmarks and the task pane's progress. */
export interface WriteStats {
  readonly syncs: number;
  /** Largest request this write sent, in bytes (cell JSON + per-action envelope estimate). */
  readonly largestRequestBytes: number;
  readonly rowsWritten: number;
  /** Headers of user-added columns carried over from the previous table. */
  readonly keptColumns: readonly string[];
}
