// A table that runs over a page break arrives as one table per page. When a page ends in a table and the
// next page starts with a table of the same width, they are one table: the repeated header rows on the
// later page are dropped, a merged cell that the break cut in two (its lower part empty) is one cell again,
// and a row the break split (LibreOffice lets rows break across pages) is one row again.
import type { Block, Cell, TableBlock } from '@jixiao/layout';
import { clusterPositions } from './rules.ts';
import { carryLines, endsFull, linesOfCell } from './cell-text.ts';
import { joinPieces } from './text-lines.ts';

const EDGE_TOLERANCE = 4;

const norm = (s: string) => s.replace(/\s+/g, '');

/** Each row's cell texts, in column order, as one key per row (cells grouped once: tables grow long). */
function rowKeys(table: TableBlock, rows: number): string[] {
  const byRow: Cell[][] = Array.from({ length: rows }, () => []);
  for (const c of table.cells) if (c.row < rows) byRow[c.row]!.push(c);
  return byRow.map((cells) =>
    cells
      .sort((a, b) => a.col - b.col)
      .map((c) => norm(c.text))
      .join('|'),
  );
}

/** How many leading rows of `next` repeat a run of rows of `prev` (a header printed again on the new page). */
function repeatedHeaderRows(prev: TableBlock, next: TableBlock): number {
  const prevKeys = rowKeys(prev, prev.rows);
  const nextKeys = rowKeys(next, Math.min(4, next.rows - 1));
  for (let k = nextKeys.length; k >= 1; k--) {
    const head = nextKeys.slice(0, k);
    if (head.every((h) => h.replace(/\|/g, '') === '')) continue;
    for (let j = 0; j + k <= prev.rows; j++) if (head.every((h, i) => h === prevKeys[j + i])) return k;
  }
  return 0;
}

function sameWidth(a: TableBlock, b: TableBlock): boolean {
  if (!a.box || !b.box) return false;
  return Math.abs(a.box.x0 - b.box.x0) <= EDGE_TOLERANCE && Math.abs(a.box.x1 - b.box.x1) <= EDGE_TOLERANCE;
}

/** Column boundaries of a table from its cells' boxes. */
const columnEdges = (t: TableBlock) => t.cells.flatMap((c) => (c.box ? [c.box.x0, c.box.x1] : []));

const lastPageOf = (t: TableBlock) => t.cells.reduce((m, c) => Math.max(m, c.page ?? 0), 0);

function distinctPositions(values: number[]): number[] {
  const rep = clusterPositions(values, EDGE_TOLERANCE);
  return [...new Set(values.map((v) => rep.get(v)!))].sort((a, b) => a - b);
}

/** The column boundaries a table joined from parts was laid on; a one-page table's come from its cells. */
const columnCache = new WeakMap<TableBlock, number[]>();
const columnsOf = (t: TableBlock) => columnCache.get(t) ?? distinctPositions(columnEdges(t));

function nearestIndex(sorted: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < sorted.length; i++) if (Math.abs(sorted[i]! - x) < Math.abs(sorted[best]! - x)) best = i;
  return best;
}

/** The cell of `cells` covering row `row` with exactly this column range. */
const coverOf = (cells: Cell[], row: number, col: number, colSpan: number) =>
  cells.find((u) => u.col === col && u.colSpan === colSpan && u.row <= row && row < u.row + u.rowSpan);

/**
 * Is the first row after the break the rest of the row before it (LibreOffice lets a row break across pages)?
 * Only where the earlier part reaches the foot of the page body (within about a line: a row breaks between
 * lines) and the two rows have the same cells. Where a cell has text on both sides of the break, the upper
 * part's last line decides: filled to the cell's edge, the text runs on; ended short, it was complete and the
 * lower text starts a new row (seed-003's `3.救助资金足额兑现率` / `4.困难人员信息准确率` beside merged cells).
 * Without such a cell, the lower part is mostly empty where the upper part has text: short single-row cells
 * such as 序号, 分值 or 得分 end on the first page, and only long texts run on.
 */
function splitRow(prev: Cell[], lastRow: number, first: Cell[], prevBottom: number, bodyBottom: number): boolean {
  if (first.length === 0 || prevBottom < bodyBottom - SPLIT_TOLERANCE) return false;
  const uppers = first.map((c) => coverOf(prev, lastRow, c.col, c.colSpan));
  if (uppers.some((u) => !u)) return false;
  const hasText = (c: Cell) => c.text.trim() !== '';
  const both = first.flatMap((c, i) => (hasText(c) && hasText(uppers[i]!) ? [[uppers[i]!, c] as const] : []));
  const judged = both.filter(([upper, lower]) => linesOfCell(upper) && linesOfCell(lower) && upper.box);
  if (judged.length > 0) return judged.every(([upper, lower]) => endsFull(linesOfCell(upper)!, upper.box!, linesOfCell(lower)!.lines[0]));
  const filled = first.filter(hasText).length;
  const endedAbove = first.filter((c, i) => !hasText(c) && uppers[i]!.row === lastRow && uppers[i]!.rowSpan === 1 && hasText(uppers[i]!)).length;
  return endedAbove > 0 && endedAbove >= filled;
}

/** How far above the lowest block on any page a split row's upper part may end (about two lines). */
const SPLIT_TOLERANCE = 24;

function joinTwo(prev: TableBlock, next: TableBlock, bodyBottom: number): TableBlock {
  const drop = repeatedHeaderRows(prev, next);
  // one set of column boundaries for both parts: a column split on one page only becomes a span on the other
  const xs = distinctPositions([...columnsOf(prev), ...columnEdges(next)]);
  const colOf = (x: number) => nearestIndex(xs, x);
  const regrid = (c: Cell, rowOffset: number): Cell => {
    if (!c.box) return carryLines(c, { ...c, row: c.row + rowOffset });
    const col = colOf(c.box.x0);
    return carryLines(c, { ...c, row: c.row + rowOffset, col, colSpan: Math.max(1, colOf(c.box.x1) - col) });
  };
  // the table so far keeps its cells where no column was added (copying them on every page would make
  // joining a long table quadratic)
  const inPlace = prev.cells.every((c) => !c.box || (colOf(c.box.x0) === c.col && colOf(c.box.x1) - c.col === c.colSpan));
  const cells = inPlace ? [...prev.cells] : prev.cells.map((c) => regrid(c, 0));
  const lastRow = prev.rows - 1;
  const firstRow = next.cells.filter((c) => c.row === drop).map((c) => regrid(c, 0));
  const lastPage = lastPageOf(prev);
  const prevBottom = prev.cells.reduce((m, c) => (c.page === lastPage ? Math.max(m, c.box?.y1 ?? 0) : m), 0);
  const split = splitRow(cells, lastRow, firstRow, prevBottom, bodyBottom);
  // a split row's lower part folds into the row above, so the rows after it move up one more
  const offset = prev.rows - drop - (split ? 1 : 0);
  for (const c of next.cells) {
    if (c.row < drop) continue;
    const moved = regrid(c, offset);
    if (split && c.row === drop) {
      const upper = coverOf(cells, lastRow, moved.col, moved.colSpan)!;
      upper.text = joinPieces(upper.text, moved.text);
      upper.rowSpan += moved.rowSpan - 1;
      continue;
    }
    if (moved.row === prev.rows && moved.text.trim() === '') {
      // the lower part of a merged cell cut by the page break: grow the upper part instead
      const upper = cells.find((u) => u.col === moved.col && u.colSpan === moved.colSpan && u.row + u.rowSpan - 1 === lastRow);
      if (upper && upper.text.trim() !== '' && (upper.rowSpan > 1 || moved.rowSpan > 1)) {
        upper.rowSpan += moved.rowSpan;
        continue;
      }
    }
    cells.push(moved);
  }
  const joined: TableBlock = { ...prev, rows: prev.rows + next.rows - drop - (split ? 1 : 0), cols: xs.length - 1, cells };
  columnCache.set(joined, xs);
  return joined;
}

/** Joins tables continued across page breaks; `blocks` are in reading order with their pages set. */
export function joinPageTables(blocks: Block[]): Block[] {
  // the page body's lower edge: the lowest any block reaches (headers and footers are gone by now)
  const bodyBottom = Math.max(0, ...blocks.map((b) => b.box?.y1 ?? 0));
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    const lastPage = prev && prev.type === 'table' ? lastPageOf(prev) : 0;
    if (prev?.type === 'table' && block.type === 'table' && block.page === lastPage + 1 && sameWidth(prev, block)) {
      out[out.length - 1] = joinTwo(prev, block, bodyBottom);
    } else out.push(block);
  }
  return out;
}
