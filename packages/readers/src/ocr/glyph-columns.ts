// Glyphs told apart by blank columns: printed characters in a value (digits, %, comparators) stand apart,
// so the runs of inked columns across a text line count and locate them without OCR.
import type { Bitmap } from '../image/raster.ts';

export interface PxBox { x0: number; y0: number; x1: number; y1: number }

/** Runs of inked columns inside `box` (page px), left to right. */
export function glyphColumns(ink: Bitmap, box: PxBox): PxBox[] {
  const x0 = Math.max(0, Math.floor(box.x0)), x1 = Math.min(ink.width, Math.ceil(box.x1));
  const y0 = Math.max(0, Math.floor(box.y0)), y1 = Math.min(ink.height, Math.ceil(box.y1));
  const out: PxBox[] = [];
  let start = -1;
  for (let x = x0; x <= x1; x++) {
    let on = false;
    if (x < x1) for (let y = y0; y < y1 && !on; y++) on = ink.data[y * ink.width + x] === 1;
    if (on && start < 0) start = x;
    if (!on && start >= 0) {
      out.push({ x0: start, y0, x1: x, y1 });
      start = -1;
    }
  }
  return out;
}

/** The first glyph of a text line. */
export function firstGlyphBox(ink: Bitmap, box: PxBox): PxBox | null {
  return glyphColumns(ink, box)[0] ?? null;
}

/**
 * The percent sign read as two characters — `1009%`, `959%`, `10086`, `10096` on the fixtures (its circles
 * become 9, 8 or 6, its slash 9 or 4). When the line holds one glyph fewer than the characters read and ends
 * in one of those pairs, the pair was the percent sign. A real `10086` prints five glyphs and stays.
 */
export function percentReadTwice(text: string, ink: Bitmap, box: PxBox): string {
  const m = /^([≥≤≧≦><=]?\d+(?:\.\d+)?)(9%|%\d|96|86|94)$/.exec(text);
  if (!m) return text;
  return glyphColumns(ink, box).length === text.length - 1 ? `${m[1]}%` : text;
}
