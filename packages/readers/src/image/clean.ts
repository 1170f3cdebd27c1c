// Scan cleaning: even out the paper (grey background, uneven light of a photographed page), drop speckle,
// straighten the skew, and derive the ink bitmap the rule finder and the blank-cell test read.
import sharp, { type Sharp } from 'sharp';
import type { Bitmap, Raster } from './raster.ts';
import { estimateSkew } from './deskew.ts';

export interface CleanPage {
  /** flattened, despeckled, straightened grey image: what OCR reads */
  grey: Raster;
  /** ink = 1, same geometry as `grey` */
  ink: Bitmap;
  /**
   * ink including faint strokes (threshold halfway between Otsu's and the paper): hairline table rules
   * (0.5 pt, one pixel of light grey at 300 dpi) break into dashes in `ink` but stay whole here
   */
  faint: Bitmap;
  /** degrees the scan was turned by (positive = clockwise); the page was rotated back by this much */
  skewDegrees: number;
}

/** Skew smaller than this is left alone: rotating costs a resample that softens glyphs. */
const MIN_SKEW = 0.05;

export async function cleanPage(raster: Raster): Promise<CleanPage> {
  let grey = await flattenBackground(raster);
  let otsu = inkThreshold(grey.data);
  let ink = binarize(grey, 'ink', otsu);
  const skewDegrees = estimateSkew(ink);
  if (Math.abs(skewDegrees) >= MIN_SKEW) {
    grey = await rotate(grey, -skewDegrees);
    otsu = inkThreshold(grey.data);
    ink = binarize(grey, 'ink', otsu);
  }
  return { grey, ink, faint: withThinRules(binarize(grey, 'faint', otsu), grey), skewDegrees };
}

/** darkness summed across a thin rule's (up to) three pixels: ≥ this is a rule drawn, however light */
const THIN_RULE_DARKNESS = 45;

/**
 * Marks the thin dark ridges of `grey` in `bitmap`: a rule of 0.5 pt is a pixel or two of light grey at
 * 200 dpi, and once the page is deskewed its darkness is shared between two rows, each too light for any
 * threshold, so the rule falls apart into dashes. Across the rule the darkness peaks on a pixel whose
 * three-pixel sum is clearly darker than paper, with paper two pixels further out each side; strokes
 * of text pass too, but they are ink already.
 */
export function withThinRules(bitmap: Bitmap, grey: Raster): Bitmap {
  const { width, height, data } = grey;
  const out = bitmap.data;
  const dark = (i: number) => 255 - data[i]!;
  const ridge = (i: number, step: number) => {
    const d = dark(i), before = dark(i - step), after = dark(i + step);
    if (d < before || d < after || d + before + after < THIN_RULE_DARKNESS) return false;
    return 2 * dark(i - 3 * step) < d && 2 * dark(i + 3 * step) < d;
  };
  for (let y = 3; y < height - 3; y++) {
    for (let x = 3; x < width - 3; x++) {
      const i = y * width + x;
      // a ridge's peak is the darkest of its three pixels, so at least a third of their sum: most of a page
      // is paper lighter than that, and is passed over without the two ridge tests
      if (out[i] === 0 && dark(i) * 3 >= THIN_RULE_DARKNESS && (ridge(i, width) || ridge(i, 1))) out[i] = 1;
    }
  }
  return bitmap;
}

const raw = (r: Raster) => ({ raw: { width: r.width, height: r.height, channels: 1 as const } });

async function toRaster(image: Sharp, dpi: number): Promise<Raster> {
  const { data, info } = await image.greyscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), dpi };
}

/**
 * Divides the picture by an estimate of the bare paper, so grey paper and a dark photographed corner both
 * become white while ink keeps its contrast. The paper estimate is a median over a small window: strokes
 * and rules are thinner than it, so the median sees paper. (Measured: a wide median of a shrunken copy,
 * 72 px at full size, lost every row of a photographed fixture page.) It is taken on a copy shrunk by half
 * (a 5 px window there is ~10 px here): paper changes slowly, and the full-size median cost ~0.8 CPU-s of a
 * 300 dpi page, a fifth of its whole reading.
 */
const PAPER_WINDOW = 9;
const SHRUNK_PAPER_WINDOW = 5;
/**
 * below this the shrunk copy's estimate is too coarse: at 200 dpi strokes are two pixels, and the fixture
 * scans lost 2% of their fields with it (the 300 dpi ones lost one field of 812; the corpus scans none)
 */
const SHRINK_FROM_DPI = 250;

export async function flattenBackground(raster: Raster): Promise<Raster> {
  // a thumbnail (under ~70 px a side, an 8-pixel page) has no paper to flatten
  if (Math.round(raster.width / 8) < PAPER_WINDOW || Math.round(raster.height / 8) < PAPER_WINDOW) return raster;
  const { width, height } = raster;
  const shrink = raster.dpi >= SHRINK_FROM_DPI ? 2 : 1;
  const pw = Math.ceil(width / shrink), ph = Math.ceil(height / shrink);
  let image = sharp(raster.data, raw(raster));
  if (shrink > 1) image = sharp(await image.resize(pw, ph, { kernel: 'linear', fit: 'fill' }).greyscale().raw().toBuffer(), { raw: { width: pw, height: ph, channels: 1 } });
  const paper = await image.median(shrink > 1 ? SHRUNK_PAPER_WINDOW : PAPER_WINDOW).greyscale().raw().toBuffer();
  const bgOf = new Uint8Array(paper.buffer, paper.byteOffset, paper.length);
  const source = raster.data;
  const flat = flattened();
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width, paperRow = ((y / shrink) | 0) * pw;
    for (let x = 0; x < width; x++) out[row + x] = flat[(bgOf[paperRow + ((x / shrink) | 0)]! << 8) | source[row + x]!]!;
  }
  // no median despeckle here: it cost ~0.7 s a page at 300 dpi and OCR reads the flattened noise fine;
  // isolated ink specks are too short to pass for rules and too few to make a blank cell look written
  return { width, height, data: out, dpi: raster.dpi };
}

let flattenedTable: Uint8Array | undefined;

/**
 * Every (paper, pixel) pair's flattened value, paper in the high byte: a page is millions of pixels and
 * a look-up costs a fraction of the division and rounding it replaces.
 */
function flattened(): Uint8Array {
  if (flattenedTable) return flattenedTable;
  flattenedTable = new Uint8Array(256 * 256);
  for (let paper = 0; paper < 256; paper++) {
    const bg = Math.max(paper, 1);
    for (let v = 0; v < 256; v++) flattenedTable[(paper << 8) | v] = Math.min(255, Math.round((v * 255) / bg));
  }
  return flattenedTable;
}

/** Rotates about the centre and keeps the page size, filling with paper. */
export async function rotate(raster: Raster, degrees: number): Promise<Raster> {
  const turned = await sharp(raster.data, raw(raster)).rotate(degrees, { background: '#ffffff' }).raw().toBuffer({ resolveWithObject: true });
  const left = Math.max(0, Math.floor((turned.info.width - raster.width) / 2));
  const top = Math.max(0, Math.floor((turned.info.height - raster.height) / 2));
  const image = sharp(turned.data, { raw: { width: turned.info.width, height: turned.info.height, channels: turned.info.channels } })
    .extract({ left, top, width: raster.width, height: raster.height });
  return toRaster(image, raster.dpi);
}

/** Otsu's threshold over the flattened page (paper is near 255 after flattening, so the split is clean). */
export function otsuThreshold(data: Uint8Array): number {
  const hist = new Float64Array(256);
  const counts = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) counts[data[i]!]++;
  hist.set(counts);
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let sumB = 0, wB = 0, best = 0, threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = data.length - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB, mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) { best = between; threshold = t; }
  }
  return threshold;
}

/** The ink threshold of flattened grey: Otsu's, but never mid-grey paper (a blank page's split would land in its noise). */
export function inkThreshold(grey: Uint8Array): number {
  return Math.min(otsuThreshold(grey), 200);
}

/** `otsu`: the page's inkThreshold when already known (the ink and faint bitmaps of one page share it). */
export function binarize(raster: Raster, level: 'ink' | 'faint' = 'ink', otsu = inkThreshold(raster.data)): Bitmap {
  const t = level === 'ink' ? otsu : Math.round((otsu + 255) / 2);
  // a table of the 256 grey levels: the page is millions of pixels, and a look-up beats a compare and branch
  const ink = new Uint8Array(256);
  ink.fill(1, 0, t + 1);
  const data = new Uint8Array(raster.width * raster.height);
  const grey = raster.data;
  for (let i = 0; i < data.length; i++) data[i] = ink[grey[i]!]!;
  return { width: raster.width, height: raster.height, data };
}
