// Word's merge marks → HTML-style rows with spans. Word writes every row in full: a vertically merged cell
// appears once per row (w:vMerge restart, then continue), a row may start or end with empty grid columns
// (w:gridBefore/w:gridAfter). The anchor of a vertical merge takes the rows its continues cover, the
// continues disappear, and the empty grid columns become placeholders that take columns but emit no cell.
import type { SourceCell, SourceContent, SourceTable } from '../html-table/index.ts';

export interface RawCell {
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
  hMerge: 'restart' | 'continue' | null;
  content: SourceContent[];
}

export interface RawRow {
  cells: RawCell[];
  gridBefore: number;
  gridAfter: number;
  deleted: boolean;
}

interface Open {
  cell: SourceCell;
  col: number;
  /** last row the merge reaches so far */
  row: number;
}

export function resolveMerges(rows: RawRow[]): SourceTable {
  const out: SourceCell[][] = [];
  // vertical merges still open, by grid column of their anchor
  const open = new Map<number, Open>();
  rows.forEach((raw, r) => {
    const row: SourceCell[] = [];
    if (raw.gridBefore > 0) row.push(placeholder(raw.gridBefore));
    let col = raw.gridBefore;
    for (const cell of joinHorizontal(raw.cells)) {
      const above = open.get(col);
      if (cell.vMerge === 'continue' && above && above.row === r - 1 && above.cell.colSpan === cell.gridSpan) {
        above.cell.rowSpan++;
        above.row = r;
      } else {
        const made: SourceCell = { rowSpan: 1, colSpan: cell.gridSpan, content: cell.content };
        row.push(made);
        // a lone "continue" (nothing to continue) starts a merge of its own, as Word shows it
        if (cell.vMerge) open.set(col, { cell: made, col, row: r });
        else open.delete(col);
      }
      col += cell.gridSpan;
    }
    if (raw.gridAfter > 0) row.push(placeholder(raw.gridAfter));
    out.push(row);
  });
  return { rows: out };
}

/** Legacy horizontal merges (w:hMerge, written by old Word versions): a continue widens the cell before it. */
function joinHorizontal(cells: RawCell[]): RawCell[] {
  const joined: RawCell[] = [];
  for (const cell of cells) {
    const last = joined.at(-1);
    if (cell.hMerge === 'continue' && last && last.hMerge) last.gridSpan += cell.gridSpan;
    else joined.push({ ...cell });
  }
  return joined;
}

function placeholder(colSpan: number): SourceCell {
  return { rowSpan: 1, colSpan, content: [], placeholder: true };
}
