// A data row read in its header's columns. Where a table's rows share the header's column grid (text
// exports, DOCX, HTML) this changes nothing. A PDF table that runs over pages is joined into one grid whose
// columns are the union of every page's column edges, and each page's table may have its own column widths:
// the same column can start a grid slot further right on a later page, and a cell can span two slots under
// two half-overlapping headers (authored-city-transport form.pdf page 5: `＞` spans the slots of 指标性质 and
// 指标值; seed-000 form.pdf page 10: the 三级指标 cell lies mostly under page 8's 二级指标).
// The columns keep their order, so when a row has as many cells as its header, the k-th cell is under the
// k-th header cell. Otherwise each cell goes under the header cell whose slots it overlaps most.
import type { Box } from '@jixiao/layout';
import type { Row, RowCell } from './rows.ts';

/** A header cell's extent in grid slots (empty header cells included: they are columns too). */
export interface HeaderColumn {
  col: number;
  end: number;
  box: Box | null;
}

/** The distinct cells of a row, left to right, as [first slot, cell]. */
function distinct(row: Row): [number, RowCell][] {
  const out: [number, RowCell][] = [];
  row.cells.forEach((c, col) => {
    if (!c.present) return; // nothing printed there, not even an empty cell
    const last = out[out.length - 1];
    if (last && last[1].start === c.start && c.start !== col) return; // a further slot of the same cell
    out.push([col, c]);
  });
  return out;
}

export function headerColumns(header: Row): HeaderColumn[] {
  return distinct(header).map(([col, c]) => ({ col, end: Math.max(col, c.end), box: c.box }));
}

export function projectRow(row: Row, columns: HeaderColumn[]): RowCell[] {
  const width = Math.max(row.cells.length, ...columns.map((h) => h.end + 1));
  const empty = (c: number): RowCell => ({ text: '', raw: '', anchored: true, box: null, confidence: null, start: c, end: c, rowSpan: 1, present: false });
  const out: RowCell[] = Array.from({ length: width }, (_, c) => empty(c));
  const cells = distinct(row);
  if (cells.length === columns.length) {
    cells.forEach(([, cell], k) => {
      out[columns[k]!.col] = cell;
    });
    return out;
  }
  const byCol = new Map(columns.map((h) => [h.col, h]));
  const moved: [RowCell, number][] = [];
  for (const [c, cell] of cells) {
    if (cell.text === '') continue;
    const own = byCol.get(c);
    if (cell.start !== c || (own && cell.end <= own.end)) {
      out[c] = cell;
      continue;
    }
    let best = c;
    let bestOverlap = 0;
    for (const h of columns) {
      // slots shared, with the share of the cell's width under the header's box breaking ties
      const slots = Math.min(cell.end, h.end) - Math.max(c, h.col) + 1;
      if (slots <= 0) continue;
      const o = slots + 0.5 * boxShare(cell.box, h.box);
      if (o > bestOverlap) [best, bestOverlap] = [h.col, o];
    }
    moved.push([cell, best]);
  }
  // a moved cell goes where it belongs unless a cell printed there already claims the slot
  for (const [cell, col] of moved) {
    if (out[col]!.text === '') out[col] = cell;
    else if (out[cell.start]!.text === '') out[cell.start] = cell;
  }
  return out;
}

/**
 * A total row whose label lost its merge: a one-cell-per-line export (seeds 001/002) prints a cell merged
 * across columns once and drops the slots it covered, so `合计` over six columns is followed at once by the
 * values of the columns right of it — `合计 | 100 | 98.6 | | `. The row then prints fewer cells than its
 * header, all of them in its first slots; the cells after the label are the header's last columns, in order.
 * Null where the row is not such a row (it has the header's width, or the label itself spans its slots).
 */
export function rightAlignedRow(row: Row, columns: HeaderColumn[]): RowCell[] | null {
  const cells = distinct(row);
  const lastColumn = columns[columns.length - 1];
  if (cells.length < 2 || cells.length >= columns.length || !lastColumn) return null;
  const [labelAt, label] = cells[0]!;
  if (labelAt !== 0 || label.end !== label.start) return null;
  // every cell sits in its own slot right after the one before: nothing was spread out under the header
  if (cells.some(([c, cell], k) => c !== k || cell.start !== cell.end)) return null;
  const out: RowCell[] = row.cells.map((c) => ({ ...c, text: '', raw: '', present: false }));
  while (out.length <= lastColumn.end) out.push({ ...label, text: '', raw: '', present: false, start: out.length, end: out.length });
  out[0] = label;
  const first = columns.length - (cells.length - 1);
  cells.slice(1).forEach(([, cell], k) => {
    out[columns[first + k]!.col] = cell;
  });
  return out;
}

function boxShare(a: Box | null, b: Box | null): number {
  if (!a || !b || a.x1 <= a.x0) return 0;
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) / (a.x1 - a.x0);
}
