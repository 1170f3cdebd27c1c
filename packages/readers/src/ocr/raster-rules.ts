// Table rules found in pixels: long thin runs of ink, horizontal and vertical, as page-coordinate segments
// for the shared grid builder. Scans break hairline rules into dashes (seed-002's bilevel TIFF fixture), so
// a run may jump gaps of ~1 mm as long as it stays mostly ink; text is told apart by its neighbourhood:
// the pixels just beside a rule are paper, those beside a stroke inside a line of text are more text.
import type { Bitmap, Raster } from '../image/raster.ts';
import { pxToPt } from '../image/raster.ts';
import type { Segment } from '../grid/types.ts';

export interface RuleOptions {
  dpi: number;
  /** shortest run that can be a rule, px; default 0.25 in — longer than a CJK character at body sizes */
  minRun?: number;
  /** widest gap a run jumps, px (a dashed or broken scan rule) */
  maxGap?: number;
  /** thicker than this is a filled area or a stamp, not a rule, px */
  maxThickness?: number;
}

interface Run { pos: number; from: number; to: number }
interface Line { first: number; last: number; from: number; to: number }

/** share of a run that must be ink, gaps included */
const MIN_FILL = 0.5;
/** densest the scan lines just beside a rule may be */
const MAX_BESIDE = 0.3;

export function findRules(ink: Bitmap, options: RuleOptions): Segment[] {
  const { dpi } = options;
  const minRun = options.minRun ?? Math.round(dpi * 0.25);
  const maxGap = options.maxGap ?? Math.round(dpi / 20);
  const maxThickness = options.maxThickness ?? Math.round(dpi / 20);
  const beside: [number, number] = [Math.max(2, Math.round(dpi / 150)), Math.max(3, Math.round(dpi / 40))];
  const alongRows = (b: Bitmap): ScanLines => ({ count: b.height, at: (pos, i) => b.data[pos * b.width + i]! });
  // columns are scanned as the rows of the page turned over its diagonal: walking down a column strides a whole
  // row of memory each pixel, and the page is millions of them
  const across = transposed(ink);
  const rows = alongRows(ink), columns = alongRows(across);
  const horizontal = rulesAlong(rows, alongRows(thickened(ink, ink.width)), ink.width, minRun, maxGap, maxThickness, beside);
  const vertical = rulesAlong(columns, alongRows(thickened(across, across.width)), ink.height, minRun, maxGap, maxThickness, beside);
  // a table rule runs from wall to wall: both its ends meet a perpendicular rule. A bridged stroke inside a
  // line of text floats in its cell or touches one wall (seed-000's 绩效目标 cell, text set tight against the
  // left rule). Twice: dropping floating strokes can leave others floating.
  // a long rule whose far end fades out (the grey right edge of seed-002's TIFF) needs one wall only
  const reach = Math.round(dpi / 40), long = dpi * 2;
  let hs = horizontal, vs = vertical;
  for (let pass = 0; pass < 2; pass++) {
    const h2 = hs.filter((l) => meets(l, vs, reach, long));
    vs = vs.filter((l) => meets(l, hs, reach, long));
    hs = h2;
  }
  // then each stretch of a rule between the rules it crosses must be drawn as a rule
  const hs2 = hs.flatMap((l) => ruleStretches(l, vs, reach, rows, beside));
  vs = vs.flatMap((l) => ruleStretches(l, hs, reach, columns, beside));
  hs = hs2;
  const pt = (px: number) => pxToPt(px, dpi);
  const mid = (l: Line) => pt((l.first + l.last + 1) / 2);
  return [
    ...hs.map((l) => ({ x0: pt(l.from), x1: pt(l.to), y0: mid(l), y1: mid(l) })),
    ...vs.map((l) => ({ y0: pt(l.from), y1: pt(l.to), x0: mid(l), x1: mid(l) })),
  ];
}

/** Do both ends of `line` touch (within `reach` px) a perpendicular rule — or one end, for a line this `long`? */
function meets(line: Line, others: Line[], reach: number, long: number): boolean {
  const touches = (end: number) => others.some((o) => end >= o.first - reach && end <= o.last + 1 + reach && line.last + 1 >= o.from - reach && line.first <= o.to + reach);
  const a = touches(line.from), b = touches(line.to - 1);
  return (a && b) || ((a || b) && line.to - line.from >= long);
}

type At = (pos: number, i: number) => number;

/** The scan lines of one direction: how many there are, and the ink at (line, position along it). */
interface ScanLines { count: number; at: At }

/**
 * The densest scan line in the band beside `line` (both sides), over [from, to): paper beside a rule (cell
 * padding), strokes beside a stroke bridged across a cell (seed-000's 产出 in the 一级指标 column).
 */
function inkBeside(scan: ScanLines, line: Line, from: number, to: number, beside: [number, number]): number {
  const density = (pos: number) => {
    if (pos < 0 || pos >= scan.count) return 0;
    let n = 0;
    for (let i = from; i < to; i++) n += scan.at(pos, i);
    return n / Math.max(1, to - from);
  };
  let max = 0;
  for (let d = beside[0]; d <= beside[1]; d++) max = Math.max(max, density(line.first - d), density(line.last + d));
  return max;
}

/** a stretch between crossings this well covered is a rule, however its gaps fall */
const MIN_STRETCH_FILL = 0.75;
/** otherwise its widest gap must be short: a broken scan rule's gaps are, a character's end short of a wall is not */
const MAX_STRETCH_GAP = 0.17;
/** … and the scan lines beside it nearly paper: ≤ 0.04 beside the broken rules of the fixtures, ≥ 0.19 beside text */
const MAX_STRETCH_BESIDE = 0.12;

/**
 * The parts of `line` that are drawn as a rule, stretch by stretch between the perpendicular rules it crosses.
 * A stretch is a rule when it is nearly all ink, or broken only by short gaps with paper beside it. Two kinds of
 * text pass for a rule as a whole and fail here: the uprights of characters set one above the other in tight
 * rows (学 over 中, 1 over 1, in a 13 pt row), joined across the rule between the rows, each covering only part
 * of its row; and the top strokes of a text line set level with a rule of the next column (产 of 产出指 in a
 * narrow merged cell, seed-004), bridged from wall to wall with glyphs right under them.
 */
function ruleStretches(line: Line, others: Line[], reach: number, scan: ScanLines, beside: [number, number]): Line[] {
  const cuts = others
    .filter((o) => line.last + 1 >= o.from - reach && line.first <= o.to + reach)
    .map((o) => [o.first, o.last + 1] as const)
    .filter(([a, b]) => b > line.from + reach && a < line.to - reach)
    .sort((a, b) => a[0] - b[0]);
  if (cuts.length === 0) return [line];
  // a rule on a bowed or photographed page is not level: where it runs out of its band of scan lines at one
  // end it is still drawn a line or two beyond (the staircase's last steps, split off as a line of their own)
  const slack = beside[0];
  const stretches: [number, number][] = [];
  let from = line.from;
  for (const [a, b] of cuts) {
    if (a > from) stretches.push([from, a]);
    from = Math.max(from, b);
  }
  if (line.to > from) stretches.push([from, line.to]);
  const isRule = ([a, b]: [number, number]) => {
    if (b - a <= 2 * reach) return true;
    let inked = 0, gap = 0, widest = 0;
    for (let i = a; i < b; i++) {
      let on = false;
      for (let pos = Math.max(0, line.first - slack); pos <= Math.min(scan.count - 1, line.last + slack) && !on; pos++) on = scan.at(pos, i) === 1;
      if (on) inked++, gap = 0;
      else widest = Math.max(widest, ++gap);
    }
    if (inked >= MIN_STRETCH_FILL * (b - a)) return true;
    if (widest > MAX_STRETCH_GAP * (b - a)) return false;
    return inkBeside(scan, line, a, b, beside) <= MAX_STRETCH_BESIDE;
  };
  const pieces: Line[] = [];
  let open: Line | null = null;
  for (const stretch of stretches) {
    if (!isRule(stretch)) {
      open = null;
      continue;
    }
    if (open) open.to = stretch[1];
    else pieces.push((open = { ...line, from: stretch[0], to: stretch[1] }));
  }
  return pieces.length === 1 && pieces[0]!.from === stretches[0]![0] && pieces[0]!.to === line.to ? [line] : pieces;
}

/** The bitmap mirrored over its diagonal (x ↔ y), copied in tiles so both sides are read and written nearby. */
function transposed(bitmap: Bitmap): Bitmap {
  const { width, height, data } = bitmap;
  const out = new Uint8Array(data.length);
  const TILE = 64;
  for (let y0 = 0; y0 < height; y0 += TILE) {
    for (let x0 = 0; x0 < width; x0 += TILE) {
      const y1 = Math.min(height, y0 + TILE), x1 = Math.min(width, x0 + TILE);
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) out[x * height + y] = data[y * width + x]!;
    }
  }
  return { width: height, height: width, data: out };
}

/**
 * The ink with each pixel's neighbours across the rule direction (`step`: a row's width for horizontal rules,
 * 1 for vertical ones) inked too: a hairline left a fraction of a degree off the scan lines after deskewing
 * wanders between two lines, each holding only dashes of it; thickened, one line holds it whole.
 */
function thickened(ink: Bitmap, step: number): Bitmap {
  const { data } = ink;
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    if (data[i] === 0) continue;
    out[i] = 1;
    if (i >= step) out[i - step] = 1;
    if (i + step < data.length) out[i + step] = 1;
  }
  return { width: ink.width, height: ink.height, data: out };
}

/** Rules along `scan`: runs found in its `thickened` copy, told from text by the ink beside them in `scan` itself. */
function rulesAlong(scan: ScanLines, thick: ScanLines, length: number, minRun: number, maxGap: number, maxThickness: number, beside: [number, number]): Line[] {
  const found = joinSteps(linesOf(runs(thick.count, length, thick.at, minRun, maxGap), maxThickness + 2), maxGap, maxThickness + 2);
  return found.filter((l) => inkBeside(scan, l, l.from, l.to, beside) <= MAX_BESIDE);
}

/** Runs of mostly-ink along each scan line `pos` (a row for horizontal rules, a column for vertical ones). */
export function runs(lines: number, length: number, at: At, minRun: number, maxGap: number): Run[] {
  const out: Run[] = [];
  for (let pos = 0; pos < lines; pos++) {
    let from = -1, last = -1, inkCount = 0;
    const close = () => {
      if (from >= 0 && last - from + 1 >= minRun && inkCount >= MIN_FILL * (last - from + 1)) out.push({ pos, from, to: last + 1 });
    };
    for (let i = 0; i < length; i++) {
      if (at(pos, i) !== 1) continue;
      if (from < 0 || i - last - 1 > maxGap) {
        close();
        from = i;
        inkCount = 0;
      }
      last = i;
      inkCount++;
    }
    close();
  }
  return out;
}

/**
 * Runs on neighbouring scan lines with about the same extent are one rule (its thickness; a slightly skewed
 * rule steps from line to line). A text line bridged into runs stacks up far thicker and is dropped.
 */
function linesOf(found: Run[], maxThickness: number): Line[] {
  const done: Line[] = [];
  let open: Line[] = [];
  for (const run of found) {
    open = open.filter((l) => (run.pos - l.last <= 2 ? true : (done.push(l), false)));
    const overlap = (l: Line) => Math.min(l.to, run.to) - Math.max(l.from, run.from);
    const line = open.find((l) => overlap(l) > 0.5 * Math.max(l.to - l.from, run.to - run.from));
    if (line) {
      line.last = run.pos;
      line.from = Math.min(line.from, run.from);
      line.to = Math.max(line.to, run.to);
    } else open.push({ first: run.pos, last: run.pos, from: run.from, to: run.to });
  }
  done.push(...open);
  return done.filter((l) => l.last - l.first + 1 <= maxThickness);
}

/**
 * A rule left a hair off the scan lines after deskewing steps from one line to the next: each step is a
 * Line of its own, end to end with the next on an adjacent scan line. Joined again they reach the walls;
 * apart, the middle steps float and are dropped (seed-002's mixed PDF lost its header row's top rule).
 */
/**
 * how far a rule may climb across the scan lines along its length (tan 2°): a bowed or photographed page leaves
 * rules slanted after deskewing, a degree or more in one part of the page, in steps each a rule's thickness
 */
const MAX_SLANT = 0.035;

function joinSteps(lines: Line[], maxGap: number, maxThickness: number): Line[] {
  const out: Line[] = [];
  for (const line of [...lines].sort((a, b) => a.from - b.from)) {
    const prev = out.find((o) =>
      line.first <= o.last + 2 && line.last >= o.first - 2 && line.from >= o.from && line.from <= o.to + maxGap && line.to > o.to &&
      Math.max(o.last, line.last) - Math.min(o.first, line.first) + 1 <= maxThickness + MAX_SLANT * (Math.max(o.to, line.to) - o.from));
    if (prev) {
      prev.to = line.to;
      prev.first = Math.min(prev.first, line.first);
      prev.last = Math.max(prev.last, line.last);
    } else out.push({ ...line });
  }
  return out;
}

/**
 * The found rules painted out of the page (grey to paper, ink to none), so no crop of a cell carries a piece
 * of its walls into OCR: a light or slanted rule leaves remnants no edge trim catches (`|年初预算数`,
 * `【零陵区林业局—`). Each rule is followed along its length (a slanted one climbs a line every so often),
 * and only the short run of ink across it is painted: a stroke that crosses the rule runs on beyond it and stays.
 */
export function eraseRules(grey: Raster, ink: Bitmap, faint: Bitmap, segments: Segment[], dpi: number): void {
  const px = (pt: number) => Math.round((pt * dpi) / 72);
  const thick = Math.round(dpi / 20), reach = Math.round(thick / 2) + Math.max(2, Math.round(dpi / 100));
  for (const s of segments) {
    const horizontal = s.y0 === s.y1;
    const along0 = px(horizontal ? s.x0 : s.y0), along1 = px(horizontal ? s.x1 : s.y1), mid = px(horizontal ? s.y0 : s.x0);
    const [count, length] = horizontal ? [faint.height, faint.width] : [faint.width, faint.height];
    const at = (across: number, along: number) => (horizontal ? across * faint.width + along : along * faint.width + across);
    // the run of ink across the rule at `a` nearest `near`, within `within` scan lines; null: none, or too thick
    const runAt = (a: number, near: number, within: number): [number, number] | null => {
      for (let d = 0; d <= within; d++) {
        for (const c of [near - d, near + d]) {
          if (c < 0 || c >= count || !faint.data[at(c, a)]) continue;
          let lo = c, hi = c;
          while (lo > 0 && faint.data[at(lo - 1, a)]) lo--;
          while (hi < count - 1 && faint.data[at(hi + 1, a)]) hi++;
          return hi - lo + 1 <= thick ? [lo, hi] : null;
        }
      }
      return null;
    };
    let track = -1;
    for (let a = Math.max(0, along0); a < Math.min(length, along1); a++) {
      const run = (track >= 0 ? runAt(a, track, 2) : null) ?? runAt(a, mid, reach);
      if (!run) continue;
      for (let c = run[0]; c <= run[1]; c++) (grey.data[at(c, a)] = 255), (ink.data[at(c, a)] = 0);
      track = Math.round((run[0] + run[1]) / 2);
    }
  }
}
