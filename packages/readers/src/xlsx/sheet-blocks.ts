// One worksheet → blocks in reading order. A sheet is a grid already; what it lacks is the page's
// distinction between a title and a table: the title of an exported form is a row of one merged cell above the
// grid, and a person's signature line one below it. Those become paragraphs, as they are in the same form's DOCX
// and PDF, and the rows between become one table. Blank rows separate forms stacked on one sheet.
import * as XLSX from '@e965/xlsx';
import type { Block, Cell, TableBlock, Warning } from '@jixiao/layout';
import { budgetOf, tooManyCells, type Budget } from '../budget.ts';
import { displayedText } from './displayed-text.ts';
import { farCellsWarning, nearRange } from './far-cells.ts';

interface Placed {
  /** indexes into the visible rows and columns */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

export interface SheetBlocks {
  blocks: Block[];
  warnings: Warning[];
}

export function sheetBlocks(ws: XLSX.WorkSheet, name: string, page: number, budget: Budget = budgetOf({}, 'the workbook')): SheetBlocks {
  const warnings: Warning[] = [];
  // the cells the sheet holds, not the range it claims (a <dimension> of A1:XFD1048576 costs a few bytes)
  const range = dataRange(ws, name, page, budget, warnings);
  if (!range) return { blocks: [], warnings };
  const rows = visibleIndexes(range.s.r, range.e.r, (r) => !!ws['!rows']?.[r]?.hidden);
  const cols = visibleIndexes(range.s.c, range.e.c, (c) => !!ws['!cols']?.[c]?.hidden);
  warnHidden(ws, range, rows, cols, name, page, warnings);

  const placed = placeCells(ws, range, rows, cols);
  const blocks: Block[] = [];
  for (const chunk of chunksOf(placed, rows.length)) blocks.push(...chunkBlocks(placed, chunk, page));
  return { blocks, warnings };
}

/**
 * The smallest range holding every cell the sheet stores; merged areas are clipped to it. Over the grid budget,
 * cells far from the rest are left out with a warning when what remains fits (far-cells.ts); else TooManyCells.
 */
function dataRange(ws: XLSX.WorkSheet, name: string, page: number, budget: Budget, warnings: Warning[]): XLSX.Range | null {
  let range: XLSX.Range | null = null;
  for (const key in ws) {
    if (key.startsWith('!')) continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    if (!range) range = { s: { r, c }, e: { r, c } };
    else {
      range.s.r = Math.min(range.s.r, r);
      range.s.c = Math.min(range.s.c, c);
      range.e.r = Math.max(range.e.r, r);
      range.e.c = Math.max(range.e.c, c);
    }
  }
  if (!range || slotsOf(range) <= budget.maxGridSlots) return range;
  const near = nearRange(Object.keys(ws).filter((k) => !k.startsWith('!')).map((ref) => ({ ...XLSX.utils.decode_cell(ref), ref })));
  if (!near || slotsOf(near.range) > budget.maxGridSlots) throw tooManyCells(budget, slotsOf(range));
  const why = `with them the sheet is a grid of ${slotsOf(range).toLocaleString('en')} slots, over the limit of ${budget.maxGridSlots.toLocaleString('en')} (MAX_GRID_SLOTS)`;
  warnings.push(farCellsWarning(name, page, near.far, why));
  return near.range;
}

const slotsOf = (range: XLSX.Range) => (range.e.r - range.s.r + 1) * (range.e.c - range.s.c + 1);

function visibleIndexes(from: number, to: number, hidden: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) if (!hidden(i)) out.push(i);
  return out;
}

/** Every visible slot once: merged areas as one cell anchored at their first visible slot. */
function placeCells(ws: XLSX.WorkSheet, range: XLSX.Range, rows: number[], cols: number[]): Placed[] {
  const rowAt = new Map(rows.map((r, i) => [r, i]));
  const colAt = new Map(cols.map((c, i) => [c, i]));
  const covered = new Set<string>();
  const placed: Placed[] = [];
  for (const merge of ws['!merges'] ?? []) {
    const m = clip(merge, range);
    if (!m) continue;
    const vr = rows.filter((r) => r >= m.s.r && r <= m.e.r);
    const vc = cols.filter((c) => c >= m.s.c && c <= m.e.c);
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) covered.add(`${r},${c}`);
    if (vr.length === 0 || vc.length === 0) continue; // merged area wholly hidden
    // the merged area shows its top-left cell's value even when that row or column is hidden
    const text = displayedText(ws[XLSX.utils.encode_cell(m.s)]);
    placed.push({ row: rowAt.get(vr[0]!)!, col: colAt.get(vc[0]!)!, rowSpan: vr.length, colSpan: vc.length, text });
  }
  for (const r of rows) {
    for (const c of cols) {
      if (covered.has(`${r},${c}`)) continue;
      placed.push({ row: rowAt.get(r)!, col: colAt.get(c)!, rowSpan: 1, colSpan: 1, text: displayedText(ws[XLSX.utils.encode_cell({ r, c })]) });
    }
  }
  return placed.sort((a, b) => a.row - b.row || a.col - b.col);
}

function clip(m: XLSX.Range, to: XLSX.Range): XLSX.Range | null {
  const s = { r: Math.max(m.s.r, to.s.r), c: Math.max(m.s.c, to.s.c) };
  const e = { r: Math.min(m.e.r, to.e.r), c: Math.min(m.e.c, to.e.c) };
  return s.r <= e.r && s.c <= e.c ? { s, e } : null;
}

/** Runs of rows between blank rows that no merged cell crosses. */
function chunksOf(placed: Placed[], rowCount: number): [number, number][] {
  const blank = Array<boolean>(rowCount).fill(true);
  for (const p of placed) {
    if (p.text !== '') for (let r = p.row; r < p.row + p.rowSpan; r++) blank[r] = false;
    // an empty merge over several rows still holds them together (a merged label column left blank)
    if (p.rowSpan > 1 && (p.colSpan > 1 || p.text !== '')) for (let r = p.row; r < p.row + p.rowSpan; r++) blank[r] = false;
  }
  const chunks: [number, number][] = [];
  let start = -1;
  for (let r = 0; r <= rowCount; r++) {
    if (r < rowCount && !blank[r]) {
      if (start < 0) start = r;
    } else if (start >= 0) {
      chunks.push([start, r - 1]);
      start = -1;
    }
  }
  return chunks;
}

function chunkBlocks(placed: Placed[], [first, last]: [number, number], page: number): Block[] {
  const inRows = (p: Placed, a: number, b: number) => p.row >= a && p.row <= b;
  const across = (r: number) => placed.filter((p) => p.row <= r && p.row + p.rowSpan > r);
  const isLine = (r: number) => {
    const here = across(r);
    return here.every((p) => p.rowSpan === 1) && here.filter((p) => p.text !== '').length <= 1;
  };
  // inside the grid, a line merged across every column the chunk uses is either a section row of the table
  // (年度绩效目标1) or text written between two forms on one sheet. The rows of one table share their column
  // edges: when the rows on either side of a run of such lines are ruled differently (neither's edges a subset
  // of the other's), the run lies between two tables.
  const filled = placed.filter((p) => inRows(p, first, last) && p.text !== '');
  const left = filled.reduce((m, p) => Math.min(m, p.col), Infinity);
  const right = filled.reduce((m, p) => Math.max(m, p.col + p.colSpan - 1), -Infinity);
  const isWideLine = (r: number) =>
    isLine(r) && right > left && across(r).some((p) => p.text !== '' && p.col <= left && p.col + p.colSpan - 1 >= right);
  const edges = (r: number) => new Set(across(r).filter((p) => p.col >= left && p.col <= right).map((p) => p.col));
  const subset = (a: Set<number>, b: Set<number>) => [...a].every((x) => b.has(x));
  const between = new Set<number>();
  for (let r = first + 1; r < last; r++) {
    if (!isWideLine(r) || isWideLine(r - 1)) continue;
    let end = r;
    while (end + 1 < last && isWideLine(end + 1)) end++;
    const [above, below] = [edges(r - 1), edges(end + 1)];
    if (!subset(above, below) && !subset(below, above)) for (let x = r; x <= end; x++) between.add(x);
  }
  const betweenTables = (r: number) => between.has(r);

  const paragraph = (r: number): Block[] =>
    placed.filter((p) => p.row === r && p.text !== '').map((p) => ({ type: 'paragraph' as const, text: p.text, page, box: null }));
  const blocks: Block[] = [];
  let r = first;
  while (r <= last) {
    if (isLine(r) && (r === first || betweenTables(r) || blocks.at(-1)?.type === 'paragraph')) {
      // lines above a table (titles), or between two tables
      blocks.push(...paragraph(r++));
      continue;
    }
    // the table runs to the next line between tables; lines at its foot are paragraphs (signatures, notes)
    let end = r;
    while (end < last && !betweenTables(end + 1)) end++;
    let bottom = end;
    while (bottom >= r && isLine(bottom)) bottom--;
    if (bottom >= r) blocks.push(tableOf(placed.filter((p) => inRows(p, r, bottom)), r, bottom, page));
    for (let line = Math.max(bottom + 1, r); line <= end; line++) blocks.push(...paragraph(line));
    r = end + 1;
  }
  return blocks;
}

/** The table over rows top..bottom, trimmed to the columns that hold text. */
function tableOf(placed: Placed[], top: number, bottom: number, page: number): TableBlock {
  const filled = placed.filter((p) => p.text !== '');
  const left = filled.reduce((m, p) => Math.min(m, p.col), Infinity);
  const right = filled.reduce((m, p) => Math.max(m, p.col + p.colSpan - 1), -Infinity);
  const cells: Cell[] = [];
  for (const p of placed) {
    const c0 = Math.max(p.col, left);
    const c1 = Math.min(p.col + p.colSpan - 1, right);
    if (c1 < c0) continue;
    cells.push({ row: p.row - top, col: c0 - left, rowSpan: Math.min(p.rowSpan, bottom - p.row + 1), colSpan: c1 - c0 + 1, text: p.text, page, box: null });
  }
  return { type: 'table', rows: bottom - top + 1, cols: right - left + 1, cells, page, box: null, foundBy: 'structure' };
}

/** One warning per sheet for hidden rows or columns that held text: what a printout would not show. */
function warnHidden(ws: XLSX.WorkSheet, range: XLSX.Range, rows: number[], cols: number[], name: string, page: number, warnings: Warning[]): void {
  const visibleRows = new Set(rows);
  const visibleCols = new Set(cols);
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  for (let r = range.s.r; r <= range.e.r; r++) {
    for (let c = range.s.c; c <= range.e.c; c++) {
      if (displayedText(ws[XLSX.utils.encode_cell({ r, c })]) === '') continue;
      if (!visibleRows.has(r)) hiddenRows.add(r + 1);
      else if (!visibleCols.has(c)) hiddenCols.add(c);
    }
  }
  if (hiddenRows.size > 0)
    warnings.push({ code: 'HiddenRowsSkipped', message: `sheet "${name}": hidden row(s) ${[...hiddenRows].join(', ')} skipped`, page });
  if (hiddenCols.size > 0)
    warnings.push({ code: 'HiddenColumnsSkipped', message: `sheet "${name}": hidden column(s) ${[...hiddenCols].map((c) => XLSX.utils.encode_col(c)).join(', ')} skipped`, page });
}
