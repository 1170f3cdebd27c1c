import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { Bitmap } from '../image/raster.ts';
import { glyphColumns, percentReadTwice } from './glyph-columns.ts';

function printed(text: string, size = 36): Bitmap {
  const canvas = createCanvas(size * (text.length + 1), size * 2);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  ctx.font = `${size}px "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif`;
  ctx.fillText(text, size / 4, size * 1.4);
  const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const data = new Uint8Array(canvas.width * canvas.height);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4]! < 140 ? 1 : 0;
  return { width: canvas.width, height: canvas.height, data };
}
const all = (b: Bitmap) => ({ x0: 0, y0: 0, x1: b.width, y1: b.height });

describe('glyphColumns', () => {
  it.each([['100%', 4], ['>95%', 4], ['93.6%', 5], ['1325', 4]])('%s has %i glyphs', (text, n) => {
    const ink = printed(text);
    expect(glyphColumns(ink, all(ink))).toHaveLength(n);
  });
});

describe('percentReadTwice', () => {
  it.each([
    ['95%', '959%', '95%'],
    ['100%', '1009%', '100%'],
    ['100%', '10086', '100%'],
    ['96.2%', '96.296', '96.2%'],
    // the same digits really printed: one glyph each, left alone
    ['10086', '10086', '10086'],
    ['1096', '1096', '1096'],
    // a real 9 before the percent sign is a glyph of its own
    ['99%', '99%', '99%'],
    ['19%', '19%', '19%'],
    ['>99%', '>99%', '>99%'],
  ])('printed %s, read %s → %s', (print, read, out) => {
    const ink = printed(print);
    expect(percentReadTwice(read, ink, all(ink))).toBe(out);
  });
});
