// Text outside the tables (titles, 单位 lines, narrative): horizontal bands of ink, each cut into pieces at
// wide blank gaps so a left-aligned label and a right-aligned unit line are read as separate lines.
import type { Bitmap } from '../image/raster.ts';

export interface PxBox { x0: number; y0: number; x1: number; y1: number }

/** the blank gap, inches, a band of text is cut at by default: a label and a unit line apart on one line */
export const LINE_GUTTER_INCHES = 0.4;

/** `gutter`: the blank gap, px, a band is cut at */
export function textBands(ink: Bitmap, dpi: number, exclude: PxBox[], gutter = dpi * LINE_GUTTER_INCHES): PxBox[] {
  return cutAtGutters(ink, dpi, inkBands(ink, dpi, exclude), gutter, exclude);
}

const maskOf = (exclude: PxBox[]) => (x: number, y: number) => exclude.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1);

/** The page's horizontal bands of ink outside `exclude`, rows [from, to): found once, cut at any gutter. */
export function inkBands(ink: Bitmap, dpi: number, exclude: PxBox[]): [number, number][] {
  const { width, height } = ink;
  const masked = maskOf(exclude);
  const rowInk = new Int32Array(height);
  for (let y = 0; y < height; y++) {
    const spans = exclude.filter((b) => y >= b.y0 && y < b.y1);
    const base = y * width;
    for (let x = 0; x < width; x++) {
      if (ink.data[base + x] && (spans.length === 0 || !masked(x, y))) rowInk[y]++;
    }
  }
  const minInk = 2, gap = Math.round(dpi / 60), minHeight = Math.round(dpi / 25);
  const bands: [number, number][] = [];
  let start = -1, lastInk = -1;
  for (let y = 0; y <= height; y++) {
    const on = y < height && rowInk[y]! >= minInk;
    if (on) {
      if (start < 0) start = y;
      lastInk = y;
    } else if (start >= 0 && y - lastInk > gap) {
      if (lastInk - start + 1 >= minHeight) bands.push([start, lastInk + 1]);
      start = -1;
    }
  }
  return bands;
}

/** Each band cut into pieces at blank gaps wider than `gutter` px. */
export function cutAtGutters(ink: Bitmap, dpi: number, bands: [number, number][], gutter: number, exclude: PxBox[] = []): PxBox[] {
  const { width } = ink;
  const masked = maskOf(exclude);
  const pieces: PxBox[] = [];
  const wideGap = Math.round(gutter);
  for (const [y0, y1] of bands) {
    let from = -1, last = -1;
    for (let x = 0; x <= width; x++) {
      let on = false;
      if (x < width) for (let y = y0; y < y1 && !on; y++) on = ink.data[y * width + x] === 1 && !masked(x, y);
      if (on) {
        if (from < 0) from = x;
        last = x;
      } else if (from >= 0 && x - last > wideGap) {
        pieces.push({ x0: from, y0, x1: last + 1, y1 });
        from = -1;
      }
    }
    if (from >= 0) pieces.push({ x0: from, y0, x1: last + 1, y1 });
  }
  // specks and page edges of a photographed page: too small to be a character
  return pieces.filter((p) => p.x1 - p.x0 >= dpi / 25 || p.y1 - p.y0 >= dpi / 12);
}
