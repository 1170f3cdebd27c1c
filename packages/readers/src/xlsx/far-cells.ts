// Cells far from the rest of a sheet: a value at XFD1048576 beside a two-screen form. Read, it would make the
// sheet one grid of 17 billion slots (refused whole, form and all) or, past the rows SheetJS is let parse
// (read.ts), it would vanish without a word. Either way the form is still read and the far cells are named in a
// warning: what a person would have to scroll a million rows to find is worth a line, not the whole file.
import * as XLSX from '@e965/xlsx';
import { WarningCode } from '@jixiao/contract';
import type { Warning } from '@jixiao/layout';

/**
 * More empty rows (or columns) than this between a cell and the cells before it make it far. Only looked at when
 * the sheet is over its grid budget; no printed form leaves a gap of 256 empty rows or columns inside itself
 * (256 is also as many columns as a sheet had before Excel 2007).
 */
export const FAR_GAP = 256;

/** Refs named in a warning; the rest are counted. */
const NAMED = 5;

export interface NearRange {
  range: XLSX.Range;
  /** refs of the cells left out, in sheet order */
  far: string[];
}

/**
 * The range of the cells that lie together from the sheet's first cell on (row by row, then column by column,
 * a run ends at a gap of more than FAR_GAP), and the cells outside it.
 */
export function nearRange(cells: { r: number; c: number; ref: string }[]): NearRange | null {
  if (cells.length === 0) return null;
  const rows = runFromFirst(cells.map((x) => x.r));
  const cols = runFromFirst(cells.filter((x) => x.r >= rows.from && x.r <= rows.to).map((x) => x.c));
  const near = (x: { r: number; c: number }) => x.r >= rows.from && x.r <= rows.to && x.c >= cols.from && x.c <= cols.to;
  return {
    range: { s: { r: rows.from, c: cols.from }, e: { r: rows.to, c: cols.to } },
    far: cells.filter((x) => !near(x)).sort((a, b) => a.r - b.r || a.c - b.c).map((x) => x.ref),
  };
}

function runFromFirst(indexes: number[]): { from: number; to: number } {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  let to = sorted[0]!;
  for (const i of sorted.slice(1)) {
    if (i - to - 1 > FAR_GAP) break;
    to = i;
  }
  return { from: sorted[0]!, to };
}

export function farCellsWarning(sheet: string, page: number, refs: string[], why: string): Warning {
  const named = refs.slice(0, NAMED).join(', ') + (refs.length > NAMED ? ` and ${(refs.length - NAMED).toLocaleString('en')} more` : '');
  const count = `${refs.length.toLocaleString('en')} cell${refs.length === 1 ? '' : 's'}`;
  return { code: WarningCode.FarCellsSkipped, message: `sheet "${sheet}": ${count} far from the rest not read (${named}): ${why}`, page };
}

/**
 * Refs of the cells holding a value in rows past `rowCut` (1-based rows SheetJS read), from the sheet's XML as
 * the workbook's package holds it (kept by `bookFiles`, so nothing is inflated twice). SheetJS skips those rows
 * in silence. A cell with only a style (no value) is not counted: nothing of the form is lost with it.
 */
export function valuesPastRowCut(wb: XLSX.WorkBook, sheetIndex: number, rowCut: number): string[] {
  const xml = sheetXml(wb, sheetIndex);
  if (!xml) return [];
  const refs: string[] = [];
  const rowTag = /<(?:\w+:)?row\b([^>]*?)(\/?)>/g;
  let row = 0;
  for (let m = rowTag.exec(xml); m; m = rowTag.exec(xml)) {
    const r = /\br="(\d+)"/.exec(m[1]!);
    row = r ? Number(r[1]) : row + 1;
    if (row <= rowCut || m[2] === '/') continue;
    const end = xml.indexOf('row>', rowTag.lastIndex);
    const body = xml.slice(rowTag.lastIndex, end === -1 ? xml.length : end);
    let column = 0;
    for (const c of body.matchAll(/<(?:\w+:)?c\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const ref = /\br="([A-Z]+)(\d+)"/.exec(c[1]!);
      column = ref ? XLSX.utils.decode_col(ref[1]!) : column + 1;
      if (c[3] && /<(?:\w+:)?(v|is|f)\b/.test(c[3])) refs.push(XLSX.utils.encode_cell({ r: row - 1, c: column }));
    }
    rowTag.lastIndex = end === -1 ? xml.length : end;
  }
  return refs;
}

/** The worksheet part's XML for the sheet at this index, through the workbook's relationships. */
function sheetXml(wb: XLSX.WorkBook, sheetIndex: number): string | null {
  const files = (wb as { files?: unknown }).files;
  const relId = (wb.Workbook?.Sheets?.[sheetIndex] as { id?: string } | undefined)?.id;
  if (!files || !relId) return null;
  const rels = partText(files, 'xl/_rels/workbook.xml.rels');
  if (!rels) return null;
  for (const rel of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    if (new RegExp(`\\bId="${relId}"`).exec(rel[0]) === null) continue;
    const target = /\bTarget="([^"]+)"/.exec(rel[0])?.[1];
    if (!target) return null;
    return partText(files, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return null;
}

/** `bookFiles` gives the package's parts by name (`xl/worksheets/sheet1.xml`), each with its inflated content. */
function partText(files: unknown, path: string): string | null {
  const parts = files as Record<string, { content?: Uint8Array } | undefined>;
  const entry = Object.hasOwn(parts, path) ? parts[path] : null;
  // latin1: the tags and refs are ASCII, and a multi-byte value cannot fake one
  return entry?.content ? Buffer.from(entry.content).toString('latin1') : null;
}
