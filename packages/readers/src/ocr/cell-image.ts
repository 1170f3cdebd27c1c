// The picture of one region (a table cell, a text line) cut for OCR: rule remnants at its edges dropped,
// trimmed to its ink, padded with paper. A region without ink is blank and never reaches OCR.
import sharp from 'sharp';
import type { Bitmap, Raster } from '../image/raster.ts';
import type { Picture, SegMode } from './engine.ts';

export interface RegionImage {
  /** what OCR reads: the crop, resampled, with paper around it; its `lines` in its own rows */
  picture: Picture;
  mode: SegMode;
  /** where the crop's (0,0) sits in the page raster, px, and how much it was scaled */
  left: number;
  top: number;
  scale: number;
  /** lines of text in the ink (inkLines), page px rows [from, to); OCR that returns fewer dropped one */
  lines: [number, number][];
}

export interface CropOptions {
  /** px cut from every edge first: the rule and its anti-aliasing */
  inset: number;
  /** an ink row spanning more than this share of the crop is a rule remnant */
  ruleShare?: number;
  /** resample so text height suits the model; 1 = as scanned */
  scale?: number;
  /**
   * hand OCR the page's ink bitmap rather than the grey picture (default): tesseract's own threshold of a
   * small noisy crop turned lone digits (分值 5) into CJK characters on the fixtures
   */
  binary?: boolean;
  /** page px rows [from, to) to keep; the rest of the region is blanked (one line of a wrapped cell) */
  keepRows?: [number, number];
}

/** Fewer ink pixels than this (relative to dpi²) is a blank cell with specks. */
const MIN_INK_PER_DPI2 = 0.0008;

/**
 * A page the regions are cut from: its grey picture, its ink, and the ink's runs too long for a stroke of text,
 * found once for the page (a page is cut into a hundred regions or more, some several times). The ink must
 * not change once the page is cut from.
 */
export interface CropPage {
  grey: Raster;
  ink: Bitmap;
  longRuns: LongRuns;
}

export function cropPage(grey: Raster, ink: Bitmap): CropPage {
  return { grey, ink, longRuns: longInkRuns(ink, grey.dpi) };
}

export async function regionImage(page: CropPage, box: { x0: number; y0: number; x1: number; y1: number }, options: CropOptions): Promise<RegionImage | null> {
  const { grey, ink } = page;
  const x0 = Math.max(0, Math.round(box.x0 + options.inset)), y0 = Math.max(0, Math.round(box.y0 + options.inset));
  const x1 = Math.min(grey.width, Math.round(box.x1 - options.inset)), y1 = Math.min(grey.height, Math.round(box.y1 - options.inset));
  if (x1 - x0 < 4 || y1 - y0 < 4) return null;
  const ruleShare = options.ruleShare ?? 0.7;
  const w = x1 - x0, h = y1 - y0;
  // per-row and per-column ink; rows/columns that are nearly all ink are a rule's remnant, not text
  const rowInk = new Int32Array(h), colInk = new Int32Array(w);
  for (let y = 0; y < h; y++) {
    const base = (y0 + y) * ink.width + x0;
    for (let x = 0; x < w; x++) if (ink.data[base + x]) { rowInk[y]++; colInk[x]++; }
  }
  // flags, not sets: they are looked up for every pixel of the crop
  const ruleRows = new Uint8Array(h), ruleCols = new Uint8Array(w);
  rowInk.forEach((n, y) => { if (n > ruleShare * w) ruleRows[y] = 1; });
  colInk.forEach((n, x) => { if (n > ruleShare * h) ruleCols[x] = 1; });
  if (options.keepRows) for (let y = 0; y < h; y++) if (y0 + y < options.keepRows[0] || y0 + y >= options.keepRows[1]) ruleRows[y] = 1;
  const remnant = remnantsIn(page.longRuns, x0, y0, w, h);
  let ax = w, ay = h, bx = -1, by = -1, total = 0;
  // ink per row without the rule remnants, which would bridge the blank gaps between text lines
  const textRowInk = new Int32Array(h);
  for (let y = 0; y < h; y++) {
    if (ruleRows[y]) continue;
    const base = (y0 + y) * ink.width + x0, crop = y * w;
    for (let x = 0; x < w; x++) {
      if (!ink.data[base + x] || ruleCols[x] || remnant[crop + x]) continue;
      total++;
      textRowInk[y]++;
      if (x < ax) ax = x;
      if (x > bx) bx = x;
      if (y < ay) ay = y;
      if (y > by) by = y;
    }
  }
  if (total < MIN_INK_PER_DPI2 * grey.dpi * grey.dpi || bx < 0) return null;
  // generous paper around the text: tesseract drops glyphs that touch or nearly touch the image edge
  const pad = Math.round(grey.dpi / 15);
  const cx0 = Math.max(0, ax - pad), cy0 = Math.max(0, ay - pad), cx1 = Math.min(w, bx + 1 + pad), cy1 = Math.min(h, by + 1 + pad);
  const cw = cx1 - cx0, ch = cy1 - cy0;
  const binary = options.binary ?? true;
  const crop = new Uint8Array(cw * ch);
  for (let y = 0; y < ch; y++) {
    const src = (y0 + cy0 + y) * grey.width + x0 + cx0;
    if (binary) for (let x = 0; x < cw; x++) crop[y * cw + x] = ink.data[src + x] ? 0 : 255;
    else crop.set(grey.data.subarray(src, src + cw), y * cw);
    if (ruleRows[cy0 + y]) crop.fill(255, y * cw, (y + 1) * cw);
    const mark = (cy0 + y) * w + cx0;
    for (let x = 0; x < cw; x++) if (remnant[mark + x] || ruleCols[cx0 + x]) crop[y * cw + x] = 255;
  }
  const scale = options.scale ?? 1;
  let image = sharp(crop, { raw: { width: cw, height: ch, channels: 1 } });
  if (scale !== 1) image = image.resize(Math.max(1, Math.round(cw * scale)), Math.max(1, Math.round(ch * scale)), { kernel: 'lanczos3' });
  const { data, info } = await image.extend({ top: pad, bottom: pad, left: pad, right: pad, background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
  // one text line is at most ~1.7 body heights tall; taller means wrapped text, read as a block. Small type
  // wrapped in a narrow column (数量指 / 标) fits under that height, and single-line mode then reads only
  // one of its lines: count the lines of ink too
  const lines = inkLines(textRowInk, ruleRows, ay, by, grey.dpi).map(([a, b]): [number, number] => [y0 + a, y0 + b]);
  const mode: SegMode = by - ay + 1 <= grey.dpi * 0.24 && lines.length <= 1 ? 'line' : 'block';
  const left = x0 + cx0 - pad / scale, top = y0 + cy0 - pad / scale;
  const inPicture = ([a, b]: [number, number]): [number, number] => [Math.max(0, Math.floor((a - top) * scale)), Math.min(info.height, Math.ceil((b - top) * scale))];
  const picture: Picture = { data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height, dpi: grey.dpi * scale, lines: lines.map(inPicture) };
  return { picture, mode, left, top, scale, lines };
}

/**
 * Text lines in rows `from..to` of a crop, [start, end) in crop rows: runs of inked rows apart by a blank gap.
 * Runs shorter than a character (an underline, a speck, a stroke of 二) join the line before rather than count.
 */
export function inkLines(rowInk: Int32Array, skip: Uint8Array | null, from: number, to: number, dpi: number): [number, number][] {
  const minGap = Math.max(1, Math.round(dpi / 150)), minLine = Math.round(dpi * 0.045);
  const runs: [number, number][] = [];
  let start = -1, blank = 0;
  for (let y = from; y <= to + 1; y++) {
    const on = y <= to && !skip?.[y] && rowInk[y]! > 0;
    if (on) {
      if (start < 0) start = y;
      blank = 0;
    } else if (start >= 0 && ++blank >= minGap) {
      runs.push([start, y - blank + 1]);
      start = -1;
    }
  }
  if (start >= 0) runs.push([start, to + 1]);
  const lines: [number, number][] = [];
  for (const [a, b] of runs) {
    const last = lines[lines.length - 1];
    if (b - a >= minLine) lines.push([a, b]);
    else if (last) last[1] = b;
  }
  return lines;
}

/** a stroke of text is never this long, inches: down, longer than a character; across, than a dash pair (——) */
const REMNANT_DOWN = 0.25, REMNANT_ACROSS = 0.6;

/** Ink runs too long for a stroke of text, page px: `down` as (x, from, to) triples, `across` as (y, from, to). */
export interface LongRuns {
  down: Int32Array;
  across: Int32Array;
  /** the shortest run that counts, px each way */
  downPx: number;
  acrossPx: number;
}

/**
 * The page's straight runs of ink longer than any stroke of text: a rule left a little slanted (a bowed or
 * photographed page) wanders across many columns of a tall cell, none of them mostly ink, and read with the
 * text it comes out as `!I`. Found row by row in one pass (a column walk would stride across the page).
 */
export function longInkRuns(ink: Bitmap, dpi: number): LongRuns {
  const { width, height, data } = ink;
  const downPx = Math.round(dpi * REMNANT_DOWN), acrossPx = Math.round(dpi * REMNANT_ACROSS);
  const down: number[] = [], across: number[] = [];
  const startDown = new Int32Array(width).fill(-1);
  for (let y = 0; y <= height; y++) {
    const row = y * width;
    let from = -1;
    for (let x = 0; x <= width; x++) {
      const on = y < height && x < width && data[row + x] === 1;
      if (x < width) {
        if (on) { if (startDown[x]! < 0) startDown[x] = y; }
        else if (startDown[x]! >= 0) {
          if (y - startDown[x]! >= downPx) down.push(x, startDown[x]!, y);
          startDown[x] = -1;
        }
      }
      if (on) { if (from < 0) from = x; }
      else if (from >= 0) {
        if (x - from >= acrossPx) across.push(y, from, x);
        from = -1;
      }
    }
  }
  return { down: Int32Array.from(down), across: Int32Array.from(across), downPx, acrossPx };
}

/**
 * The crop's pixels (1 = remnant) lying on runs that are long within the crop itself: a run clipped by the
 * crop's edges counts only for the length it has inside.
 */
function remnantsIn(runs: LongRuns, x0: number, y0: number, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  const { down, across } = runs;
  for (let i = 0; i < down.length; i += 3) {
    const x = down[i]! - x0;
    if (x < 0 || x >= w) continue;
    const from = Math.max(down[i + 1]!, y0) - y0, to = Math.min(down[i + 2]!, y0 + h) - y0;
    if (to - from >= runs.downPx) for (let y = from; y < to; y++) out[y * w + x] = 1;
  }
  for (let i = 0; i < across.length; i += 3) {
    const y = across[i]! - y0;
    if (y < 0 || y >= h) continue;
    const from = Math.max(across[i + 1]!, x0) - x0, to = Math.min(across[i + 2]!, x0 + w) - x0;
    if (to - from >= runs.acrossPx) out.fill(1, y * w + from, y * w + to);
  }
  return out;
}
