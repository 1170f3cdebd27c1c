// A page OCR read turned is shown turned the same way, with its size in points swapped to match its boxes.
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { renderPageImage } from './page-image.ts';

/** a 200 × 100 px page at 144 dpi (2 px a point) with a black mark in its top-left corner */
async function markedPage(): Promise<Buffer> {
  const mark = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000000' } }).png().toBuffer();
  return sharp({ create: { width: 200, height: 100, channels: 3, background: '#ffffff' } })
    .composite([{ input: mark, left: 0, top: 0 }])
    .withMetadata({ density: 144 })
    .png()
    .toBuffer();
}

const darkAt = async (png: Buffer, x: number, y: number) => {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  return data[(y * info.width + x) * info.channels]! < 128;
};

it('turns a page read on its side as the reader did: a quarter turn clockwise moves the top-left corner to the top right', async () => {
  const page = await renderPageImage(await markedPage(), 'image/png', 1, 'side.png', undefined, { turn: 90, skewDegrees: 0 });
  expect([page.widthPt, page.heightPt].map(Math.round)).toEqual([50, 100]);
  expect((await sharp(page.png).metadata()).width).toBe(100);
  expect(await darkAt(page.png, 90, 10)).toBe(true);
  expect(await darkAt(page.png, 10, 10)).toBe(false);
});

it('leaves a page read as published as it is', async () => {
  const page = await renderPageImage(await markedPage(), 'image/png', 1, 'upright.png');
  expect([page.widthPt, page.heightPt].map(Math.round)).toEqual([100, 50]);
  expect(await darkAt(page.png, 10, 10)).toBe(true);
});
