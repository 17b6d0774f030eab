/**
 * The single row an `insert … returning` produced. Drizzle types it as possibly absent (an
 * array); an insert that returns nothing is a broken invariant, so it throws.
 */
export function inserted<T>(rows: readonly T[], what: string): T {
  const [row] = rows;
  if (row === undefined) throw new Error(`inserting ${what} returned no row`);
  return row;
}
