// Skew estimate by projection profiles: text lines and table rules make the row-ink histogram spikiest
// when the shear matches the page's rotation.
import type { Bitmap } from './raster.ts';

export interface SkewOptions {
  /** largest skew searched, degrees (scans in the wild are turned by a few degrees at most) */
  maxDegrees?: number;
}

/** Degrees the content is turned clockwise (image y down); 0 for a blank page. */
export function estimateSkew(ink: Bitmap, options: SkewOptions = {}): number {
  const max = options.maxDegrees ?? 4;
  const points = samplePoints(ink, 4);
  if (points.length < 200) return 0;
  const height = Math.ceil(ink.height / 4);
  let best = coarseToFine(points, height, -max, max, 0.2);
  // wider than one coarse step: on the shrunken grid the best angles can make a plateau wider than the step
  best = coarseToFine(points, height, best - 0.3, best + 0.3, 0.02);
  return Math.round(best * 100) / 100;
}

/**
 * Ink on a shrunken grid: a `step`×`step` block with any ink counts once, at its own coordinates. Every
 * pixel is looked at — sampling one pixel per block instead aliases thin skewed rules into stairs.
 */
function samplePoints(ink: Bitmap, step: number): Int32Array {
  const bw = Math.ceil(ink.width / step), bh = Math.ceil(ink.height / step);
  const hit = new Uint8Array(bw * bh);
  for (let y = 0; y < ink.height; y++) {
    const row = y * ink.width, brow = ((y / step) | 0) * bw;
    for (let x = 0; x < ink.width; x++) if (ink.data[row + x]) hit[brow + ((x / step) | 0)] = 1;
  }
  const xs: number[] = [];
  for (let by = 0; by < bh; by++) for (let bx = 0; bx < bw; bx++) if (hit[by * bw + bx]) xs.push(bx, by);
  return Int32Array.from(xs);
}

function coarseToFine(points: Int32Array, height: number, from: number, to: number, step: number): number {
  // on the shrunken grid neighbouring angles often score the same: take the middle of the best plateau,
  // not its first angle, or every estimate leans towards `from`
  let bestScore = -1, ties: number[] = [];
  for (let i = 0; from + i * step <= to + 1e-9; i++) {
    const a = from + i * step;
    const score = profileScore(points, height, a);
    if (score > bestScore) { bestScore = score; ties = [a]; }
    else if (score === bestScore) ties.push(a);
  }
  return ties.length ? (ties[0]! + ties[ties.length - 1]!) / 2 : 0;
}

/** Sum of squared row counts after undoing a rotation of `degrees`: high when rows line up. */
function profileScore(points: Int32Array, height: number, degrees: number): number {
  const t = Math.tan((degrees * Math.PI) / 180);
  const margin = Math.ceil(height * 0.1) + 10;
  const rows = new Float64Array(height + 2 * margin);
  for (let i = 0; i < points.length; i += 2) {
    const y = Math.round(points[i + 1]! - points[i]! * t) + margin;
    if (y >= 0 && y < rows.length) rows[y]!++;
  }
  let s = 0;
  for (let i = 0; i < rows.length; i++) s += rows[i]! * rows[i]!;
  return s;
}
