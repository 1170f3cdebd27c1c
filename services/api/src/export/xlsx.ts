// XLSX export through exceljs's streaming writer (rows are committed as they come, so 100,000 rows do not sit in
// memory as cell objects). Numbers are stored as numbers and booleans as booleans, so Excel can sum and filter.
// No cell styles: exceljs's style bookkeeping doubled the export time, and Excel's General format shows the
// numbers as they are; the header stays in view (frozen) and carries an auto-filter instead.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { IndicatorFact } from '@jixiao/db';
import { EXPORT_COLUMNS } from './columns.ts';

export async function writeXlsx(batches: AsyncIterable<IndicatorFact[]>, out: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('绩效指标', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.label, key: c.key, width: c.width }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  let n = 0;
  for await (const rows of batches) {
    for (const row of rows) sheet.addRow(EXPORT_COLUMNS.map((c) => c.value(row))).commit();
    n += rows.length;
  }
  sheet.commit();
  await workbook.commit();
  return n;
}
