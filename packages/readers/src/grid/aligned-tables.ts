// The fallback for tables printed without rules: three or more consecutive lines that each break into
// several runs at wide gaps, whose runs line up in columns (vertical channels of white space), are a table.
// A one-run line inside such a block that sits in a later column is a wrapped continuation of the row above.
import type { Box, Cell, TableBlock } from '@jixiao/layout';
import { joinPieces, linesOf, type TextLine } from './text-lines.ts';
import type { TextItem } from './types.ts';

interface Chunk {
  text: string;
  box: Box;
}

const MIN_ROWS = 3;

/** A line's runs, cut where the gap is wider than `gutter` (~1.5) characters (a column gutter, not a word space). */
function chunksOf(line: TextLine, gutter: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (const item of line.items) {
    const last = chunks[chunks.length - 1];
    const h = item.box.y1 - item.box.y0;
    if (last && item.box.x0 - last.box.x1 < h * gutter) {
      last.text = joinPieces(last.text, item.text.trim());
      last.box = { ...last.box, x1: Math.max(last.box.x1, item.box.x1), y0: Math.min(last.box.y0, item.box.y0), y1: Math.max(last.box.y1, item.box.y1) };
    } else chunks.push({ text: item.text.trim(), box: { ...item.box } });
  }
  return chunks;
}

/** Column separators: gaps in the union of the chunks' x extents. */
function columnsOf(rows: Chunk[][]): number[] {
  const spans = rows.flat().map((c) => [c.box.x0, c.box.x1] as const).sort((a, b) => a[0] - b[0]);
  const cuts: number[] = [];
  let reach = spans[0]![1];
  for (const [a, b] of spans.slice(1)) {
    if (a > reach) cuts.push((reach + a) / 2);
    reach = Math.max(reach, b);
  }
  return cuts;
}

function tableOf(rows: Chunk[][], page: number | null): TableBlock | null {
  const cuts = columnsOf(rows);
  if (cuts.length < 1) return null;
  const colOf = (c: Chunk) => cuts.filter((x) => x < (c.box.x0 + c.box.x1) / 2).length;
  const cells: Cell[] = [];
  rows.forEach((chunks, r) => {
    const byCol = new Map<number, Chunk[]>();
    for (const c of chunks) byCol.set(colOf(c), [...(byCol.get(colOf(c)) ?? []), c]);
    for (let col = 0; col <= cuts.length; col++) {
      const inCol = byCol.get(col) ?? [];
      const box = inCol.length ? { x0: Math.min(...inCol.map((c) => c.box.x0)), y0: Math.min(...inCol.map((c) => c.box.y0)), x1: Math.max(...inCol.map((c) => c.box.x1)), y1: Math.max(...inCol.map((c) => c.box.y1)) } : null;
      cells.push({ row: r, col, rowSpan: 1, colSpan: 1, text: inCol.map((c) => c.text).reduce((a, t) => joinPieces(a, t), ''), page, box });
    }
  });
  const all = rows.flat().map((c) => c.box);
  const box = { x0: Math.min(...all.map((b) => b.x0)), y0: Math.min(...all.map((b) => b.y0)), x1: Math.max(...all.map((b) => b.x1)), y1: Math.max(...all.map((b) => b.y1)) };
  return { type: 'table', rows: rows.length, cols: cuts.length + 1, cells, page, box, foundBy: 'text-lines' };
}

export interface AlignedOptions {
  /**
   * lines the caller knows belong to one row (a scan's row whose short cells sit centred beside a wrapped
   * one: their ink runs together): the later line's runs join the row above instead of starting one
   */
  sameRow?: (above: TextLine, line: TextLine) => boolean;
  /**
   * the narrowest gap between two runs that parts columns, in line heights (default 1.5: a PDF's runs are
   * words, a word space can be a character wide); a caller whose runs were cut at gutters already says less
   */
  gutter?: number;
}

export function alignedTables(items: TextItem[], page: number | null, options: AlignedOptions = {}): { tables: TableBlock[]; rest: TextItem[] } {
  const lines = linesOf(items);
  const tables: TableBlock[] = [];
  const used = new Set<TextItem>();
  let run: { lines: TextLine[]; rows: Chunk[][] } = { lines: [], rows: [] };
  const close = () => {
    const multi = run.rows.filter((r) => r.length >= 2).length;
    if (multi >= MIN_ROWS) {
      const table = tableOf(run.rows, page);
      if (table) {
        tables.push(table);
        for (const l of run.lines) for (const i of l.items) used.add(i);
      }
    }
    run = { lines: [], rows: [] };
  };
  lines.forEach((line, k) => {
    const chunks = chunksOf(line, options.gutter ?? 1.5);
    const next = lines[k + 1];
    const prev = run.lines[run.lines.length - 1];
    const h = line.box.y1 - line.box.y0;
    if (prev && line.box.y0 - prev.box.y1 > h * 2) close();
    if (prev && run.rows.length > 0 && options.sameRow?.(prev, line)) {
      run.lines.push(line);
      run.rows[run.rows.length - 1]!.push(...chunks);
    } else if (chunks.length >= 2 || (next && options.sameRow?.(line, next))) {
      // a one-run line begins a row too where the caller knows the next line is of its row (a wrapped name
      // above the values centred on their row)
      run.lines.push(line);
      run.rows.push(chunks);
    } else if (run.rows.length > 0 && chunks[0] && chunks[0].box.x0 > Math.min(...run.rows.map((r) => r[0]!.box.x1))) {
      // a wrapped line in a later column: part of the row above
      run.lines.push(line);
      run.rows[run.rows.length - 1]!.push(...chunks);
    } else close();
  });
  close();
  return { tables, rest: items.filter((i) => !used.has(i)) };
}
