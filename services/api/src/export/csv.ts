// CSV export: UTF-8 with a byte-order mark, so Excel opens it with the Chinese intact; RFC 4180 quoting.
import type { Writable } from 'node:stream';
import type { IndicatorFact } from '@jixiao/db';
import { EXPORT_COLUMNS } from './columns.ts';

const BOM = '\uFEFF';

function cell(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
  // a leading = + - @ would run as a formula in Excel; the quote keeps the cell text (OWASP CSV injection)
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(): string {
  return BOM + EXPORT_COLUMNS.map((c) => c.key).join(',') + '\r\n';
}

export function csvLines(rows: IndicatorFact[]): string {
  let out = '';
  for (const row of rows) out += EXPORT_COLUMNS.map((c) => cell(c.value(row))).join(',') + '\r\n';
  return out;
}

/** Write every batch to `out` as CSV; returns the number of rows. */
export async function writeCsv(batches: AsyncIterable<IndicatorFact[]>, out: Writable): Promise<number> {
  let n = 0;
  await write(out, csvHeader());
  for await (const rows of batches) {
    await write(out, csvLines(rows));
    n += rows.length;
  }
  return n;
}

function write(out: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = out.write(chunk, (err) => (err ? reject(err) : undefined));
    if (ok) resolve();
    else out.once('drain', resolve);
  });
}
