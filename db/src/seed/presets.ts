/** The demo estates `seedDemo` can build. */
export type DemoPreset = 'small' | 'large';

/** What to seed. The result is a pure function of (preset, referenceDate, seed). */
export interface SeedDemoOptions {
  readonly preset: DemoPreset;
  /** `YYYY-MM-DD`. Every date in the estate (terms, reports, syncs) is placed relative to it. */
  readonly referenceDate: string;
  /** Varies the random parts (counts, serials, quantities); default {@link DEFAULT_DEMO_SEED}. */
  readonly seed?: number;
}

/** What `seedDemo` did. */
export interface SeedDemoResult {
  /** False when the Smart Account already existed; then nothing was changed. */
  readonly created: boolean;
  readonly domain: string;
  readonly name: string;
  /** Rows per table (snake_case table name) belonging to the Smart Account after the call. */
  readonly counts: Record<string, number>;
}

/** The Smart Account each preset creates. */
export const DEMO_ACCOUNTS: Record<DemoPreset, { readonly domain: string; readonly name: string }> =
  {
    small: { domain: 'acme-networks.example', name: 'Acme Networks' },
    large: { domain: 'globex.example', name: 'Globex Corporation' },
  };

/** The seed used when none is given. */
export const DEFAULT_DEMO_SEED = 20_240_601;
