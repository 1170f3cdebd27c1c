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

export async function regionImage(grey: Raster, ink: Bitmap, box: { x0: number; y0: number; x1: number; y1: number }, options: CropOptions): Promise<RegionImage | null> {
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
  const ruleRows = new Set<number>(), ruleCols = new Set<number>();
  rowInk.forEach((n, y) => { if (n > ruleShare * w) ruleRows.add(y); });
  colInk.forEach((n, x) => { if (n > ruleShare * h) ruleCols.add(x); });
  if (options.keepRows) for (let y = 0; y < h; y++) if (y0 + y < options.keepRows[0] || y0 + y >= options.keepRows[1]) ruleRows.add(y);
  const remnant = longRuns(ink, x0, y0, w, h, grey.dpi);
  let ax = w, ay = h, bx = -1, by = -1, total = 0;
  // ink per row without the rule remnants, which would bridge the blank gaps between text lines
  const textRowInk = new Int32Array(h);
  for (let y = 0; y < h; y++) {
    if (ruleRows.has(y)) continue;
    const base = (y0 + y) * ink.width + x0;
    for (let x = 0; x < w; x++) {
      if (ruleCols.has(x) || !ink.data[base + x] || remnant[y * w + x]) continue;
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
    if (ruleRows.has(cy0 + y)) crop.fill(255, y * cw, (y + 1) * cw);
    for (let x = 0; x < cw; x++) if (remnant[(cy0 + y) * w + cx0 + x]) crop[y * cw + x] = 255;
  }
  for (const x of ruleCols) if (x >= cx0 && x < cx1) for (let y = 0; y < ch; y++) crop[y * cw + x - cx0] = 255;
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
export function inkLines(rowInk: Int32Array, skip: Set<number>, from: number, to: number, dpi: number): [number, number][] {
  const minGap = Math.max(1, Math.round(dpi / 150)), minLine = Math.round(dpi * 0.045);
  const runs: [number, number][] = [];
  let start = -1, blank = 0;
  for (let y = from; y <= to + 1; y++) {
    const on = y <= to && !skip.has(y) && rowInk[y]! > 0;
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

/**
 * The crop's pixels (1 = rule) in straight runs of ink longer than any stroke of text: a rule left a little
 * slanted (a bowed or photographed page) wanders across many columns of a tall cell, none of them mostly
 * ink, and read with the text it comes out as `!I`.
 */
function longRuns(ink: Bitmap, x0: number, y0: number, w: number, h: number, dpi: number): Uint8Array {
  const out = new Uint8Array(w * h);
  const on = (x: number, y: number) => ink.data[(y0 + y) * ink.width + x0 + x] === 1;
  const down = Math.round(dpi * REMNANT_DOWN), across = Math.round(dpi * REMNANT_ACROSS);
  for (let x = 0; x < w && h >= down; x++) {
    for (let y = 0, from = -1; y <= h; y++) {
      if (y < h && on(x, y)) from = from < 0 ? y : from;
      else if (from >= 0) {
        if (y - from >= down) for (let k = from; k < y; k++) out[k * w + x] = 1;
        from = -1;
      }
    }
  }
  for (let y = 0; y < h && w >= across; y++) {
    for (let x = 0, from = -1; x <= w; x++) {
      if (x < w && on(x, y)) from = from < 0 ? x : from;
      else if (from >= 0) {
        if (x - from >= across) out.fill(1, y * w + from, y * w + x);
        from = -1;
      }
    }
  }
  return out;
}
