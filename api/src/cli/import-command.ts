import { formatIssue } from '../ingest/issues.js';
import { isImportFormat, type ImportFormat } from '../ingest/parser.js';
import type { ImportCommand } from '../services/import/import-service.js';
import type { ImportProgress } from '../services/import/progress.js';
import { fileSource } from '../services/import/sources.js';
import type { ImportSummary } from '../services/import/summary.js';

import { CliError } from './errors.js';

export interface ImportCommandOptions {
  readonly files: readonly string[];
  readonly smartAccount: string;
  readonly name?: string | undefined;
  readonly asOf?: string | undefined;
  readonly format?: string | undefined;
  readonly virtualAccount?: string | undefined;
  readonly dryRun: boolean;
  readonly source?: string | undefined;
  /** Draw a progress bar on stderr (only on a terminal, never in CI or when piped). */
  readonly progress: boolean;
}

/**
 * What `trueup import` needs of the services: the import and the as-of date. The full
 * `Services` fits; the CLI passes only these, so that an import loads the import code path and
 * not the GraphQL, HTTP or export modules.
 */
export interface ImportCommandServices {
  readonly imports: { run(command: ImportCommand): Promise<ImportSummary> };
  readonly position: { asOfOrToday(asOf: string | null | undefined): string };
}

/** `trueup import`: runs the import and renders its summary; exit code 1 when the files had errors. */
export async function importCommand(
  services: ImportCommandServices,
  options: ImportCommandOptions,
): Promise<{ text: string; ok: boolean }> {
  let format: ImportFormat | undefined;
  if (options.format !== undefined) {
    if (!isImportFormat(options.format)) throw new CliError(`unknown format "${options.format}"`);
    format = options.format;
  }
  const summary = await services.imports.run({
    smartAccount: options.smartAccount,
    smartAccountName: options.name,
    asOf: services.position.asOfOrToday(options.asOf),
    virtualAccount: options.virtualAccount,
    dryRun: options.dryRun,
    files: options.files.map((path) => fileSource(path, format)),
    sourceSystem: options.source,
    onProgress: options.progress ? progressBar() : undefined,
  });
  if (options.progress) process.stderr.write('\r\x1b[2K');
  return { text: renderSummary(summary), ok: summary.errorCount === 0 };
}

/** A one-line bar on stderr, redrawn at most every 100 ms: the pass, the share read, rows/s. */
function progressBar() {
  let last = 0;
  return (p: ImportProgress) => {
    const now = Date.now();
    if (now - last < 100 && p.phase !== 'apply') return;
    last = now;
    const share = p.totalBytes ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
    const width = 30;
    const filled = Math.round(share * width);
    const label = { check: 'checking', write: 'importing', apply: 'writing' }[p.phase];
    process.stderr.write(
      `\r\x1b[2K${label} ${p.fileName} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}% pass ${p.pass}/2, ${p.rowsRead.toLocaleString('en-US')} rows, ${p.rowsPerSecond.toLocaleString('en-US')} rows/s`,
    );
  };
}

/** The summary as a person reads it: per file, then totals, then the issues. */
export function renderSummary(summary: ImportSummary): string {
  const lines: string[] = [];
  for (const file of summary.files) {
    lines.push(
      `${file.fileName}: ${file.format}, ${file.rowsRead} records${file.alreadyImported ? ' (already imported; nothing changed)' : ''}`,
    );
  }
  const created = Object.entries(summary.counts.created)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  const updated = Object.entries(summary.counts.updated)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  for (const issue of summary.issues) lines.push(formatIssue(issue));
  for (const join of summary.licenseJoins) lines.push(`${join.file}: warning: ${join.message}`);
  const more = summary.errorCount + summary.warningCount - summary.issues.length;
  if (more > 0) lines.push(`… and ${more} more`);
  if (summary.errorCount > 0) {
    lines.push(
      `${summary.errorCount} error(s), ${summary.warningCount} warning(s): nothing was imported`,
    );
  } else {
    const notUnderstood = summary.counts.created.accountEventsNotUnderstood;
    if (notUnderstood > 0)
      lines.push(`${notUnderstood} Event Log message(s) not understood: kept as OTHER`);
    const verb = summary.dryRun ? 'would create' : 'created';
    const older = summary.counts.skipped.olderAuthorizationCodes;
    const ambiguous = summary.counts.skipped.licenseTagJoinsAmbiguous;
    const skipped =
      (older
        ? `; skipped ${older} SLR authorization code(s) older than the device's latest reservation event (nothing written for them)`
        : '') +
      (ambiguous
        ? `; ${ambiguous} entitlement tag(s) matching several licenses not joined (see above)`
        : '');
    lines.push(
      `${summary.dryRun ? 'dry run: ' : ''}${verb} ${created.join(', ') || 'nothing'}${updated.length ? `; updated ${updated.join(', ')}` : ''}${skipped}; ${summary.warningCount} warning(s)`,
    );
  }
  return lines.join('\n') + '\n';
}
