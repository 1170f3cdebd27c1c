import { describe, expect, it } from 'vitest';
import { inkLines } from './cell-image.ts';

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
