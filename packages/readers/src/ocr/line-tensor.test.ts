import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { lineTensor } from './line-tensor.ts';

/** a line-like picture: dark strokes on paper, deterministic */
function strokes(width: number, height: number): Uint8Array {
  let seed = 11;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  return Uint8Array.from({ length: width * height }, () => (next() < 0.3 ? 20 : 240));
}

async function bySharp(data: Uint8Array, width: number, height: number, toWidth: number, toHeight: number): Promise<Uint8Array> {
  return sharp(data, { raw: { width, height, channels: 1 } }).resize(toWidth, toHeight, { kernel: 'cubic', fit: 'fill' }).greyscale().raw().toBuffer();
}

describe('lineTensor', () => {
  it.each([
    [300, 60, 240],
    [120, 34, 169],
    [40, 50, 38],
    [800, 70, 549],
  ])('resamples %i×%i to %i×48 as sharp does, in three planes of -1…1', async (width, height, toWidth) => {
    const data = strokes(width, height);
    const tensor = lineTensor(data, width, height, toWidth, 48);
    const expected = await bySharp(data, width, height, toWidth, 48);
    const plane = toWidth * 48;
    expect(tensor).toHaveLength(3 * plane);
    let total = 0;
    for (let i = 0; i < plane; i++) total += Math.abs((tensor[i]! + 1) * 127.5 - expected[i]!);
    // enlarging and shrinking both: within a grey level on average (a shifted grid differs by ~50)
    expect(total / plane).toBeLessThan(1);
    expect(tensor.subarray(plane, 2 * plane)).toEqual(tensor.subarray(0, plane));
    expect(Math.min(...tensor)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...tensor)).toBeLessThanOrEqual(1);
  });
});
