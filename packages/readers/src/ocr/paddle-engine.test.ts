import { describe, expect, it } from 'vitest';
import type { Picture } from './engine.ts';
import { lineCrops } from './paddle-engine.ts';

/** a picture drawn as rows of a string: '#' ink, '.' paper */
function picture(rows: string[], lines: [number, number][] = []): Picture {
  const width = rows[0]!.length, height = rows.length;
  const data = new Uint8Array(width * height).fill(255);
  rows.forEach((r, y) => [...r].forEach((c, x) => { if (c === '#') data[y * width + x] = 0; }));
  return { width, height, data, dpi: 300, lines };
}

const rows = [
  '..........',
  '..####....',
  '..####....',
  '..........',
  '.....###..',
  '.....###..',
  '..........',
];

describe('lineCrops', () => {
  it('cuts each given line with paper around it and blanks the neighbouring line inside the margin', () => {
    const crops = lineCrops(picture(rows, [[1, 3], [4, 6]]), 'block');
    expect(crops.map((c) => c.ink)).toEqual([{ x0: 2, y0: 1, x1: 6, y1: 3 }, { x0: 5, y0: 4, x1: 8, y1: 6 }]);
    // the first line's margin below reaches row 3 only: row 4 belongs to the second line
    for (const crop of crops) {
      const inked = [...crop.data].filter((v) => v === 0).length;
      expect(inked).toBe(crop === crops[0] ? 8 : 6);
    }
  });

  it('reads a picture as one line in line mode, and finds the ink itself when no lines are given', () => {
    expect(lineCrops(picture(rows, [[1, 3], [4, 6]]), 'line').map((c) => c.ink)).toEqual([{ x0: 2, y0: 1, x1: 8, y1: 6 }]);
    expect(lineCrops(picture(rows), 'block').map((c) => c.ink)).toEqual([{ x0: 2, y0: 1, x1: 8, y1: 6 }]);
    expect(lineCrops(picture(['....', '....']), 'block')).toEqual([]);
  });
});
