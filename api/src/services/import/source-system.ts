import { ImportInputError } from './instance-batch.js';

/**
 * The SSM On-Prem server an import comes from: `<host>` of `onprem:<host>`, null for `cloud`.
 * Anything else is refused before a file is read.
 */
export function onPremHost(sourceSystem: string): string | null {
  if (sourceSystem === 'cloud') return null;
  const host = /^onprem:(\S+)$/.exec(sourceSystem)?.[1];
  if (host === undefined) {
    throw new ImportInputError(
      `the source ${JSON.stringify(sourceSystem)} is neither cloud nor onprem:<host>`,
      'sourceSystem',
    );
  }
  return host;
}
