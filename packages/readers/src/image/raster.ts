// A page picture as the OCR stages pass it around: one grey channel, 0 = black ink, 255 = paper.
export interface Raster {
  width: number;
  height: number;
  /** row-major, one byte per pixel */
  data: Uint8Array;
  /** pixels per inch: turns pixels into page points (px * 72 / dpi) */
  dpi: number;
}

/** A 1-bit view of a raster: 1 = ink. Kept as bytes because every stage reads it pixel by pixel. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

export function pxToPt(px: number, dpi: number): number {
  return (px * 72) / dpi;
}

/** Pixels inside [x0,x1)×[y0,y1) that are ink. */
export function inkCount(bitmap: Bitmap, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  const xa = Math.max(0, Math.floor(x0)), xb = Math.min(bitmap.width, Math.ceil(x1));
  const ya = Math.max(0, Math.floor(y0)), yb = Math.min(bitmap.height, Math.ceil(y1));
  for (let y = ya; y < yb; y++) {
    const row = y * bitmap.width;
    for (let x = xa; x < xb; x++) n += bitmap.data[row + x]!;
  }
  return n;
}
