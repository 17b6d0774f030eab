import type { Services } from '@trueup/api';
import type { DbHandle } from '@trueup/db';

import type { MemoryPosition } from './floor/memory-position.js';
import type { GraphqlEndpoint } from './http-client.js';

export type Preset = 'small' | 'large';

/** How hard each preset pushes (the large one is the enterprise estate of the issue). */
export interface Scale {
  /** Recorded runs per timed case (after one warm-up); the median is reported. */
  readonly runs: number;
  /** Recorded runs of the import (each loads `importRows` rows). */
  readonly importRuns: number;
  readonly importRows: number;
  readonly loadConnections: number;
  readonly loadSeconds: number;
  /** Rows the add-in writes into its fake workbook. */
  readonly excelRows: number;
}

export const SCALES: Record<Preset, Scale> = {
  small: {
    runs: 3,
    importRuns: 2,
    importRows: 50_000,
    loadConnections: 50,
    loadSeconds: 5,
    excelRows: 100_000,
  },
  large: {
    runs: 5,
    importRuns: 3,
    importRows: 1_000_000,
    loadConnections: 50,
    loadSeconds: 20,
    excelRows: 100_000,
  },
};

/** What every case gets: one seeded estate, its services, the API over HTTP. */
export interface BenchContext {
  readonly preset: Preset;
  readonly scale: Scale;
  readonly repoRoot: string;
  readonly handle: DbHandle;
  /** PostgreSQL URL of the bench database, or undefined on PGlite. */
  readonly databaseUrl: string | undefined;
  readonly services: Services;
  readonly api: GraphqlEndpoint;
  readonly domain: string;
  readonly smartAccountId: number;
  readonly asOf: string;
  /** The full position, loaded once through the service, for the in-memory floor. */
  memoryPosition(): Promise<MemoryPosition>;
  /** Results shared between cases that measure the same thing (e.g. GraphQL paging). */
  readonly memo: Map<string, Promise<unknown>>;
  log(message: string): void;
}

/** One row of the results table (and of bench-results.json). */
export interface CaseResult {
  readonly name: string;
  readonly status: 'ok' | 'not available' | 'failed';
  /** What `value` measures, e.g. "full position via GraphQL". */
  readonly metric: string;
  readonly unit: string;
  /** Median of the recorded runs. */
  readonly value: number | null;
  readonly floorMetric: string;
  readonly floor: number | null;
  /** value ÷ floor (a time ratio: lower is better; a rate ratio: higher is better). */
  readonly ratio: number | null;
  readonly goal: string;
  readonly meetsGoal: boolean | null;
  readonly samples?: readonly number[];
  readonly floorSamples?: readonly number[];
  readonly details?: Readonly<Record<string, number | string | boolean>>;
  readonly note?: string;
}

export interface BenchCase {
  readonly name: string;
  readonly description: string;
  /** One result, or several (e.g. after a write and warm). */
  run(context: BenchContext): Promise<CaseResult | CaseResult[]>;
}

/** A case that cannot run yet (feature not built), or that threw. */
export function unavailable(
  name: string,
  status: 'not available' | 'failed',
  note: string,
): CaseResult {
  return {
    name,
    status,
    metric: '',
    unit: '',
    value: null,
    floorMetric: '',
    floor: null,
    ratio: null,
    goal: '',
    meetsGoal: null,
    note,
  };
}
