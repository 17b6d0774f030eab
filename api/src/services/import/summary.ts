import type { ImportFormat, IngestIssue } from '../../ingest/index.js';

/** Rows an import created or changed, per kind. */
export interface ImportCounts {
  readonly created: {
    virtualAccounts: number;
    licenses: number;
    entitlementLots: number;
    /** Lots whose type no source, catalog entry, name or date told (see `lotTypeFromEvidence`). */
    entitlementLotsOfUnknownType: number;
    productInstances: number;
    usageReports: number;
    reservations: number;
    reservationEvents: number;
    priceBookEntries: number;
  };
  readonly updated: {
    /** Lots of an older export that this one replaced (kept as history). */
    supersededLots: number;
    productInstances: number;
    licenses: number;
    /** Price book lines replaced (same license, currency and valid-from date). */
    priceBookEntries: number;
  };
}

export const emptyCounts = (): ImportCounts => ({
  created: {
    virtualAccounts: 0,
    licenses: 0,
    entitlementLots: 0,
    entitlementLotsOfUnknownType: 0,
    productInstances: 0,
    usageReports: 0,
    reservations: 0,
    reservationEvents: 0,
    priceBookEntries: 0,
  },
  updated: { supersededLots: 0, productInstances: 0, licenses: 0, priceBookEntries: 0 },
});

export interface FileSummary {
  readonly fileName: string;
  readonly format: ImportFormat;
  readonly rowsRead: number;
  /** Same content already imported into this Smart Account: nothing was written. */
  readonly alreadyImported: boolean;
  readonly importRunId: number | null;
}

/** What an import did (or, on a dry run or an error, would have done / why it did nothing). */
export interface ImportSummary {
  readonly smartAccount: string;
  readonly asOf: string;
  readonly dryRun: boolean;
  /** True when the changes are in the database. */
  readonly committed: boolean;
  readonly files: readonly FileSummary[];
  readonly counts: ImportCounts;
  readonly errorCount: number;
  readonly warningCount: number;
  /** The first issues found (capped), errors and warnings. */
  readonly issues: readonly IngestIssue[];
}
