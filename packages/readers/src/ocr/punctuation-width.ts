// Full-width or half-width punctuation, settled from the print rather than from the model's habit: forms type
// `,` and `，`, `:` and `：`, `(` and `（` alike, and a recogniser reads both shapes as whichever it saw more
// in training. The shapes are the same; the room they take is not — a full-width mark sits in a whole em
// box, so the blank around it is wide, while a half-width mark is followed closely by the next character.
import type { Bitmap } from '../image/raster.ts';
import { inkColumnRuns } from './glyph-columns.ts';
import type { PxBox } from './text-bands.ts';

const PAIRS: [full: string, half: string][] = [['，', ','], ['：', ':'], ['；', ';'], ['（', '('], ['）', ')'], ['！', '!'], ['？', '?']];
const TO_HALF = new Map(PAIRS);
const TO_FULL = new Map(PAIRS.map(([f, h]) => [h, f]));

/** a mark with room of at least this many line heights is full-width; at most HALF_ROOM, half-width */
const FULL_ROOM = 0.88;
const HALF_ROOM = 0.72;

export interface PlacedChar {
  text: string;
  /** page px, along the line */
  x: number;
}

export interface ReadLine {
  /** the characters with where the recogniser read them; absent when the engine does not tell */
  chars?: PlacedChar[];
  text: string;
  /** the line's ink, page px */
  box: PxBox;
}

type Width = 'full' | 'half';
const OPENING = new Set(['（', '(']), CLOSING = new Set(['）', ')']);
const isMark = (c: string) => TO_HALF.has(c) || TO_FULL.has(c);

/**
 * The lines of one region (a cell, a text band) with each paired mark in the width its room shows. A mark
 * whose room cannot be measured (at a line's end: a wrapped cell's trailing comma) is typed like the region's
 * other marks when they all agree, else left as read.
 */
export function settlePunctuationWidth(lines: ReadLine[], ink: Bitmap): string[] {
  // every character of the region in reading order, with the width its room shows (marks only)
  const marks: { line: number; at: number; text: string; width: Width | null }[] = [];
  lines.forEach((line, l) => {
    const height = line.box.y1 - line.box.y0;
    if (!line.chars || height <= 0 || !line.chars.some((c) => isMark(c.text))) return;
    const runs = inkColumnRuns(ink, line.box, 2);
    line.chars.forEach((c, i) => {
      if (isMark(c.text)) marks.push({ line: l, at: i, text: c.text, width: measuredWidth(line.chars!, i, runs, height) });
    });
  });
  if (marks.length === 0) return lines.map((l) => l.text);
  // a bracket pair is typed in one width: an unmeasured bracket follows its measured partner; when neither
  // could be measured (`(50分）` wrapped in a narrow cell, both brackets at line ends) the closing one follows
  // the opening one as read — read with the words after it, the opening bracket was the surer guess on the
  // fixtures
  const asRead = (m: { text: string }): Width => (TO_HALF.has(m.text) ? 'full' : 'half');
  marks.forEach((m, k) => {
    if (m.width !== null || !OPENING.has(m.text)) return;
    const closing = marks.slice(k + 1).find((o) => CLOSING.has(o.text));
    if (closing?.width) m.width = closing.width;
  });
  marks.forEach((m, k) => {
    if (m.width !== null || !CLOSING.has(m.text)) return;
    const opening = marks.slice(0, k).reverse().find((o) => OPENING.has(o.text));
    if (opening) m.width = opening.width ?? asRead(opening);
  });
  // other unmeasured marks are typed like the region's measured ones, when those all agree
  const settled = new Set(marks.map((m) => m.width).filter((w): w is Width => w !== null));
  const fallback = settled.size === 1 ? [...settled][0]! : null;
  const texts = lines.map((line) => line.chars?.map((c) => c.text) ?? null);
  for (const m of marks) {
    const width = m.width ?? fallback;
    if (width) texts[m.line]![m.at] = (width === 'full' ? TO_FULL.get(m.text) : TO_HALF.get(m.text)) ?? m.text;
  }
  return lines.map((line, l) => texts[l]?.join('') ?? line.text);
}

/** The room between the mark's neighbours, when the mark's ink is found between them. */
function measuredWidth(chars: PlacedChar[], i: number, runs: { x0: number; x1: number }[], height: number): Width | null {
  const c = chars[i]!;
  // the mark's ink: the run nearest where it was read, between its neighbours' readings
  const lo = i > 0 ? (chars[i - 1]!.x + c.x) / 2 : -Infinity, hi = i < chars.length - 1 ? (c.x + chars[i + 1]!.x) / 2 : Infinity;
  let at = -1, best = Infinity;
  runs.forEach((r, k) => {
    const centre = (r.x0 + r.x1) / 2;
    if (centre < lo || centre > hi) return;
    const d = Math.abs(centre - c.x);
    if (d < best) { best = d; at = k; }
  });
  if (at <= 0 || at >= runs.length - 1) return null;
  if (runs[at]!.x1 - runs[at]!.x0 > 0.45 * height) return null;
  const room = (runs[at + 1]!.x0 - runs[at - 1]!.x1) / height;
  return room >= FULL_ROOM ? 'full' : room <= HALF_ROOM ? 'half' : null;
}
