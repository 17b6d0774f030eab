import { Cron } from 'croner';
import type { Logger } from 'pino';

/**
 * Runs `run` on a cron expression (e.g. quarterly `0 6 1 1,4,7,10 *`, UTC), one run at a time;
 * failures are logged, never thrown into the server. Returns a stop function.
 */
export function scheduleSnapshots(
  expression: string,
  run: () => Promise<string[]>,
  logger: Logger,
): () => void {
  const job = new Cron(expression, { timezone: 'UTC', protect: true }, async () => {
    try {
      const domains = await run();
      logger.info({ domains }, 'scheduled snapshots taken');
    } catch (err) {
      logger.error({ err }, 'scheduled snapshots failed');
    }
  });
  logger.info({ expression, next: job.nextRun()?.toISOString() }, 'snapshot schedule set');
  return () => job.stop();
}
