import { describe, expect, it } from 'vitest';
import type { Bitmap } from '../image/raster.ts';
import { inkColumnRuns } from './glyph-columns.ts';
import { settlePunctuationWidth } from './punctuation-width.ts';

/**
 * A one-line bitmap drawn as a string, 20 px tall: 'X' a column of a character's ink (full height), ',' a
 * column of a mark's ink (its lower quarter), '.' paper.
 */
function line(picture: string): Bitmap {
  const width = picture.length, height = 20;
  const data = new Uint8Array(width * height);
  [...picture].forEach((c, x) => {
    const from = c === 'X' ? 0 : c === ',' ? 15 : height;
    for (let y = from; y < height; y++) data[y * width + x] = 1;
  });
  return { width, height, data };
}

/** characters read at the middle of each run of the picture, in order */
function readAt(picture: string, text: string) {
  const runs = inkColumnRuns(line(picture), { x0: 0, y0: 0, x1: picture.length, y1: 20 }, 2);
  return [...text].map((t, i) => ({ text: t, x: (runs[i]!.x0 + runs[i]!.x1) / 2 }));
}

const CHAR = 'X'.repeat(18);
const box = (picture: string) => ({ x0: 0, y0: 0, x1: picture.length, y1: 20 });

describe('settlePunctuationWidth', () => {
  it('types a comma by the room it takes: a whole em box is full-width, a narrow slot half-width', () => {
    // full-width: the comma's ink at the left of its own 20 px box, then paper up to the next character
    const full = `${CHAR}..,,${'.'.repeat(16)}${CHAR}`;
    // half-width: the next character follows closely
    const half = `${CHAR}..,,...${CHAR}`;
    expect(settlePunctuationWidth([{ chars: readAt(full, '甲,乙'), text: '甲,乙', box: box(full) }], line(full))).toEqual(['甲，乙']);
    expect(settlePunctuationWidth([{ chars: readAt(half, '甲，乙'), text: '甲，乙', box: box(half) }], line(half))).toEqual(['甲,乙']);
  });

  it('types a mark at a line end like the region’s measured marks, or leaves it as read', () => {
    const first = `${CHAR}..,,...${CHAR}..,,`;
    const settled = settlePunctuationWidth([{ chars: readAt(first, '甲，乙，'), text: '甲，乙，', box: box(first) }], line(first));
    expect(settled).toEqual(['甲,乙,']);
    const alone = `${CHAR}..,,`;
    expect(settlePunctuationWidth([{ chars: readAt(alone, '甲，'), text: '甲，', box: box(alone) }], line(alone))).toEqual(['甲，']);
  });

  it('keeps lines whose engine gives no character places, and marks without a pair', () => {
    const half = `${CHAR}..,,...${CHAR}`;
    expect(settlePunctuationWidth([{ text: '甲，乙', box: box(half) }], line(half))).toEqual(['甲，乙']);
    expect(settlePunctuationWidth([{ chars: readAt(half, '甲、乙'), text: '甲、乙', box: box(half) }], line(half))).toEqual(['甲、乙']);
  });
});

describe('inkColumnRuns', () => {
  it('finds runs of inked columns; a lone speck does not split a gap', () => {
    const bitmap = line(`XX...XX`);
    bitmap.data[10 * 7 + 3] = 1;
    expect(inkColumnRuns(bitmap, { x0: 0, y0: 0, x1: 7, y1: 20 }, 2).map((r) => [r.x0, r.x1])).toEqual([[0, 2], [5, 7]]);
  });
});
