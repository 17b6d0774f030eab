import { Cron } from 'croner';
import type { Logger } from 'pino';

import { loggableError } from './loggable-error.js';

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
      logger.error({ err: loggableError(err) }, 'scheduled snapshots failed');
    }
  });
  logger.info({ expression, next: job.nextRun()?.toISOString() }, 'snapshot schedule set');
  return () => job.stop();
}

/**
 * Runs `run` on a cron expression (UTC), one run at a time: the scheduled exports. Failures are
 * logged, never thrown into the server. Returns a stop function.
 */
export function scheduleExports(
  expression: string,
  run: () => Promise<string[] | undefined>,
  logger: Logger,
): () => void {
  const job = new Cron(expression, { timezone: 'UTC', protect: true }, async () => {
    try {
      const domains = await run();
      if (domains === undefined) logger.info('scheduled exports: another replica runs them');
      else logger.info({ domains }, 'scheduled exports written');
    } catch (err) {
      logger.error({ err: loggableError(err) }, 'scheduled exports failed');
    }
  });
  logger.info({ expression, next: job.nextRun()?.toISOString() }, 'export schedule set');
  return () => job.stop();
}
