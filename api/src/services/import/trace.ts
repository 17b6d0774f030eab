/**
 * Phase timings of an import on stderr when `TRUEUP_IMPORT_TRACE` is set (profiling aid: where
 * the time of a large file goes). Silent otherwise.
 */
const enabled = Boolean(process.env.TRUEUP_IMPORT_TRACE);
let last = performance.now();

export function tracePhase(label: string): void {
  if (!enabled) return;
  const now = performance.now();
  const memory = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  process.stderr.write(
    `[import] ${label}: ${Math.round(now - last)} ms (rss ${mb(memory.rss)} MB, heap ${mb(memory.heapTotal)} MB, external ${mb(memory.external)} MB)\n`,
  );
  last = now;
}
