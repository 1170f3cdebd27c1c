// buildTables: ruling segments + positioned text on one page → ruled tables with spans, and the text left
// outside them. Free of pdf.js: the PDF reader passes vector rules, the OCR reader rules found in pixels.
import type { Box, Cell, TableBlock } from '@jixiao/layout';
import { regionsOf } from './regions.ts';
import { gridOfRegion, intervalOf, type Grid } from './ruled-grid.ts';
import { rulesOf } from './rules.ts';
import { rememberLines, tablePadding, textOfCell } from './cell-text.ts';
import { commaSpacing, linesOf } from './text-lines.ts';
import type { GridOptions, Segment, TextItem } from './types.ts';
import { defaultGridOptions } from './types.ts';

export interface BuiltTables {
  tables: TableBlock[];
  /** text outside every table, in no particular order */
  rest: TextItem[];
}

const CJK_WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;

/**
 * An item that runs across a cell wall (pdf.js joins runs separated by less than ~0.6em, so two cells'
 * texts can arrive as one item) is cut at the walls, its characters placed by estimated advance widths.
 */
function splitAcrossWalls(item: TextItem, grid: Grid): TextItem[] {
  const { x0, x1 } = item.box;
  const walls = grid.xs.filter((x) => x > x0 + 1 && x < x1 - 1);
  if (walls.length === 0 || item.text.length < 2) return [item];
  const chars = [...item.text];
  const weights = chars.map((ch) => (CJK_WIDE.test(ch) ? 1 : 0.55));
  const total = weights.reduce((a, b) => a + b, 0);
  const pieces: TextItem[] = [];
  let at = x0;
  let current: { text: string; x0: number; x1: number; slot: number } | null = null;
  chars.forEach((ch, i) => {
    const w = ((x1 - x0) * weights[i]!) / total;
    const slot = intervalOf(grid.xs, at + w / 2);
    if (!current || current.slot !== slot) {
      if (current) pieces.push({ ...item, text: current.text, box: { ...item.box, x0: current.x0, x1: current.x1 } });
      current = { text: '', x0: at, x1: at, slot };
    }
    current.text += ch;
    current.x1 = at + w;
    at += w;
  });
  if (current) {
    const last = current as { text: string; x0: number; x1: number };
    pieces.push({ ...item, text: last.text, box: { ...item.box, x0: last.x0, x1: last.x1 } });
  }
  return pieces.filter((p) => p.text.trim() !== '');
}

function tableOf(grid: Grid, items: TextItem[], page: number | null, text: { spaceAfterComma: boolean; authorBreaks: boolean }): TableBlock {
  const inCell: TextItem[][] = grid.cells.map(() => []);
  for (const item of items) {
    for (const piece of splitAcrossWalls(item, grid)) {
      const r = intervalOf(grid.ys, (piece.box.y0 + piece.box.y1) / 2);
      const c = intervalOf(grid.xs, (piece.box.x0 + piece.box.x1) / 2);
      if (r >= 0 && c >= 0) inCell[grid.slots[r]![c]!]!.push(piece);
    }
  }
  const lined = grid.cells.map((g, i) => ({ lines: linesOf(inCell[i]!), box: g.box }));
  const padding = tablePadding(lined);
  const cells: Cell[] = grid.cells.map((g, i) => {
    const cellItems = inCell[i]!;
    const own = { lines: lined[i]!.lines, padding };
    const cell: Cell = { row: g.row, col: g.col, rowSpan: g.rowSpan, colSpan: g.colSpan, text: textOfCell(own, text.authorBreaks ? g.box : null, text.spaceAfterComma), page, box: g.box };
    rememberLines(cell, own);
    const confidences = cellItems.map((t) => t.confidence).filter((c): c is number => c !== undefined);
    if (confidences.length) cell.confidence = Math.min(...confidences);
    return cell;
  });
  const box: Box = { x0: grid.xs[0]!, y0: grid.ys[0]!, x1: grid.xs[grid.xs.length - 1]!, y1: grid.ys[grid.ys.length - 1]! };
  return { type: 'table', rows: grid.ys.length - 1, cols: grid.xs.length - 1, cells, page, box, foundBy: 'rules' };
}

const inside = (item: TextItem, b: Box, tol: number) => {
  const cx = (item.box.x0 + item.box.x1) / 2;
  const cy = (item.box.y0 + item.box.y1) / 2;
  return cx >= b.x0 - tol && cx <= b.x1 + tol && cy >= b.y0 - tol && cy <= b.y1 + tol;
};

export function buildTables(segments: Segment[], items: TextItem[], page: number | null, options: GridOptions = {}): BuiltTables {
  const opts = { ...defaultGridOptions, ...options };
  const regions = regionsOf(rulesOf(segments, opts), Math.max(opts.snap, opts.bridgeGap));
  const tables: TableBlock[] = [];
  let rest = items;
  if (regions.length === 0) return { tables, rest };
  const spaceAfterComma = commaSpacing(linesOf(items));
  for (const region of regions) {
    const grid = gridOfRegion(region, opts);
    // a single framed box (a bordered title or note) is not a table
    if (!grid || grid.cells.length < 2) continue;
    const box = { x0: grid.xs[0]!, y0: grid.ys[0]!, x1: grid.xs[grid.xs.length - 1]!, y1: grid.ys[grid.ys.length - 1]! };
    const mine = rest.filter((i) => inside(i, box, 0));
    rest = rest.filter((i) => !inside(i, box, 0));
    tables.push(tableOf(grid, mine, page, { spaceAfterComma, authorBreaks: opts.authorBreaks }));
  }
  return { tables, rest };
}
