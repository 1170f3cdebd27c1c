// The layout flattened into one stream of rows, whatever the format: a paragraph is a row of one cell,
// a table gives one row per grid row. Text exports print a merged cell on its first row only (later rows
// hold empty cells); DOCX/HTML/PDF give one cell spanning rows. Both end up the same here: a slot covered
// by a cell anchored on an earlier row is marked `carried`, so headers and labels are read from anchored
// cells only while indicator levels take the carried text like an empty cell takes the row above's.
import type { Box, Cell, Layout } from '@jixiao/layout';
import { gridOf, unionBox } from '@jixiao/layout';
import { cleanText } from './clean-text.ts';

export interface RowCell {
  text: string;
  /** the text as the layout gave it (line breaks kept), for cleaners that need them */
  raw: string;
  /** false where the slot is covered by a cell that starts on an earlier row or further left */
  anchored: boolean;
  box: Box | null;
  confidence: number | null;
  /** the grid columns the covering cell spans (start..end inclusive); a lone slot spans itself */
  start: number;
  end: number;
  /** rows the covering cell spans (1 for an ordinary cell) */
  rowSpan: number;
  /** false for a slot no cell covers (past the end of a short row) */
  present: boolean;
}

export interface Row {
  cells: RowCell[];
  /** index of the table block this row came from, or null for a paragraph */
  table: number | null;
  page: number | null;
  box: Box | null;
}

export function layoutRows(layout: Layout): Row[] {
  const rows: Row[] = [];
  layout.blocks.forEach((block, b) => {
    if (block.type === 'paragraph') {
      const text = cleanText(block.text);
      if (text) rows.push({ cells: [{ text, raw: block.text, anchored: true, box: block.box, confidence: null, start: 0, end: 0, rowSpan: 1, present: true }], table: null, page: block.page, box: block.box });
      return;
    }
    const grid = gridOf(block);
    grid.forEach((slots, r) => {
      const cells: RowCell[] = slots.map((cell: Cell | null, c) => {
        if (!cell) return { text: '', raw: '', anchored: true, box: null, confidence: null, start: c, end: c, rowSpan: 1, present: false };
        const anchoredHere = cell.row === r && cell.col === c;
        const sameRow = cell.row === r;
        // a column-spanning cell is read once, at its first column
        const text = !sameRow || anchoredHere ? cleanText(cell.text) : '';
        return {
          text, raw: text ? cell.text : '', anchored: anchoredHere, box: cell.box, confidence: cell.confidence ?? null,
          start: cell.col, end: cell.col + cell.colSpan - 1, rowSpan: cell.rowSpan, present: true,
        };
      });
      // the same row's column-span slots are not "carried": they are empty parts of this row's cell
      slots.forEach((cell, c) => {
        if (cell && cell.row === r && cell.col !== c) cells[c]!.anchored = true;
      });
      const page = slots.find((c) => c && c.row === r)?.page ?? block.page;
      rows.push({ cells, table: b, page: page ?? null, box: null });
    });
  });
  return rows;
}

export function texts(row: Row): string[] {
  return row.cells.map((c) => c.text);
}

/** Anchored non-empty cells, left to right. */
export function filled(row: Row): { col: number; text: string }[] {
  return row.cells.flatMap((c, col) => (c.anchored && c.text !== '' ? [{ col, text: c.text }] : []));
}

/** Where a row is printed: its own cells, not the merged cells it shares with the rows above. */
export function rowBox(row: Row): Box | null {
  const own = row.cells.filter((c) => c.anchored && c.text !== '');
  const single = own.filter((c) => c.rowSpan === 1);
  return unionBox((single.length ? single : own).map((c) => c.box));
}
