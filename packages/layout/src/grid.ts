// Helpers over table grids: the slot view (every slot a span covers points at its cell) and a builder.
import type { Box, Cell, TableBlock } from './model.ts';

/** slots[r][c] = the cell covering that slot, or null where the source had nothing. */
export function gridOf(table: TableBlock): (Cell | null)[][] {
  const slots: (Cell | null)[][] = Array.from({ length: table.rows }, () => Array<Cell | null>(table.cols).fill(null));
  for (const cell of table.cells) {
    for (let r = cell.row; r < Math.min(table.rows, cell.row + cell.rowSpan); r++) {
      for (let c = cell.col; c < Math.min(table.cols, cell.col + cell.colSpan); c++) slots[r]![c] = cell;
    }
  }
  return slots;
}

/** Cells anchored on row r, left to right. */
export function rowCells(table: TableBlock, r: number): Cell[] {
  return table.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
}

export interface CellInput {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  page?: number | null;
  box?: Box | null;
  confidence?: number;
}

/**
 * Builds a table from rows of cells as HTML lays them out: each row lists only the cells that start in it,
 * and slots already covered by a rowSpan from above are skipped (the HTML table algorithm).
 */
export function tableFromRows(rows: CellInput[][], page: number | null = null, box: Box | null = null, limit: GridLimit = NO_GRID_LIMIT): TableBlock {
  const taken: boolean[][] = [];
  const cells: Cell[] = [];
  let cols = 0;
  // slots the spans fill, counted before they are filled: colspan=1000 rowspan=65534 is a few bytes of HTML
  let slots = 0;
  rows.forEach((row, r) => {
    taken[r] ??= [];
    let c = 0;
    for (const input of row) {
      while (taken[r]![c]) c++;
      // a rowSpan past the last row the source gave is clipped before it takes slots
      const rowSpan = Math.min(Math.max(1, input.rowSpan ?? 1), rows.length - r);
      const colSpan = Math.max(1, input.colSpan ?? 1);
      slots += rowSpan * colSpan;
      if (slots > limit.maxSlots || (c + colSpan) * rows.length > limit.maxSlots) throw limit.exceeded(Math.max(slots, (c + colSpan) * rows.length));
      for (let dr = 0; dr < rowSpan; dr++) {
        taken[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) taken[r + dr]![c + dc] = true;
      }
      const cell: Cell = { row: r, col: c, rowSpan, colSpan, text: input.text, page: input.page ?? page, box: input.box ?? null };
      if (input.confidence !== undefined) cell.confidence = input.confidence;
      cells.push(cell);
      c += colSpan;
      cols = Math.max(cols, c);
    }
  });
  return { type: 'table', rows: rows.length, cols, cells, page, box };
}

/** How many slots (rows × columns after spans) a table may take, and the error past it. */
export interface GridLimit {
  maxSlots: number;
  exceeded(slots: number): Error;
}

const NO_GRID_LIMIT: GridLimit = { maxSlots: Infinity, exceeded: () => new Error('unreachable') };

/** Joins boxes (null-safe). */
export function unionBox(boxes: (Box | null | undefined)[]): Box | null {
  const real = boxes.filter((b): b is Box => !!b);
  if (real.length === 0) return null;
  return {
    x0: Math.min(...real.map((b) => b.x0)),
    y0: Math.min(...real.map((b) => b.y0)),
    x1: Math.max(...real.map((b) => b.x1)),
    y1: Math.max(...real.map((b) => b.y1)),
  };
}
