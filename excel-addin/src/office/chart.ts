/** A column chart over a table, replacing the one a previous pull made. */
export async function writeColumnChart(
  context: Excel.RequestContext,
  options: { sheetName: string; tableName: string; chartName: string; title: string },
): Promise<{ syncs: number }> {
  const sheet = context.workbook.worksheets.getItem(options.sheetName);
  const previous = sheet.charts.getItemOrNullObject(options.chartName);
  previous.load('name');
  await context.sync();
  if (!previous.isNullObject) previous.delete();
  const source = context.workbook.tables.getItem(options.tableName).getRange();
  const chart = sheet.charts.add('ColumnClustered', source, 'Columns');
  chart.name = options.chartName;
  chart.title.text = options.title;
  chart.setPosition('E2', 'M20');
  await context.sync();
  return { syncs: 2 };
}
