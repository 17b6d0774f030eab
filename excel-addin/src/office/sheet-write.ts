import type { Cell } from './cells.js';

/**
 * The shape of a pure sheet model (src/model `SheetModel`, shared with the server's XLSX export)
 * as far as the adapter needs it: inputs from row 1 (label in A, value in B), then after a blank
 * row the table: header + rows from column A. Formulas are A1 text without the leading `=`.
 */
export interface SheetWrite {
  readonly name: string;
  readonly tableName: string;
  readonly inputs: readonly {
    readonly key: string;
    readonly label: string;
    readonly value: string | number | boolean;
    readonly numberFormat?: string;
  }[];
  readonly columns: readonly { readonly header: string; readonly numberFormat?: string }[];
  readonly rows: readonly (readonly Cell[])[];
}

/** How the task pane wants a sheet written, beyond what the model says. */
export interface SheetWriteOptions {
  /**
   * Columns (by header) that identify a row across refreshes: columns the user added to the
   * table are carried over to the row with the same key.
   */
  readonly key?: readonly string[];
  /** Data cells in this column (by header) greater than zero get a red fill (e.g. Shortfall). */
  readonly highlightPositive?: string;
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
