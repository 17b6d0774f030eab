export declare const LOAD_QUERIES: Readonly<Record<'position' | 'findings', string>>;

export declare function quantile(sorted: readonly number[], q: number): number;

export interface LoadResult {
  clients: number;
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  byQuery: Record<string, { requests: number; errors: number; p50: number; p99: number }>;
  firstError?: unknown;
}

export declare function runLoad(options: {
  url: string;
  token: string;
  domain: string;
  clients?: number;
  seconds?: number;
}): Promise<LoadResult>;
