// Glyphs told apart by blank columns: printed characters in a value (digits, %, comparators) stand apart,
// so the runs of inked columns across a text line count and locate them without OCR.
import type { Bitmap } from '../image/raster.ts';

export interface PxBox { x0: number; y0: number; x1: number; y1: number }

/** Runs of inked columns inside `box` (page px), left to right. */
export function glyphColumns(ink: Bitmap, box: PxBox): PxBox[] {
  return inkColumnRuns(ink, box).map((r) => ({ x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1 }));
}

/**
 * Runs of columns holding at least `perColumn` ink pixels inside `box`, with the ink each run holds. Two
 * pixels a column keeps a lone speck of scan noise from splitting a gap between glyphs.
 */
export function inkColumnRuns(ink: Bitmap, box: PxBox, perColumn = 1): (PxBox & { ink: number })[] {
  const x0 = Math.max(0, Math.floor(box.x0)), x1 = Math.min(ink.width, Math.ceil(box.x1));
  const y0 = Math.max(0, Math.floor(box.y0)), y1 = Math.min(ink.height, Math.ceil(box.y1));
  const out: (PxBox & { ink: number })[] = [];
  let open: (PxBox & { ink: number }) | null = null;
  for (let x = x0; x < x1; x++) {
    let n = 0;
    for (let y = y0; y < y1; y++) n += ink.data[y * ink.width + x]!;
    if (n >= perColumn) {
      if (!open) out.push((open = { x0: x, y0, x1: x + 1, y1, ink: 0 }));
      open.x1 = x + 1;
      open.ink += n;
    } else open = null;
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
