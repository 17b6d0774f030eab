// autocannon ships no types: the part of its API the load child uses.
declare module 'autocannon' {
  interface Options {
    url: string;
    connections: number;
    duration: number;
    method: 'POST';
    headers: Record<string, string>;
    body: string;
  }
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
  }
  interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  function autocannon(options: Options): Promise<Result>;
  // eslint-disable-next-line import-x/no-default-export -- the module's own (CommonJS) shape
  export default autocannon;
}
