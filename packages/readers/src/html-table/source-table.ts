// A table as row-structured sources (HTML, and DOCX after its merges are resolved) describe it: each row lists
// the cells that start in it, with spans; a cell holds its lines and any tables nested in it, in order.
// Both the HTML reader and the DOCX reader hand these to toBlocks(), so a form reads the same from either.

/** One piece of a cell's (or a page's) content, in document order. */
export type SourceContent = { kind: 'text'; text: string } | { kind: 'table'; table: SourceTable };

export interface SourceCell {
  rowSpan: number;
  colSpan: number;
  content: SourceContent[];
  /** a slot the source left empty on purpose (DOCX w:gridBefore/w:gridAfter): it takes grid columns, emits no cell */
  placeholder?: boolean;
}

export interface SourceTable {
  /** HTML-style rows: only the cells that start in the row; slots a rowSpan from above covers are skipped */
  rows: SourceCell[][];
}

export function textContent(text: string): SourceContent {
  return { kind: 'text', text };
}

/** Number of real (non-placeholder) cells in a row. */
export function realCells(row: SourceCell[]): SourceCell[] {
  return row.filter((c) => !c.placeholder);
}
