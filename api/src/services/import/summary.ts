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
    /** Event Log rows stored (a row the account already had is not counted). */
    accountEvents: number;
    /** Of those, the messages Trueup did not understand (kept as OTHER). */
    accountEventsNotUnderstood: number;
    /** SSM On-Prem servers first named by this import (an `onprem:<host>` source or the Event Log). */
    satellites: number;
    /** Licenses created as ADD_ON whose base neither the catalog nor the family/tier rules know. */
    addOnsWithUnknownBase: number;
  };
  readonly updated: {
    /** Lots of an older export that this one replaced (kept as history). */
    supersededLots: number;
    productInstances: number;
    licenses: number;
    /** Price book lines replaced (same license, currency and valid-from date). */
    priceBookEntries: number;
    /** SSM On-Prem servers whose last sync an `onprem:<host>` import or an Event Log moved forward. */
    satellites: number;
    /** Catalog lines that leave an ADD_ON whose base neither the catalog nor the rules know. */
    addOnsWithUnknownBase: number;
    /**
     * Licenses joined by product identity: a tag-only record's tag given to the one named
     * license of the same identity, or a tag-named license renamed by a name-only record.
     */
    licenseTagsJoined: number;
  };
  /** Records deliberately not applied. */
  readonly skipped: {
    /**
     * SLR authorization codes issued before the device's latest reservation event: applying
     * them would undo newer state, so nothing was written for them.
     */
    olderAuthorizationCodes: number;
    /** Joins by product identity not made because several licenses matched (see `licenseJoins`). */
    licenseTagJoinsAmbiguous: number;
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
    accountEvents: 0,
    accountEventsNotUnderstood: 0,
    satellites: 0,
    addOnsWithUnknownBase: 0,
  },
  updated: {
    supersededLots: 0,
    productInstances: 0,
    licenses: 0,
    priceBookEntries: 0,
    satellites: 0,
    addOnsWithUnknownBase: 0,
    licenseTagsJoined: 0,
  },
  skipped: { olderAuthorizationCodes: 0, licenseTagJoinsAmbiguous: 0 },
});

/**
 * A license join the import inferred (or declined) by product identity, never silently:
 * `JOINED` a tag-only record's tag to a named license, `RENAMED` a tag-named license to a
 * name-only record's name, `AMBIGUOUS` several candidates, so no join.
 */
export interface LicenseJoinNote {
  readonly kind: 'JOINED' | 'RENAMED' | 'AMBIGUOUS';
  readonly file: string;
  readonly entitlementTag: string;
  /** The license joined to, or the candidates of an ambiguous join. */
  readonly licenses: readonly string[];
  readonly message: string;
}

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
  /** Every license join inferred by product identity, and every one declined as ambiguous. */
  readonly licenseJoins: readonly LicenseJoinNote[];
}
