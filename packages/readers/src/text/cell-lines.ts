// Style (c): one cell per line. A line starting with a tab begins a cell; a line without one continues
// the cell above (even after a blank line: seed 001 lines 237-243 wrap one cell over blank-separated
// paragraphs). A blank line usually ends the row, but a cell holding an empty trailing paragraph also
// leaves a blank line (seed 002: `⇥产出指标` ⏎ ⏎ `⇥数量指标` is one row). The two are told apart by
// the row lengths: a short row whose next blank-separated group makes up exactly the previous row's
// length is one row. An empty cell never holds such a paragraph, so a blank after one ends the row: a
// total row whose label lost its merge (`⇥分总 ⇥100 ⇥98.7 ⇥` ⏎⏎ `⇥自评等级 ⇥优`) is short of the rows
// above, and its grade row would otherwise make up the difference by chance.
import { lineKind } from './line-kind.ts';

export interface CellRowsResult {
  rows: string[][];
  /** index of the first line not consumed */
  next: number;
}

/** Reads a one-cell-per-line table starting at lines[start] (a 'cell' line). */
export function readCellRows(lines: string[], start: number): CellRowsResult {
  const rows: string[][] = [];
  let row: string[] = [];
  let sawBlank = false;
  let blanks = 0;
  let i = start;
  const prevLen = (): number => (rows.length ? rows[rows.length - 1]!.length : 0);
  const endRow = (): void => {
    if (row.length) rows.push(row);
    row = [];
  };
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const kind = lineKind(line);
    if (kind === 'blank') {
      sawBlank = true;
      blanks++;
      continue;
    }
    if (kind === 'row') break;
    if (kind === 'cell') {
      if (sawBlank && !continuesAfterBlank(row, prevLen(), lines, i)) endRow();
      row.push(line.slice(1));
      sawBlank = false;
      blanks = 0;
      continue;
    }
    if (row.length === 0 || (sawBlank && !textContinuesCell(row, prevLen(), blanks)) || (sawBlank && isFormTitle(line))) break;
    // a blank line inside a cell is a paragraph break, kept as an empty line
    const sep = sawBlank ? '\n\n' : '\n';
    row[row.length - 1] = row[row.length - 1] === '' ? line : `${row[row.length - 1]}${sep}${line}`;
    sawBlank = false;
    blanks = 0;
  }
  endRow();
  // give back trailing blank lines so the caller sees paragraph boundaries
  return { rows, next: i };
}

/** After a blank line: does the row go on (a cell with an empty last paragraph) or is it finished? */
function continuesAfterBlank(row: string[], prevLen: number, lines: string[], i: number): boolean {
  const rowLen = row.length;
  // an empty first cell is a merged label column: it only ever opens a row (seed 002's goal rows)
  if (lines[i]!.slice(1).trim() === '') return false;
  // the blank follows an empty cell: no paragraph of it, the row's end
  if (rowLen > 0 && row[rowLen - 1]!.trim() === '') return false;
  return rowLen > 0 && prevLen > 0 && rowLen < prevLen && rowLen + groupCellCount(lines, i) === prevLen;
}

/**
 * After blank lines, does a tab-less line still belong to the cell above? Only while the row is short of
 * the previous row's length: a row as long as the one above is finished, and the line is a heading or a
 * note under the table (seed 003's `⇥合计 ⇥　 ⇥　 ⇥　` ⏎⏎ `（三）结转结余率`). After one blank line it
 * continues a printed cell (seed 001's wrapped goal text), never an empty one: the blank ended a row
 * whose last cell is empty (`⇥合计 ⇥100 ⇥98.6 ⇥ ⇥` ⏎⏎ `自评结论：…`). After two or more only an empty
 * cell (seed 002's `⇥` ⏎⏎⏎ `资金管理情况`), since a note below a table also follows two.
 */
function textContinuesCell(row: string[], prevLen: number, blanks: number): boolean {
  if (row.length >= prevLen) return false;
  const cellEmpty = row[row.length - 1]!.trim() === '';
  return blanks >= 2 ? cellEmpty : !cellEmpty;
}

/** How many cells the blank-separated group starting at lines[i] holds. */
function groupCellCount(lines: string[], i: number): number {
  let n = 0;
  for (let j = i; j < lines.length; j++) {
    const kind = lineKind(lines[j]!);
    if (kind === 'blank' || kind === 'row') break;
    if (kind === 'cell') n++;
  }
  return n;
}

/**
 * A form's title after a table (`2021年度项目支出绩效自评表`, seed 004's eight forms in one file) starts the
 * next form: it never continues a cell, even one left empty at the end of the last row.
 */
function isFormTitle(line: string): boolean {
  const t = line.replace(/\s+/g, '');
  return t.length <= 40 && /(自评表|评价表|自评报告|评价报告|自评情况表)$/.test(t);
}
