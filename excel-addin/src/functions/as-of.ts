/**
 * A custom function's optional as-of argument: an ISO date string, an Excel date serial number
 * (a cell formatted as a date), or nothing (today, decided by the server).
 */
export function parseAsOf(value: unknown): { asOf?: string } | { error: string } {
  if (value === undefined || value === null || value === '') return {};
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
    // Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29).
    const ms = Date.UTC(1899, 11, 30) + value * 86_400_000;
    return { asOf: new Date(ms).toISOString().slice(0, 10) };
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const parsed = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value)) {
      return { asOf: value };
    }
  }
  return {
    error: `As-of must be a date (YYYY-MM-DD or a date cell), not ${JSON.stringify(value)}.`,
  };
}
