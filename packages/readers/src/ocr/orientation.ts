// Pages scanned sideways or upside down — a landscape form fed through a portrait scanner, a sheet turned on the
// glass. Deskewing straightens a few degrees only. A quarter turn shows in the shape of the text lines of a few
// regions (many characters wide across, one character a row when turned); up from down shows in how surely
// those regions read each way: the right way up with confidence, upside down as nothing sure.
import sharp from 'sharp';
import type { Bitmap, Raster } from '../image/raster.ts';
import { inkCount } from '../image/raster.ts';
import type { OcrEngine, Picture } from './engine.ts';
import { median } from './median.ts';
import type { PxBox } from './text-bands.ts';

export type Turn = 0 | 90 | 180 | 270;

/** regions read each way round: the inkiest, a handful is enough to tell */
const SAMPLES = 5;
/** the most of a region read, inches each way */
const SAMPLE_INCHES = 1.2;
/** read this surely the right way up, a page is not turned at all (the usual case costs one reading) */
export const UPRIGHT = 0.8;
/** another way round must read this much more surely to be taken */
const MARGIN = 0.15;

/** Degrees to turn the page clockwise so its text stands upright. */
export async function uprightTurn(grey: Raster, ink: Bitmap, regions: PxBox[], engine: OcrEngine): Promise<Turn> {
  // at most a corner of each region: enough text to tell, little to read (a long narrative cell costs seconds)
  const most = SAMPLE_INCHES * grey.dpi;
  const samples = regions
    .map((r) => ({ ...r, x1: Math.min(r.x1, r.x0 + most), y1: Math.min(r.y1, r.y0 + most) }))
    .map((box) => ({ box, ink: inkCount(ink, box.x0, box.y0, box.x1, box.y1) }))
    .filter((r) => r.ink > 0.002 * grey.dpi * grey.dpi)
    .sort((a, b) => b.ink - a.ink)
    .slice(0, SAMPLES)
    .map((r) => r.box);
  if (samples.length === 0) return 0;
  // on its side or not, from the shape of its lines: a line of text is many characters wide and one high;
  // turned a quarter, the same text cut into rows gives one character a row
  const across = median(samples.map((b) => lineAspect(ink, b, 'rows')))!;
  const down = median(samples.map((b) => lineAspect(ink, b, 'columns')))!;
  const sideways = down > SIDEWAYS * across;
  // which way up, from how surely the text reads each way: upside down it reads as nothing sure
  const score = async (turn: Turn) => {
    let total = 0;
    for (const box of samples) {
      const lines = await engine.recognise(await turned(grey, box, turn), 'block');
      total += lines.length ? lines.reduce((n, l) => n + l.confidence, 0) / lines.length : 0;
    }
    return total / samples.length;
  };
  // the page as it stands is always read first: an upright page that reads well is never turned, and a turn
  // is taken only when it reads clearly better (lines that look tall can be a grid's narrow columns)
  const upright = await score(0);
  if (upright >= UPRIGHT) return 0;
  let best: Turn = 0, bestScore = upright + MARGIN;
  for (const turn of sideways ? ([90, 270] as const) : ([180] as const)) {
    const s = await score(turn);
    if (s > bestScore) (best = turn), (bestScore = s);
  }
  return best;
}

/** turned a quarter, lines cut across the text are this many times longer, relative to their height */
const SIDEWAYS = 1.5;

/**
 * The mean length-to-height ratio of the text lines in `box`, cutting the ink into lines by rows (text as
 * printed across) or by columns (text running down).
 */
function lineAspect(ink: Bitmap, box: PxBox, by: 'rows' | 'columns'): number {
  const x0 = Math.max(0, Math.floor(box.x0)), x1 = Math.min(ink.width, Math.ceil(box.x1));
  const y0 = Math.max(0, Math.floor(box.y0)), y1 = Math.min(ink.height, Math.ceil(box.y1));
  const along = by === 'rows' ? y1 - y0 : x1 - x0, across = by === 'rows' ? x1 - x0 : y1 - y0;
  if (along <= 0 || across <= 0) return 0;
  const at = (i: number, j: number) => (by === 'rows' ? ink.data[(y0 + i) * ink.width + x0 + j]! : ink.data[(y0 + j) * ink.width + x0 + i]!);
  const profile = new Int32Array(along);
  for (let i = 0; i < along; i++) for (let j = 0; j < across; j++) profile[i] += at(i, j);
  const ratios: number[] = [];
  let start = -1;
  for (let i = 0; i <= along; i++) {
    const on = i < along && profile[i]! > 1;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      let first = across, last = -1;
      for (let k = start; k < i; k++) for (let j = 0; j < across; j++) if (at(k, j)) { first = Math.min(first, j); last = Math.max(last, j); }
      if (last >= first && i - start >= 3) ratios.push((last - first + 1) / (i - start));
      start = -1;
    }
  }
  return ratios.length ? ratios.reduce((n, r) => n + r, 0) / ratios.length : 0;
}

/** The whole page turned clockwise by `turn` degrees. */
export async function turnRaster(raster: Raster, turn: Turn): Promise<Raster> {
  if (turn === 0) return raster;
  const { data, info } = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 1 } })
    .rotate(turn)
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), dpi: raster.dpi };
}

/** One region of the grey page turned by `turn`; the engine finds its lines that way round. */
async function turned(grey: Raster, box: PxBox, turn: Turn): Promise<Picture> {
  const left = Math.max(0, Math.floor(box.x0)), top = Math.max(0, Math.floor(box.y0));
  const width = Math.max(1, Math.min(grey.width, Math.ceil(box.x1)) - left), height = Math.max(1, Math.min(grey.height, Math.ceil(box.y1)) - top);
  const { data, info } = await sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } })
    .extract({ left, top, width, height })
    .rotate(turn)
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height, dpi: grey.dpi, lines: [] };
}
