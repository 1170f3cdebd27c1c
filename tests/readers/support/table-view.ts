// Small views over a reader's layout for assertions: the nth table, a cell by its slot, the paragraphs.
import { gridOf, type Block, type Cell, type Layout, type TableBlock } from '@jixiao/layout';

export function tables(layout: Layout): TableBlock[] {
  return layout.blocks.filter((b): b is TableBlock => b.type === 'table');
}

export function paragraphs(layout: Layout): string[] {
  return layout.blocks.filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph').map((b) => b.text);
}

/** The cell covering slot (row, col), as [text, rowSpan, colSpan, anchorRow, anchorCol]; null for an empty slot. */
export function at(table: TableBlock, row: number, col: number): [string, number, number, number, number] | null {
  const cell: Cell | null = gridOf(table)[row]?.[col] ?? null;
  return cell ? [cell.text, cell.rowSpan, cell.colSpan, cell.row, cell.col] : null;
}

/** Block kinds in order, e.g. ['p', 'p', 't', 'p']. */
export function kinds(layout: Layout): string[] {
  return layout.blocks.map((b) => (b.type === 'table' ? 't' : 'p'));
}
