// Styles (a) and (b): one row per line, cells separated by tabs. An empty leading cell stands for a
// merged cell above and is kept (its position matters). Exporters break a row over several lines two
// ways: a cell's own line break written raw, so the row's cells are split between lines whose counts add
// up to the run's usual row length; and cells taller than a line, whose further pieces print on lines of
// their own in their columns (continuation-line.ts). A tab-less line inside a run continues the cell above.
import { continuesRow, ranToWidth, runShape, type RunShape } from './continuation-line.ts';
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
  const columns = runShape(pieces);
  const wrap = wrapJoiner(pieces, columns);
  const rows: string[][] = [];
  let lastPiece: string[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k]!;
    const last = rows[rows.length - 1];
    if (isText[k] && last) {
      last[last.length - 1] = joinWrapped(last[last.length - 1]!, piece[0]!);
      continue;
    }
    let row = piece;
    // a wrapped row: this piece and the next add up to the usual length (sharing the wrapped cell)
    while (row.length < usual && k + 1 < pieces.length && !isText[k + 1] && row.length + pieces[k + 1]!.length - 1 === usual) {
      const above = pieces[k]!.at(-1)!;
      const nextPiece = pieces[++k]!;
      const c = row.length - 1;
      row = [...row.slice(0, -1), wrap(row[c]!, nextPiece[0]!, above, c), ...nextPiece.slice(1)];
    }
    if (last && continuesRow(last, lastPiece, row, columns)) {
      row.forEach((t, c) => {
        if (t.trim() !== '') last[c] = wrap(last[c] ?? '', t, lastPiece[c] ?? '', c);
      });
      lastPiece = row;
      continue;
    }
    rows.push(row);
    lastPiece = row;
  }
  return { rows, next: end };
}

/**
 * How a cell's next piece joins the piece above. A piece that ran to its column's width was broken by the
 * exporter, not by the source: it joins without a break (`农村公路养护44` ⏎ `12公里` is 4412, not `44 12`).
 * The exporter trims the space it broke at, so after an ASCII `,;:` the source's space is restored where the
 * text spaces its commas elsewhere (`…政策,` ⏎ `率先…` is `政策, 率先` in seed-000; seed-004 writes
 * `专款专用,专户管理` without). A piece that stopped short ended a line of the source: the break is kept.
 */
function wrapJoiner(pieces: string[][], columns: RunShape): (a: string, b: string, above: string, c: number) => string {
  const all = pieces.flat().join('\n');
  const spacedCommas = (all.match(/[,;:] (?=\S)/g) ?? []).length > (all.match(/[,;:](?=[^\s\d])/g) ?? []).length;
  return (a, b, above, c) => {
    if (!ranToWidth(columns, c, above)) return joinWrapped(a, b);
    return spacedCommas && /[,;:]$/.test(above) ? `${a} ${b}` : a + b;
  };
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
