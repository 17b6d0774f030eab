import type { CaseResult } from './types.js';

function formatNumber(value: number | null, unit = ''): string {
  if (value === null) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', { maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

/** One markdown table (also what the README's Performance section shows). */
export function resultsTable(results: readonly CaseResult[]): string {
  const header = ['case', 'measured (median)', 'floor (median)', 'ratio', 'goal', 'met'];
  const rows = results.map((result) =>
    result.status === 'ok'
      ? [
          result.name,
          `${formatNumber(result.value, result.unit)} — ${result.metric}`,
          `${formatNumber(result.floor, result.unit)} — ${result.floorMetric}`,
          result.ratio === null ? '—' : `${formatNumber(result.ratio)}×`,
          result.goal,
          result.meetsGoal === null ? '—' : result.meetsGoal ? 'yes' : 'no',
        ]
      : [result.name, `${result.status}: ${result.note ?? ''}`, '', '', '', ''],
  );
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The secondary figures of each case (latencies, RSS, counts), one line per case. */
export function detailLines(results: readonly CaseResult[]): string {
  return results
    .filter((result) => result.details)
    .map(
      (result) =>
        `- ${result.name}: ${Object.entries(result.details ?? {})
          .map(
            ([key, value]) =>
              `${key} ${typeof value === 'number' ? formatNumber(value) : String(value)}`,
          )
          .join(', ')}`,
    )
    .join('\n');
}
