import { describe, expect, it } from 'vitest';
import { cropPage, inkLines, regionImage } from './cell-image.ts';

/** ink per row from a picture drawn as strings: '#' rows inked, '.' blank */
const rows = (picture: string) => Int32Array.from([...picture].map((c) => (c === '#' ? 5 : 0)));

describe('inkLines', () => {
  // at 300 dpi a line must be 14 rows tall and a gap 2 rows wide
  const line = '#'.repeat(30);
  it('counts the lines of a wrapped cell', () => {
    const ink = rows(`${line}.....${line}`);
    expect(inkLines(ink, null, 0, ink.length - 1, 300)).toEqual([[0, 30], [35, 65]]);
  });
  it('joins a thin run (a stroke, a speck) to the line before', () => {
    const ink = rows(`${line}...####`);
    expect(inkLines(ink, null, 0, ink.length - 1, 300)).toEqual([[0, 37]]);
  });
  it('ignores a one-row break inside a line; rule rows do not join two lines', () => {
    const ink = rows(`${line}.${line}`);
    expect(inkLines(ink, null, 0, ink.length - 1, 300)).toHaveLength(1);
    const ruled = rows(`${line}###${line}`);
    expect(inkLines(ruled, Uint8Array.from({ length: ruled.length }, (_, y) => (y >= 30 && y <= 32 ? 1 : 0)), 0, ruled.length - 1, 300)).toHaveLength(2);
  });
});

describe('regionImage', () => {
  // a 300 dpi page: two blocks of "text" and a slanted rule left by a bowed page, stepping a column every 100 rows
  // (no column of a crop is mostly ink, so only its long runs tell it from text)
  const size = 600;
  const ink = new Uint8Array(size * size);
  const fill = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) ink[y * size + x] = 1;
  };
  fill(300, 150, 330, 180);
  fill(300, 420, 330, 450);
  for (let y = 50; y < 350; y++) ink[y * size + 100 + Math.floor((y - 50) / 100)] = 1;
  const page = cropPage({ width: size, height: size, data: Uint8Array.from(ink, (v) => (v ? 0 : 255)), dpi: 300 }, { width: size, height: size, data: ink });
  const dark = (picture: { data: Uint8Array }) => picture.data.filter((v) => v < 128).length;

  it('drops a run of ink too long for a stroke of text, measured inside the crop', async () => {
    const region = await regionImage(page, { x0: 60, y0: 30, x1: 360, y1: 370 }, { inset: 0, binary: true });
    expect(dark(region!.picture)).toBe(30 * 30);
  });

  it('keeps the part of such a run a crop cuts short: inside it, it is no longer than a stroke', async () => {
    const region = await regionImage(page, { x0: 60, y0: 300, x1: 360, y1: 470 }, { inset: 0, binary: true });
    expect(dark(region!.picture)).toBe(30 * 30 + 50);
  });
});
