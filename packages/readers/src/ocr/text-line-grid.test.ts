import { describe, expect, it } from 'vitest';
import type { Cell, TableBlock } from '@jixiao/layout';
import type { Bitmap } from '../image/raster.ts';
import { checkRulesAgainstText } from './text-line-grid.ts';

// 144 dpi: a point is 2 px. Words are blots of ink 20 px tall; three columns 60 px apart, six lines 20 px apart.
const DPI = 144;
const COLUMNS: [number, number][] = [[20, 140], [200, 300], [360, 460]];
const LINES = [40, 80, 120, 160, 200, 240];

function page(words: { x0: number; x1: number; y: number }[]): Bitmap {
  const width = 600, height = 320;
  const data = new Uint8Array(width * height);
  for (const w of words) for (let y = w.y; y < w.y + 20; y++) data.fill(1, y * width + w.x0, y * width + w.x1);
  return { width, height, data };
}

/** each column's text as two words 4 px apart (a character gap, not a gutter) */
const columned = page(LINES.flatMap((y) => COLUMNS.flatMap(([a, b]) => [{ x0: a, x1: (a + b) / 2 - 2, y }, { x0: (a + b) / 2 + 2, x1: b, y }])));

/** a rule table in points with one cell per given [x0, x1] × [y0, y1] (px) */
function table(cells: [number, number, number, number][]): TableBlock {
  const pt = (px: number) => px / 2;
  const all: Cell[] = cells.map(([x0, x1, y0, y1], i) => ({ row: i, col: 0, rowSpan: 1, colSpan: 1, text: '', page: 1, box: { x0: pt(x0), y0: pt(y0), x1: pt(x1), y1: pt(y1) } }));
  const box = { x0: Math.min(...all.map((c) => c.box!.x0)), y0: Math.min(...all.map((c) => c.box!.y0)), x1: Math.max(...all.map((c) => c.box!.x1)), y1: Math.max(...all.map((c) => c.box!.y1)) };
  return { type: 'table', rows: cells.length, cols: 1, cells: all, page: 1, box, foundBy: 'rules' };
}

describe('checkRulesAgainstText', () => {
  it('falls back where lines of text stand in columns and no rule table holds them', () => {
    const check = checkRulesAgainstText([], columned, DPI);
    expect(check).toMatchObject({ columned: 6, unexplained: 6, fallback: true, kept: [], dropped: [] });
    // the pieces it reads: each column of each line, its two words together
    expect(check.pieces).toHaveLength(18);
    expect(check.pieces[0]).toEqual({ x0: 20, y0: 40, x1: 140, y1: 60 });
  });

  it('keeps a rule grid whose cells part every column of the text', () => {
    const cells: [number, number, number, number][] = LINES.flatMap((y) => [[10, 170, y - 10, y + 30], [170, 330, y - 10, y + 30], [330, 480, y - 10, y + 30]] as [number, number, number, number][]);
    const ruled = table(cells);
    const check = checkRulesAgainstText([ruled], columned, DPI);
    expect(check).toMatchObject({ columned: 6, unexplained: 0, fallback: false, dropped: [] });
    expect(check.kept).toEqual([ruled]);
  });

  it('drops a rule table that holds the columned lines in one giant cell', () => {
    // the rules found: a title row and one cell over every line of the table (its inner rules lost)
    const giant = table([[10, 480, 0, 30], [10, 480, 30, 270]]);
    const check = checkRulesAgainstText([giant], columned, DPI);
    expect(check).toMatchObject({ unexplained: 6, fallback: true, kept: [] });
    expect(check.dropped).toEqual([giant]);
  });

  it('does not take a page of sentences for columns: the gaps between words are narrower than a gutter', () => {
    const prose = page(LINES.flatMap((y) => [0, 1, 2, 3, 4, 5].map((k) => ({ x0: 20 + k * 80, x1: 20 + k * 80 + 68, y }))));
    expect(checkRulesAgainstText([], prose, DPI)).toMatchObject({ columned: 0, unexplained: 0, fallback: false });
  });
});
