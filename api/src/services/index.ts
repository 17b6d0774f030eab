import { sql } from 'drizzle-orm';

import type { DbHandle } from '@trueup/db';

import type { IsoDate } from '../domain/index.js';

import { accessService } from './access/index.js';
import { accountService } from './account-service.js';
import { catalogRows } from './catalog-service.js';
import { asOfOrTodayOn, datedBy, type Clock, type Dated } from './clock.js';
import { conversionService } from './conversions/index.js';
import { accountEventService } from './events/index.js';
import { accountFindings, findingsPage } from './findings-service.js';
import { driftBetween, rollupBy, snapshotsOf, takeSnapshot } from './history-service.js';
import { importRunsOf } from './import/import-runs.js';
import { importFiles, type ImportCommand } from './import/import-service.js';
import { runningImportsOf } from './import/progress.js';
import { exposureOf, priceBookService, renewalReport, unitTrueUpPrices } from './money/index.js';
import { nodeRows } from './node-rows.js';
import { positionCache } from './position-cache.js';
import { positionRowsAll, positionRowsPage } from './position-rows.js';
import {
  accountPosition,
  firstUsageReportAfter,
  namedPositionLines,
  positionLines,
  type NamedLinesQuery,
} from './position-service.js';
import { reallocationService, type UnitPriceSource } from './reallocation/index.js';
import { reservationService } from './reservations/index.js';
import { runOncePerSchedule } from './schedule-lock.js';
import { takeScheduledSnapshots } from './scheduled-snapshots.js';

/** Everything the edges (GraphQL, HTTP, CLI) may call, bound to one database and clock. */
export function createServices(handle: DbHandle, clock: Clock) {
  /** Net unit true-up prices from the price book, for exposure in what-if reallocation. */
  const unitPrices: UnitPriceSource = (smartAccountId, asOf, executor) =>
    unitTrueUpPrices(handle, smartAccountId, asOf, executor);
  /** The explicit as-of date, validated, or today: the one place "today" is resolved. */
  const asOfOrToday = asOfOrTodayOn(clock);
  const dated = datedBy(asOfOrToday);
  /** The in-memory cache of position sums (not the stored history snapshots). */
  const cache = positionCache(handle, clock);
  /** A service function with the database bound: `(handle, query) => R` becomes `(query) => R`. */
  const onDb =
    <Q, R>(f: (handle: DbHandle, query: Q) => R) =>
    (query: Q): R =>
      f(handle, query);
  /** As `onDb`, and an as-of date left out of the query is today. */
  const onDbDated =
    <Q extends { asOf: IsoDate }, R>(f: (handle: DbHandle, query: Q) => R) =>
    (query: Dated<Q>): R =>
      f(handle, dated(query));
  const prices = (smartAccountId: number, asOf: IsoDate) =>
    unitTrueUpPrices(handle, smartAccountId, asOf);
  return {
    access: accessService(handle, clock),
    accounts: accountService(handle),
    position: {
      asOfOrToday,
      lines: onDbDated(positionLines),
      account: onDbDated(accountPosition),
      /** The account of a domain and its position version: what a cached position read depends on. */
      stamp: (domain: string) => cache.stamp(domain),
      /** Every named, priced line (or those of some Virtual Accounts), sorted: what surfaces slice. */
      named: (query: Dated<NamedLinesQuery>) => namedPositionLines(cache, prices, dated(query)),
      /** Flat BI rows (every tag, money flat) from the position cache, a page in a chosen order. */
      rowsPage: (query: Dated<Parameters<typeof positionRowsPage>[2]>) =>
        positionRowsPage(cache, prices, dated(query)),
      /** Every flat row matching a filter, in order, for the bulk exports to stream. */
      allRows: (query: Dated<Parameters<typeof positionRowsAll>[2]>) =>
        positionRowsAll(cache, prices, dated(query)),
      firstUsageReportAfter: onDb(firstUsageReportAfter),
    },
    findings: onDbDated(accountFindings),
    money: {
      priceBook: priceBookService(handle, asOfOrToday),
      unitTrueUpPrices: (smartAccountId: number, asOf: IsoDate) =>
        unitTrueUpPrices(handle, smartAccountId, asOf),
      /** The exposure at a date, and the date used (today when left out). */
      exposure: async (query: Dated<Parameters<typeof exposureOf>[1]>) => {
        const at = dated(query);
        return { ...(await exposureOf(handle, at)), asOf: at.asOf };
      },
      renewal: onDbDated(renewalReport),
    },
    findingsPage: onDbDated(findingsPage),
    reservations: reservationService(handle, asOfOrToday),
    conversions: conversionService(handle, asOfOrToday),
    /** Cisco's Event Log rows, as imported. */
    events: accountEventService(handle),
    reallocation: reallocationService(handle, asOfOrToday, unitPrices),
    history: {
      takeSnapshot: onDbDated(takeSnapshot),
      snapshotsOf: (smartAccountId: number) => snapshotsOf(handle, smartAccountId),
      drift: onDb(driftBetween),
      rollup: onDbDated(rollupBy),
      /**
       * One scheduled run: every Smart Account, as of today, labelled `auto-<date>`; once
       * across replicas (another holding the job's lock: nothing to do, `[]`).
       */
      takeScheduled: async () =>
        (await runOncePerSchedule(handle, 'snapshots', () =>
          takeScheduledSnapshots(handle, clock),
        )) ?? [],
    },
    /** The license catalog of a Smart Account (import it with a `license-catalog-csv` file). */
    catalog: {
      rows: (smartAccountId: number) => catalogRows(handle, smartAccountId),
    },
    imports: {
      run: (command: Dated<ImportCommand>) => importFiles(handle, dated(command)),
      runsOf: (smartAccountId: number, limit: number) =>
        importRunsOf(handle, smartAccountId, limit),
      /** Imports of the account running in this process (RUNNING, with their progress so far). */
      running: (domain: string, smartAccountId: number) => runningImportsOf(domain, smartAccountId),
    },
    /** Rows by table id, with their Smart Account, for node(id:) / nodes(ids:). */
    nodes: nodeRows(handle),
    /** Readiness: the database answers. */
    async health(): Promise<void> {
      await (handle.ping ? handle.ping() : handle.rows(sql`select 1 as ok`));
    },
  };
}

export type Services = ReturnType<typeof createServices>;
export type { Clock, Dated } from './clock.js';
export { fixedClock, systemClock } from './clock.js';
export type { Page, PageRequest } from './pagination.js';
export type {
  NamedPositionLine,
  PositionRowFilter,
  PricedPositionLine,
} from './position-service.js';
export type * from './account-service.js';
export {
  POSITION_ROW_COLUMNS,
  type PositionColumnKind,
  type PositionRow,
  type PositionRowRecord,
} from './position-row.js';
export {
  DEFAULT_POSITION_ROW_ORDER,
  POSITION_ROW_SORT_KEYS,
  type PositionRowOrder,
  type PositionRowSortKey,
  type PositionRowsQuery,
  type SortDirection,
} from './position-rows.js';
export type { Access, CreatedToken, TokenListing, CreateTokenCommand } from './access/index.js';
export type { ImportCommand, ImportProgress } from './import/import-service.js';
export type { DriftResult, RollupDimension, SnapshotRecord } from './history-service.js';
export type { ImportSummary, FileSummary, ImportCounts } from './import/summary.js';
export type { CatalogRow } from './catalog-service.js';
export type { ImportRunRecord } from './import/import-runs.js';
export { fileSource, textSource, type ImportSource } from './import/sources.js';
export { ImportInputError } from './import/instance-batch.js';
export type * from './reservations/index.js';
export type * from './conversions/index.js';
export type * from './events/index.js';
export type * from './reallocation/index.js';
export type {
  PriceBookEntryRecord,
  RemovePriceCommand,
  RenewalQuery,
  RenewalReport,
  SetPriceCommand,
  SetPriceRequest,
} from './money/index.js';
