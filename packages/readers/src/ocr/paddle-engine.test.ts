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

  it('reads a picture as one line in line mode, and nothing from a blank one', () => {
    expect(lineCrops(picture(rows, [[1, 3], [4, 6]]), 'line').map((c) => c.ink)).toEqual([{ x0: 2, y0: 1, x1: 8, y1: 6 }]);
    expect(lineCrops(picture(['....', '....']), 'block')).toEqual([]);
  });

  it('finds the lines of a picture that comes without them, as the cropper would', () => {
    // at 100 dpi a line is at least 5 rows tall: two lines of 6 rows, 2 blank rows apart
    const text = ['..........', ...Array(6).fill('..######..'), '..........', '..........', ...Array(6).fill('...####...'), '..........'];
    const found = lineCrops({ ...picture(text), dpi: 100 }, 'block');
    expect(found.map((c) => c.ink)).toEqual([{ x0: 2, y0: 1, x1: 8, y1: 7 }, { x0: 3, y0: 9, x1: 7, y1: 15 }]);
  });
});
