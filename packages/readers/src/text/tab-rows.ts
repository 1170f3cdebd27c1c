// Styles (a) and (b): one row per line, cells separated by tabs. An empty leading cell stands for a
// merged cell above and is kept (its position matters). Exporters break a row over several lines two
// ways: a cell's own line break written raw, so the row's cells are split between lines whose counts add
// up to the run's usual row length; and cells taller than a line, whose further pieces print on lines of
// their own in their columns (continuation-line.ts). A tab-less line inside a run continues the cell above.
import { continuesRow, cutByExporter, runShape, type RunShape } from './continuation-line.ts';
import { lineKind } from './line-kind.ts';

export interface TabRowsResult {
  rows: string[][];
  next: number;
}

/** Reads consecutive tab-separated lines starting at lines[start], up to the next blank line. */
export function readTabRows(lines: string[], start: number): TabRowsResult {
  let end = start;
  while (end < lines.length && lineKind(lines[end]!) !== 'blank') end++;
  const pieces: string[][] = [];
  const isText: boolean[] = [];
  for (let i = start; i < end; i++) {
    pieces.push(lines[i]!.split('\t'));
    isText.push(lineKind(lines[i]!) === 'text');
  }
  const usual = usualLength(pieces);
  const shape = runShape(pieces);
  const spacedCommas = spacesItsCommas(pieces);
  // each row as its cells' pieces, top to bottom; joined once the row is complete
  const rows: string[][][] = [];
  let lastPiece: string[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k]!;
    const last = rows[rows.length - 1];
    if (isText[k] && last) {
      const cell = last[last.length - 1]!;
      cell[cell.length - 1] = joinWrapped(cell[cell.length - 1]!, piece[0]!);
      continue;
    }
    let row = piece;
    // a wrapped row: this piece and the next add up to the usual length (sharing the wrapped cell)
    while (row.length < usual && k + 1 < pieces.length && !isText[k + 1] && row.length + pieces[k + 1]!.length - 1 === usual) {
      const nextPiece = pieces[++k]!;
      const cell = [row[row.length - 1]!, nextPiece[0]!];
      row = [...row.slice(0, -1), joinCell(shape, cell, spacedCommas), ...nextPiece.slice(1)];
    }
    if (last && continuesRow(last.map((cell) => cell[0]!), lastPiece, row, shape)) {
      row.forEach((t, c) => {
        if (t.trim() === '') return;
        const cell = (last[c] ??= ['']);
        if (cell.length === 1 && cell[0] === '') cell[0] = t;
        else cell.push(t);
      });
      lastPiece = row;
      continue;
    }
    rows.push(row.map((t) => [t]));
    lastPiece = row;
  }
  return { rows: rows.map((row) => row.map((cell) => joinCell(shape, cell, spacedCommas))), next: end };
}

/**
 * A cell's pieces as one text: a piece the exporter cut joins the next without a break (`农村公路养护44` ⏎
 * `12公里` is 4412, not `44 12`); one that stopped short ended a line of the source, kept as '\n'. The exporter
 * trims the space it broke at, so after an ASCII `,;:` the source's space is restored where the text spaces its
 * commas elsewhere (`…政策,` ⏎ `率先…` is `政策, 率先` in seed-000; seed-004 writes `专款专用,专户管理` without).
 */
function joinCell(shape: RunShape, cell: string[], spacedCommas: boolean): string {
  let text = cell[0]!;
  for (let k = 1; k < cell.length; k++) {
    const above = cell[k - 1]!;
    if (!cutByExporter(shape, cell, k - 1)) text = joinWrapped(text, cell[k]!);
    else text = spacedCommas && /[,;:]$/.test(above.trim()) ? `${text} ${cell[k]}` : text + cell[k];
  }
  return text;
}

function spacesItsCommas(pieces: string[][]): boolean {
  const all = pieces.flat().join('\n');
  return (all.match(/[,;:] (?=\S)/g) ?? []).length > (all.match(/[,;:](?=[^\s\d])/g) ?? []).length;
}

function usualLength(pieces: string[][]): number {
  const counts = new Map<number, number>();
  for (const p of pieces) if (p.length >= 3) counts.set(p.length, (counts.get(p.length) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [len, n] of counts) if (n > bestCount || (n === bestCount && len > best)) [best, bestCount] = [len, n];
  return best;
}

/** Lines of one cell keep the source's break as '\n' (the layout model's rule for lines inside a cell). */
function joinWrapped(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return `${a}\n${b}`;
}
