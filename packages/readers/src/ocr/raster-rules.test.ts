import { describe, expect, it } from 'vitest';
import type { Bitmap } from '../image/raster.ts';
import { findRules } from './raster-rules.ts';

const dpi = 200;
function blank(width: number, height: number): Bitmap {
  return { width, height, data: new Uint8Array(width * height) };
}
function hline(b: Bitmap, y: number, x0: number, x1: number, dash = 0, thick = 2): void {
  for (let t = 0; t < thick; t++) for (let x = x0; x < x1; x++) if (!dash || Math.floor((x - x0) / dash) % 2 === 0 || (x - x0) % dash < dash / 2) b.data[(y + t) * b.width + x] = 1;
}
function vline(b: Bitmap, x: number, y0: number, y1: number, thick = 2): void {
  for (let t = 0; t < thick; t++) for (let y = y0; y < y1; y++) b.data[y * b.width + x + t] = 1;
}

describe('findRules', () => {
  it('finds a 2×2 grid in page points, a dashed rule bridged, a text-like stroke inside a cell dropped', () => {
    const b = blank(800, 600);
    hline(b, 100, 100, 701);
    hline(b, 300, 100, 701, 12); // broken scan rule: 12 px dashes, gaps below 1 mm
    hline(b, 500, 100, 701);
    for (const x of [100, 400, 700]) vline(b, x, 100, 502);
    hline(b, 200, 150, 260); // a bridged stroke floating in a cell: not a wall
    const segments = findRules(b, { dpi });
    const horizontal = segments.filter((s) => s.y0 === s.y1).map((s) => Math.round(s.y0)).sort((a, c) => a - c);
    const vertical = segments.filter((s) => s.x0 === s.x1).map((s) => Math.round(s.x0)).sort((a, c) => a - c);
    // px * 72 / 200
    expect(horizontal).toEqual([36, 108, 180]);
    expect(vertical).toEqual([36, 144, 252]);
  });

  it('finds nothing on a page of text-sized strokes', () => {
    const b = blank(400, 300);
    for (let y = 20; y < 280; y += 30) for (let x = 20; x < 380; x += 40) hline(b, y, x, x + 25);
    expect(findRules(b, { dpi })).toEqual([]);
  });

  it('does not take the uprights of characters stacked in two tight rows for a rule', () => {
    // 13 pt rows (36 px at 200 dpi); in rows 2 and 3 an upright stroke at x 300 covers about 60% of its row,
    // a few px short of the rules (学 over 中, 1 over 1): bridged across those gaps, the two strokes and the
    // rule between them make one run from wall to wall
    const b = blank(700, 260);
    for (const y of [50, 86, 122, 158]) hline(b, y, 100, 601);
    for (const x of [100, 200, 600]) vline(b, x, 50, 160);
    vline(b, 300, 92, 113, 3);
    vline(b, 300, 128, 149, 3);
    const vertical = findRules(b, { dpi }).filter((s) => s.x0 === s.x1).map((s) => Math.round(s.x0)).sort((a, c) => a - c);
    expect(vertical).toEqual([36, 72, 216]);
  });

  it('does not run a rule on into a merged cell through a text line level with it', () => {
    // column 1 (x 100–200) is one merged cell; column 2 is split at y 150. In column 1 the tops of a text line
    // sit on that very scan line: strokes with short gaps, glyph bodies right under them
    const b = blank(700, 300);
    for (const y of [50, 250]) hline(b, y, 100, 601);
    hline(b, 150, 200, 601);
    for (const x of [100, 200, 600]) vline(b, x, 50, 252);
    for (let x = 106; x < 196; x += 12) {
      hline(b, 150, x, x + 9); // the glyphs' top strokes, 3 px apart
      for (let y = 153; y < 170; y += 3) hline(b, y, x + 2, x + 7, 0, 1); // their bodies
    }
    const horizontal = findRules(b, { dpi }).filter((s) => s.y0 === s.y1 && Math.round(s.y0) === 54);
    // one rule, starting at column 2's wall (x 200 px = 72 pt)
    expect(horizontal).toHaveLength(1);
    expect(horizontal[0]!.x0).toBeGreaterThan(71);
    expect(horizontal[0]!.x0).toBeLessThan(74);
  });
});
