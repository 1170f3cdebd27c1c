// Styles (a) and (b): one row per line, cells separated by tabs. An empty leading cell stands for a
// merged cell above and is kept (its position matters). Exporters that wrap long cells break a row over
// several lines (style b); the pieces are joined back when their cell counts add up to the run's usual
// row length, and a tab-less line inside a run continues the cell above.
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
  const width = pieces.reduce((most, p) => p.reduce((m, t) => Math.max(m, Array.from(t).length), most), 0);
  // a piece that ran to the run's widest cell was broken by the exporter's width, not by the source:
  // its continuation joins without a break (`农村公路养护44` ⏎ `12公里` is 4412, not `44 12`)
  // The exporter trims the space it broke at, so a piece one short of the width was broken there too, and
  // after an ASCII `,;:` the source's space is restored where the text spaces its commas elsewhere
  // (`…政策,` ⏎ `率先…` is `政策, 率先` in seed-000; seed-004 writes `专款专用,专户管理` without)
  const all = pieces.flat().join('\n');
  const spacedCommas = (all.match(/[,;:] (?=\S)/g) ?? []).length > (all.match(/[,;:](?=[^\s\d])/g) ?? []).length;
  const wrap = (a: string, b: string, above: string): string => {
    if (width < WRAP_MIN || Array.from(above).length < width - 1) return joinWrapped(a, b);
    return spacedCommas && /[,;:]$/.test(above) ? `${a} ${b}` : a + b;
  };
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
      row = [...row.slice(0, -1), wrap(row[row.length - 1]!, nextPiece[0]!, above), ...nextPiece.slice(1)];
    }
    if (last && continuesCells(last, row, lastPiece, width)) {
      row.forEach((t, c) => {
        if (t !== '') last[c] = wrap(last[c] ?? '', t, lastPiece[c] ?? '');
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
 * A line that only continues long cells of the line above (style b: `职能职责概述⇥我局…医` ⏎ `⇥疗保障…`):
 * it starts empty, prints text only under cells of the line above that ran to the wrap width, and leaves
 * every short cell (numbers, level words) empty. A merged-cell data row always prints some short cell.
 */
function continuesCells(prevRow: string[], line: string[], prevLine: string[], width: number): boolean {
  if ((line[0] ?? '') !== '' || line.every((t) => t.trim() === '')) return false;
  let continued = 0;
  for (let c = 0; c < line.length; c++) {
    const t = line[c]!.trim();
    if (t === '') continue;
    // a numbered item (`3.医疗保障…`) starts a new row under a merged cell, never a wrap
    const above = (prevLine[c] ?? '').trim();
    // (`97.2%` is a number, not an item); under a piece that ran to the wrap width it is the same cell going on
    // (seed 004: `…服务群众的功效。 目标2:` ⏎ `目标3: .....`)
    // (one short of the width where the exporter trimmed the space it broke at)
    const brokenAtWidth = Array.from(prevLine[c] ?? '').length >= width - 1;
    if (!brokenAtWidth && /^(\d{1,2}\s*[.．、](?!\d)|目标\s*\d)/.test(t)) return false;
    if (Array.from(above).length < WRAP_MIN) return false;
    continued++;
  }
  return continued > 0 && prevRow.length === line.length;
}

/** Shortest line a wrapping exporter fills before breaking; shorter cells are whole. */
const WRAP_MIN = 16;

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
