import { stringify } from 'csv-stringify/sync';

import type { OutputFormat } from './formats.js';

export { OUTPUT_FORMATS, type OutputFormat } from './formats.js';

type Row = Readonly<Record<string, string | number | boolean | null>>;

/** Renders rows as an aligned text table (numbers right-aligned), JSON array or CSV with header. */
export function render(
  rows: readonly Row[],
  columns: readonly string[],
  format: OutputFormat,
): string {
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  if (format === 'csv')
    return stringify(
      rows.map((r) => columns.map((c) => r[c] ?? '')),
      { header: true, columns: [...columns] },
    );
  const cells = rows.map((r) => columns.map((c) => String(r[c] ?? '')));
  const widths = columns.map((c, i) =>
    Math.max(c.length, ...cells.map((row) => (row[i] ?? '').length)),
  );
  const numeric = columns.map(
    (c) =>
      rows.length > 0 &&
      rows.every((r) => typeof r[c] === 'number' || /^-?[\d,]+(\.\d+)?$/.test(String(r[c]))),
  );
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return (
    [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') +
    '\n'
  );
}

/** A decimal amount with thousands separators for tables ("1234567.50" → "1,234,567.50"). */
export function grouped(amount: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(amount);
  if (!match) return amount;
  const [, sign = '', whole = '', fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}

/** "1 transfer request", "2 transfer requests". */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
