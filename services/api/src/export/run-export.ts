// One export in any format, written to a stream: what `jixiao export`, the API and the page's buttons share.
import type { Writable } from 'node:stream';
import { eachIndicator, type Db, type IndicatorFilter } from '@jixiao/db';
import type { ExportFormat } from '../schemas.ts';
import { writeCsv } from './csv.ts';
import { writeJson } from './json.ts';
import { writeXlsx } from './xlsx.ts';

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** Writes the rows and ends `out`; returns how many indicator rows went in. */
export async function exportIndicators(db: Db, filter: IndicatorFilter, format: ExportFormat, out: Writable): Promise<number> {
  const batches = eachIndicator(db, filter);
  const n = format === 'csv' ? await writeCsv(batches, out) : format === 'xlsx' ? await writeXlsx(batches, out) : await writeJson(db, batches, out);
  // exceljs ends the stream itself when it commits the workbook
  if (!out.writableEnded) await new Promise<void>((resolve) => out.end(resolve));
  return n;
}
