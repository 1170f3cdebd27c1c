// A page's operator list → ruling segments in page coordinates (points, origin top-left). Rules come as
// stroked lines and rectangles (LibreOffice, Word) or as thin filled rectangles (Chromium/Skia, some Word
// exports); both go through the current transform matrix, which form XObjects and `cm` change.
import type { Segment } from '../grid/types.ts';

export type Matrix = [number, number, number, number, number, number];

// pdf.js operator codes and path-building codes (pdfjs-dist 5: OPS, DrawOPS)
export interface PdfOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  setFillRGBColor: number;
  setStrokeRGBColor: number;
  setLineWidth: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat: number;
  paintInlineImageXObjectGroup: number;
  paintImageMaskXObjectGroup: number;
  paintImageMaskXObjectRepeat: number;
  paintSolidColorImageMask: number;
}

const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Thinner than this (points) a filled rectangle is a rule; wider it is a shaded area. */
const RULE_THICKNESS = 3;

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

// near-white ink is invisible on paper: a white rectangle is a background, not a rule
export const isInkRgb = (r: number, g: number, b: number) => r < 0xe6 || g < 0xe6 || b < 0xe6;

function isInk(hex: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return true;
  return [m[1], m[2], m[3]].some((c) => parseInt(c!, 16) < 0xe6);
}

export type Point = [number, number];

/** Subpaths of a pdf.js path buffer, each a polyline (curves kept by their end points only). */
function subpaths(path: ArrayLike<number>): { points: Point[]; closed: boolean }[] {
  const out: { points: Point[]; closed: boolean }[] = [];
  let current: { points: Point[]; closed: boolean } | null = null;
  for (let i = 0; i < path.length; ) {
    const op = path[i]!;
    if (op === MOVE) {
      current = { points: [[path[i + 1]!, path[i + 2]!]], closed: false };
      out.push(current);
      i += 3;
    } else if (op === LINE) {
      current?.points.push([path[i + 1]!, path[i + 2]!]);
      i += 3;
    } else if (op === CURVE) {
      // a curve is never a table rule; keep its end so the polyline stays connected
      current?.points.push([NaN, NaN], [path[i + 5]!, path[i + 6]!]);
      i += 7;
    } else if (op === QUAD) {
      current?.points.push([NaN, NaN], [path[i + 3]!, path[i + 4]!]);
      i += 5;
    } else if (op === CLOSE) {
      if (current) current.closed = true;
      i += 1;
    } else break;
  }
  return out;
}

function isAxisBox(points: Point[]): { x0: number; y0: number; x1: number; y1: number } | null {
  const pts = points.filter((p) => !Number.isNaN(p[0]));
  if (pts.length < 4 || pts.length > 5) return null;
  const xs = [...new Set(pts.map((p) => Math.round(p[0] * 100)))];
  const ys = [...new Set(pts.map((p) => Math.round(p[1] * 100)))];
  if (xs.length > 2 || ys.length > 2) return null;
  return { x0: Math.min(...pts.map((p) => p[0])), y0: Math.min(...pts.map((p) => p[1])), x1: Math.max(...pts.map((p) => p[0])), y1: Math.max(...pts.map((p) => p[1])) };
}

/**
 * One subpath in page space (curves broken by NaN points) → rules: a stroked path gives its straight pieces;
 * a filled one, when it is a thin axis-aligned rectangle, gives the rule it draws.
 */
export function rulesOfSubpath(pts: Point[], closed: boolean, paint: { stroke: boolean; fill: boolean }, out: Segment[]): void {
  if (paint.stroke) {
    const ring = closed && pts.length > 2 ? [...pts, pts[0]!] : pts;
    for (let i = 1; i < ring.length; i++) {
      const [a, b] = [ring[i - 1]!, ring[i]!];
      if (Number.isNaN(a[0]) || Number.isNaN(b[0])) continue;
      out.push({ x0: a[0], y0: a[1], x1: b[0], y1: b[1] });
    }
  }
  if (paint.fill) {
    const box = isAxisBox(pts);
    if (!box) return;
    const w = box.x1 - box.x0;
    const h = box.y1 - box.y0;
    if (h <= RULE_THICKNESS && w > h) out.push({ x0: box.x0, y0: (box.y0 + box.y1) / 2, x1: box.x1, y1: (box.y0 + box.y1) / 2 });
    else if (w <= RULE_THICKNESS && h > w) out.push({ x0: (box.x0 + box.x1) / 2, y0: box.y0, x1: (box.x0 + box.x1) / 2, y1: box.y1 });
  }
}

/** Stroked lines wider than this (points) are drawings, not rules. */
export const MAX_RULE_WIDTH = RULE_THICKNESS * 2;

export interface PageGraphics {
  segments: Segment[];
  images: number;
}

/**
 * Walks the operator list once. `toPage` maps PDF user space (after the CTM) to top-left page space.
 */
export function graphicsOf(fnArray: number[], argsArray: unknown[], OPS: PdfOps, toPage: Matrix): PageGraphics {
  const segments: Segment[] = [];
  let images = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let fill = '#000000';
  let strokeColour = '#000000';
  let lineWidth = 1;
  const stack: { ctm: Matrix; fill: string; strokeColour: string; lineWidth: number }[] = [];
  const strokeOps = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fillOps = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const imageOps = new Set([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
  ]);

  for (let k = 0; k < fnArray.length; k++) {
    const fn = fnArray[k]!;
    const args = argsArray[k] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ctm, fill, strokeColour, lineWidth });
    else if (fn === OPS.restore) ({ ctm, fill, strokeColour, lineWidth } = stack.pop() ?? { ctm, fill, strokeColour, lineWidth });
    else if (fn === OPS.transform) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ctm, fill, strokeColour, lineWidth });
      const matrix = args?.[0] as Matrix | null;
      if (matrix) ctm = multiply(ctm, [...matrix] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ({ ctm, fill, strokeColour, lineWidth } = stack.pop() ?? { ctm, fill, strokeColour, lineWidth });
    else if (fn === OPS.setFillRGBColor) fill = String(args?.[0] ?? fill);
    else if (fn === OPS.setStrokeRGBColor) strokeColour = String(args?.[0] ?? strokeColour);
    else if (fn === OPS.setLineWidth) lineWidth = Number(args?.[0] ?? lineWidth);
    else if (imageOps.has(fn)) images++;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const path = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      if (!path) continue;
      const m = multiply(toPage, ctm);
      const widthOnPage = lineWidth * Math.hypot(m[0], m[1]);
      for (const sub of subpaths(path)) {
        const pts = sub.points.map(([x, y]) => (Number.isNaN(x) ? ([NaN, NaN] as Point) : apply(m, x, y)));
        rulesOfSubpath(pts, sub.closed, {
          stroke: strokeOps.has(paint) && isInk(strokeColour) && widthOnPage <= RULE_THICKNESS * 2,
          fill: fillOps.has(paint) && !strokeOps.has(paint) && isInk(fill),
        }, segments);
      }
    }
  }
  return { segments, images };
}
