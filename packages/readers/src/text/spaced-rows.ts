// Style (d): rows whose columns are placed by spaces, not tabs (`pdftotext -layout`, exports that align
// columns with runs of spaces). Each line's text is positioned — its column is its character offset, a CJK
// character two wide — so the columns are the offsets where text starts on several lines, and a piece belongs
// to the last column starting at or before it. The lines are then tab rows like any other (tab-rows.ts joins
// a wrapped cell's pieces and tells continuation lines from rows), so a space-aligned export wraps the same way.
import { displayWidth } from './display-width.ts';
import { lineKind } from './line-kind.ts';
import { readTabRows, type TabRowsResult } from './tab-rows.ts';

/** A piece of a line: text up to a gap of two spaces or more, at its display offset. */
interface Piece {
  text: string;
  at: number;
}

/** A table needs this many lines of two pieces or more; fewer are a heading with a note beside it. */
const MIN_ROWS = 3;
/** Text must start at an offset on this many lines for the offset to be a column. */
const MIN_STARTS = 2;
/** Starts this close are one column. */
const JITTER = 2;
/** A gap between columns: two spaces or more (one space separates words inside a cell, `姓 名`). */
const GAP = /\s{2,}/;

/**
 * Reads the space-aligned table starting at lines[start] (a tab-less line), up to the next blank line or tab
 * line, or null where these lines are paragraphs: too few of them hold two pieces, or no two columns line up.
 */
export function readSpacedRows(lines: string[], start: number): TabRowsResult | null {
  if (piecesOf(lines[start]!).length < 2) return null;
  let end = start;
  while (end < lines.length && lineKind(lines[end]!) === 'text') end++;
  const run = lines.slice(start, end).map(piecesOf);
  if (run.filter((pieces) => pieces.length >= 2).length < MIN_ROWS) return null;
  const columns = columnStarts(run);
  if (columns.length < 2) return null;
  return { rows: readTabRows(run.map((pieces) => tabLine(pieces, columns)), 0).rows, next: end };
}

function piecesOf(line: string): Piece[] {
  const pieces: Piece[] = [];
  const text = line.replace(/\s+$/, '');
  let at = 0;
  for (const part of text.split(/(\s{2,})/)) {
    if (part !== '' && !GAP.test(part) && part.trim() !== '') pieces.push({ text: part.trim(), at: at + displayWidth(part) - displayWidth(part.trimStart()) });
    at += displayWidth(part);
  }
  return pieces;
}

/**
 * Offsets where text starts on several lines, or on one where no text of the others runs across (a column only
 * the header prints in), left to right; the leftmost text opens the first column. A start
 * a character or two off a more common one is the same column printed with a little jitter (a merged cell's
 * text running into the gutter, a PDF's glyphs placed to the nearest character).
 */
function columnStarts(run: Piece[][]): number[] {
  const counts = new Map<number, number>();
  for (const pieces of run) for (const p of pieces) counts.set(p.at, (counts.get(p.at) ?? 0) + 1);
  // the smallest start, by a loop: spread as arguments, a long run of rows would overflow the call stack
  let first = Infinity;
  for (const pieces of run) for (const p of pieces) first = Math.min(first, p.at);
  const all = run.flat();
  const crossed = (at: number) => all.some((p) => p.at < at && p.at + displayWidth(p.text) > at);
  const starts = [first];
  for (const [at, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])) {
    if ((n >= MIN_STARTS || !crossed(at)) && starts.every((s) => Math.abs(s - at) > JITTER)) starts.push(at);
  }
  return starts.sort((a, b) => a - b);
}

/** The line as tab cells, one per column; pieces in one column (a cell's words apart) join with a space. */
function tabLine(pieces: Piece[], columns: number[]): string {
  const cells = columns.map(() => '');
  for (const p of pieces) {
    let c = columns.length - 1;
    while (c > 0 && columns[c]! > p.at + JITTER) c--;
    cells[c] = cells[c] === '' ? p.text : `${cells[c]} ${p.text}`;
  }
  return cells.join('\t');
}
