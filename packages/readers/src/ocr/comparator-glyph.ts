// Which comparator a glyph is, from its shape: the Chinese models read ≥ as 之/过/亏/么 and ≥ as > (seed-000
// fixtures), but the shapes differ plainly — a chevron pointing left or right, with none, one or two bars
// under it; `=` is two bars and no chevron. Font-independent: counts and directions, no templates.
import type { Bitmap } from '../image/raster.ts';
import { inkColumnRuns } from './glyph-columns.ts';
export { firstGlyphBox } from './glyph-columns.ts';

export type Comparator = '>' | '<' | '≥' | '≤' | '≧' | '≦' | '=';

interface Component { x0: number; y0: number; x1: number; y1: number; pixels: [number, number][] }

export function classifyComparator(ink: Bitmap, box: { x0: number; y0: number; x1: number; y1: number }): Comparator | null {
  const parts = components(ink, box);
  const total = parts.reduce((n, c) => n + c.pixels.length, 0);
  // specks (noise, JPEG dirt) are not strokes
  const strokes = parts.filter((c) => c.pixels.length >= total * 0.04).sort((a, b) => a.y0 - b.y0);
  if (strokes.length === 0 || strokes.length > 3) return null;
  // a bar is wide and flat; the bar under ≥ in Noto CJK is slanted, so "flat" is generous. A chevron that
  // points is never a bar, however flat (the shallow ≥ of sans fonts at 200–300 dpi is wider than tall)
  const isBar = (c: Component) => c.x1 - c.x0 >= 1.4 * (c.y1 - c.y0) && chevron(c) === null;
  const [top, ...rest] = strokes;
  if (strokes.length === 2 && strokes.every(isBar)) return '=';
  // a scan can join the chevron's foot to the bar under it (a small ≧ at 300 dpi): one component, split again
  const { head, bars: joined } = withoutFootBar(top!);
  if (!rest.every(isBar) || isBar(head)) return null;
  if (rest.some((bar) => bar.y0 < head.y0 + (head.y1 - head.y0) / 2)) return null;
  const direction = chevron(head);
  if (!direction) return null;
  // the two bars of a small ≧ touch at their ends once scanned: one component, two bars stacked
  const bars = joined + rest.reduce((n, bar) => n + barsIn(bar), 0);
  const table: Record<number, [Comparator, Comparator]> = { 0: ['>', '<'], 1: ['≥', '≤'], 2: ['≧', '≦'] };
  return table[bars]?.[direction === 'right' ? 0 : 1] ?? null;
}

/**
 * A component whose lowest rows are a solid bar as wide as itself (ink in 80% of its columns) above which
 * stands more: the bar is split off and counted; the rest is the head.
 */
function withoutFootBar(c: Component): { head: Component; bars: number } {
  const w = c.x1 - c.x0;
  const rowInk = new Map<number, number>();
  for (const [, y] of c.pixels) rowInk.set(y, (rowInk.get(y) ?? 0) + 1);
  let y = c.y1 - 1;
  while (y >= c.y0 && (rowInk.get(y) ?? 0) >= 0.8 * w) y--;
  const barRows = c.y1 - 1 - y;
  // a bar is a few rows thick under a head at least as tall as the bar is thick
  if (barRows === 0 || y - c.y0 + 1 < 2 * barRows) return { head: c, bars: 0 };
  const pixels = c.pixels.filter(([, py]) => py <= y);
  const xs = pixels.map(([x]) => x);
  return { head: { x0: Math.min(...xs), x1: Math.max(...xs) + 1, y0: c.y0, y1: y + 1, pixels }, bars: 1 };
}

/** Bars stacked in one flat component: the runs of ink down its middle columns (two where ≧'s bars touch). */
function barsIn(c: Component): number {
  const w = c.x1 - c.x0, h = c.y1 - c.y0;
  const column = new Map<number, Uint8Array>();
  for (const [x, y] of c.pixels) {
    if (x < c.x0 + w / 3 || x >= c.x1 - w / 3) continue;
    const col = column.get(x) ?? new Uint8Array(h);
    col[y - c.y0] = 1;
    column.set(x, col);
  }
  const counts = [...column.values()].map((col) => col.reduce((n, on, i) => n + (on && (i === 0 || !col[i - 1]) ? 1 : 0), 0)).sort((a, b) => a - b);
  return counts.length ? counts[Math.floor(counts.length / 2)]! : 1;
}

/** A chevron's point: right (>) when its middle rows sit further right than its top and bottom rows. */
function chevron(c: Component): 'right' | 'left' | null {
  const h = c.y1 - c.y0, w = c.x1 - c.x0;
  if (h < 4 || w < 3) return null;
  const band = (from: number, to: number) => {
    const xs = c.pixels.filter(([, y]) => y >= c.y0 + from * h && y < c.y0 + to * h).map(([x]) => x);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  };
  const top = band(0, 0.2), middle = band(0.4, 0.6), bottom = band(0.8, 1.01);
  if (top === null || middle === null || bottom === null) return null;
  const shift = 0.25 * w;
  if (middle - top > shift && middle - bottom > shift) return 'right';
  if (top - middle > shift && bottom - middle > shift) return 'left';
  return null;
}

/** 8-connected ink components inside `box`. */
function components(ink: Bitmap, box: { x0: number; y0: number; x1: number; y1: number }): Component[] {
  const x0 = Math.max(0, Math.floor(box.x0)), x1 = Math.min(ink.width, Math.ceil(box.x1));
  const y0 = Math.max(0, Math.floor(box.y0)), y1 = Math.min(ink.height, Math.ceil(box.y1));
  const w = x1 - x0, h = y1 - y0;
  if (w <= 0 || h <= 0) return [];
  const seen = new Uint8Array(w * h);
  const out: Component[] = [];
  for (let sy = 0; sy < h; sy++) {
    for (let sx = 0; sx < w; sx++) {
      if (seen[sy * w + sx] || !ink.data[(y0 + sy) * ink.width + x0 + sx]) continue;
      const c: Component = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity, pixels: [] };
      const stack = [sx, sy];
      seen[sy * w + sx] = 1;
      while (stack.length) {
        const y = stack.pop()!, x = stack.pop()!;
        c.pixels.push([x, y]);
        c.x0 = Math.min(c.x0, x); c.x1 = Math.max(c.x1, x + 1); c.y0 = Math.min(c.y0, y); c.y1 = Math.max(c.y1, y + 1);
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx, ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h || seen[ny * w + nx]) continue;
          if (!ink.data[(y0 + ny) * ink.width + x0 + nx]) continue;
          seen[ny * w + nx] = 1;
          stack.push(nx, ny);
        }
      }
      out.push(c);
    }
  }
  return out;
}

/** bars this many body heights long are ═ (35 px against 18 for = beside 40 px text at 300 dpi, split-comparator) */
const WIDE_EQUALS = 0.7;

/** What a value's comparator may be printed as, as read: a reading like these is kept as it is. */
export const COMPARATOR_TEXT = /^(?:[≥≤≧≦><=＞＜＝═﹦]|>=|<=|＞＝|＜＝)$/;

/**
 * A cell holding only a comparator (the 指标性质 column of split-value templates): recognisers trained on text
 * lines read a lone ≥ as N, W or M and `<=` as ΛⅡ. One glyph, or `<`/`>` then `=`, each told by its shape;
 * null when the cell's ink is anything else.
 */
export function loneComparator(ink: Bitmap, box: { x0: number; y0: number; x1: number; y1: number }, em?: number): string | null {
  // glyphs told apart by blank columns; scan specks make runs of their own, with little of the box's ink
  const columns = inkColumnRuns(ink, box);
  const total = columns.reduce((n, r) => n + r.ink, 0);
  const runs = columns.filter((r) => r.ink >= 0.08 * total);
  if (runs.length === 0 || runs.length > 2) return null;
  const marks = runs.map((r) => classifyComparator(ink, { x0: r.x0, y0: box.y0, x1: r.x1, y1: box.y1 }));
  if (marks.some((m) => m === null)) return null;
  // forms type the box-drawing ═ for "equals" (DOMAIN.md): its bars run nearly an em, an = half of one
  if (marks.length === 1 && marks[0] === '=' && em && runs[0]!.x1 - runs[0]!.x0 >= WIDE_EQUALS * em) return '═';
  if (marks.length === 1) return marks[0]!;
  return (marks[0] === '>' || marks[0] === '<') && marks[1] === '=' ? `${marks[0]}=` : null;
}

/** a dash's bar is at most this share of an em thick; an em dash (—) runs at least this share of an em, a hyphen less */
const DASH_THICKNESS = 0.2, EM_DASH = 0.6;

/**
 * A cell holding only a dash (`—` or `-` for "not applicable" in a target column): a lone bar is too little
 * ink to pass for writing and the recognisers return nothing for it. One glyph, one thin level bar; its
 * length against the page's body size tells — from -. Null for anything else.
 */
export function loneDash(ink: Bitmap, box: { x0: number; y0: number; x1: number; y1: number }, em: number): string | null {
  const runs = inkColumnRuns(ink, box);
  const total = runs.reduce((n, r) => n + r.ink, 0);
  const glyphs = runs.filter((r) => r.ink >= 0.08 * total);
  if (glyphs.length !== 1) return null;
  const g = glyphs[0]!;
  let top = -1, bottom = -1;
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(ink.height, Math.ceil(box.y1)); y++) {
    let on = false;
    for (let x = g.x0; x < g.x1 && !on; x++) on = ink.data[y * ink.width + x] === 1;
    if (on) (top = top < 0 ? y : top), (bottom = y);
  }
  const thick = bottom - top + 1, long = g.x1 - g.x0;
  if (top < 0 || thick > Math.max(2, DASH_THICKNESS * em) || long < 3 * thick || long < 0.2 * em) return null;
  return long >= EM_DASH * em ? '—' : '-';
}
