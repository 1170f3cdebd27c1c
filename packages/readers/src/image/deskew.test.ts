import { describe, expect, it } from 'vitest';
import type { Bitmap } from './raster.ts';
import { estimateSkew } from './deskew.ts';

/** Lines of "text" (dashes) and rules on a page turned clockwise by `degrees`. */
function turnedPage(degrees: number): Bitmap {
  const width = 1600, height = 2000;
  const data = new Uint8Array(width * height);
  const t = Math.tan((degrees * Math.PI) / 180);
  for (let row = 150; row < 1850; row += 60) {
    for (let x = 100; x < 1500; x++) {
      if (row % 240 !== 150 && (x % 40) > 30) continue;
      const y = Math.round(row + x * t);
      for (let k = 0; k < 3; k++) data[(y + k) * width + x] = 1;
    }
  }
  return { width, height, data };
}

describe('estimateSkew', () => {
  it.each([0, 0.5, -1.2, 2, -3])('finds a turn of %s°', (degrees) => {
    expect(estimateSkew(turnedPage(degrees))).toBeCloseTo(degrees, 1);
  });

  it('says 0 for a blank page', () => {
    expect(estimateSkew({ width: 100, height: 100, data: new Uint8Array(10000) })).toBe(0);
  });
});
