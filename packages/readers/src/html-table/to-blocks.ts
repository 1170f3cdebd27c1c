// Source content (paragraph lines and row-structured tables, in document order) → layout blocks.
// Nested tables, three ways:
// - a wrapper table (one cell per row; saved web pages and some Word templates position the page with one)
//   is unwrapped, so what it holds reads as if it stood alone;
// - a nested table with a real grid (≥ 2 rows and ≥ 3 columns: a goals or indicator table inside a form's
//   cell), or one holding such a grid deeper down, is lifted out and follows its outer table as a table of
//   its own, so its columns survive;
// - a smaller nested table is flattened into its cell's text, one line per nested row.
// The last two warn: the outer table no longer shows exactly what the page drew.
import { tableFromRows, type Block, type CellInput, type GridLimit, type TableBlock, type Warning } from '@jixiao/layout';
import { realCells, type SourceCell, type SourceContent, type SourceTable } from './source-table.ts';

export interface BlocksResult {
  blocks: Block[];
  warnings: Warning[];
}

const LIFT_MIN_ROWS = 2;
const LIFT_MIN_COLS = 3;

export function toBlocks(content: SourceContent[], limit?: GridLimit): BlocksResult {
  const blocks: Block[] = [];
  const warnings: Warning[] = [];
  emit(content, blocks, warnings, limit);
  return { blocks, warnings };
}

function emit(content: SourceContent[], blocks: Block[], warnings: Warning[], limit: GridLimit | undefined): void {
  for (const part of content) {
    if (part.kind === 'text') {
      for (const line of part.text.split('\n')) if (line.trim() !== '') blocks.push({ type: 'paragraph', text: line, page: null, box: null });
    } else if (isWrapper(part.table)) {
      for (const row of part.table.rows) for (const cell of realCells(row)) emit(cell.content, blocks, warnings, limit);
    } else {
      const lifted: SourceTable[] = [];
      const table = toTable(part.table, warnings, lifted, limit);
      if (table) blocks.push(table);
      emit(lifted.map((t) => ({ kind: 'table', table: t })), blocks, warnings, limit);
    }
  }
}

/** A table whose rows each hold one real cell and which nests a table: it only positions what is inside it. */
function isWrapper(table: SourceTable): boolean {
  const rows = table.rows.filter((r) => realCells(r).length > 0);
  if (rows.length === 0) return false;
  const oneCellPerRow = rows.every((r) => realCells(r).length === 1);
  const nests = rows.some((r) => realCells(r)[0]!.content.some((p) => p.kind === 'table'));
  return oneCellPerRow && nests;
}

function isGrid(table: SourceTable): boolean {
  const rows = table.rows.filter((r) => realCells(r).length > 0);
  const cols = table.rows.reduce((most, r) => Math.max(most, r.reduce((n, c) => n + c.colSpan, 0)), 0);
  return rows.length >= LIFT_MIN_ROWS && cols >= LIFT_MIN_COLS;
}

/** A grid, or a table holding one at any depth (old web pages nest layout tables three or four deep). */
function holdsGrid(table: SourceTable): boolean {
  return isGrid(table) || table.rows.some((r) => r.some((c) => c.content.some((p) => p.kind === 'table' && holdsGrid(p.table))));
}

/**
 * Builds the grid (HTML table algorithm via tableFromRows), dropping placeholders; null for a table with no
 * cells. Nested tables with a real grid are pushed onto `lifted` (when given) instead of into the cell text.
 */
export function toTable(source: SourceTable, warnings: Warning[], lifted?: SourceTable[], limit?: GridLimit): TableBlock | null {
  const inputs: CellInput[][] = [];
  const kept: boolean[] = [];
  let flattened = 0;
  let liftedHere = 0;
  for (const row of source.rows) {
    inputs.push(
      row.map((cell) => {
        kept.push(!cell.placeholder);
        const content = cell.content.filter((p) => {
          if (p.kind !== 'table') return true;
          if (lifted && holdsGrid(p.table)) {
            lifted.push(p.table);
            liftedHere++;
            return false;
          }
          flattened++;
          return true;
        });
        return { text: cellText({ ...cell, content }), rowSpan: cell.rowSpan, colSpan: cell.colSpan };
      }),
    );
  }
  if (!kept.some(Boolean)) return null;
  const table: TableBlock = { ...tableFromRows(inputs, null, null, limit), foundBy: 'structure' };
  // tableFromRows returns one cell per input, in input order
  table.cells = table.cells.filter((_, i) => kept[i]);
  if (flattened > 0)
    warnings.push({ code: 'NestedTable', message: `${flattened} small table(s) nested inside table cells were flattened into the cell text, one line per nested row`, page: null });
  if (liftedHere > 0)
    warnings.push({ code: 'NestedTable', message: `${liftedHere} table(s) nested inside table cells were lifted out and follow their outer table`, page: null });
  return table;
}

/** The cell's lines joined with '\n'; a nested table contributes one line per row, its cells joined by a space. */
export function cellText(cell: SourceCell): string {
  return contentLines(cell.content).join('\n');
}

function contentLines(content: SourceContent[]): string[] {
  const lines: string[] = [];
  for (const part of content) {
    if (part.kind === 'text') for (const line of part.text.split('\n')) lines.push(line);
    else
      for (const row of part.table.rows) {
        lines.push(
          realCells(row)
            .map((c) => contentLines(c.content).join(' '))
            .filter((t) => t.trim() !== '')
            .join(' '),
        );
      }
  }
  return lines.map((l) => l.trim()).filter((l) => l !== '');
}
