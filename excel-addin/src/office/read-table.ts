import type { Scalar } from './cells.js';

/** A table's header and rows as values, in one read (one sync). Null when there is no table. */
export async function readTable(
  context: Excel.RequestContext,
  tableName: string,
): Promise<Scalar[][] | null> {
  const table = context.workbook.tables.getItemOrNullObject(tableName);
  table.load('name');
  await context.sync();
  if (table.isNullObject) return null;
  const range = table.getRange().load('values');
  await context.sync();
  return range.values as Scalar[][];
}
