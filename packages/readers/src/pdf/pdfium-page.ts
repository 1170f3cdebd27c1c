// One page through PDFium: characters → text runs, path objects → ruling segments, both in top-left page
// space (points), the same shapes the pdf.js route produced, so the grid builder cannot tell them apart.
import type { Segment, TextItem } from '../grid/types.ts';
import { foldCjkCompat } from './cjk-compat.ts';
import { apply, isInkRgb, MAX_RULE_WIDTH, multiply, rulesOfSubpath, type Matrix, type Point } from './operator-segments.ts';
import type { PdfiumDocument } from './pdfium-document.ts';

export interface PdfiumPage {
  width: number;
  height: number;
  items: TextItem[];
  segments: Segment[];
  images: number;
}

// CJK and Latin fonts alike put roughly this share of the em above the baseline
const ASCENT = 0.85;
// pdf.js's spacing rules, which the rest of the reader was tuned on: a gap under a tenth of an em is
// kerning, up to 0.6 em a space inside the run, wider a new run; a step back of a fifth of an em or more too
const SPACE_MIN = 0.102;
const SPACE_MAX = 0.6;
const STEP_BACK = -0.2;

// page object types and path segment types (fpdf_edit.h)
const PATH = 2;
const IMAGE = 3;
const FORM = 5;
const LINETO = 0;
const BEZIERTO = 1;
const MOVETO = 2;

/** PDF user space → top-left page space for the visible box and /Rotate, as pdf.js's viewport at scale 1. */
function pageTransform(doc: PdfiumDocument, page: number): { toPage: Matrix; width: number; height: number } {
  const { lib, scratch } = doc;
  const f = scratch >> 2;
  const box = (get: typeof lib._FPDFPage_GetMediaBox) =>
    get.call(lib, page, scratch, scratch + 4, scratch + 8, scratch + 12) ? [lib.HEAPF32[f]!, lib.HEAPF32[f + 1]!, lib.HEAPF32[f + 2]!, lib.HEAPF32[f + 3]!] : null;
  const media = box(lib._FPDFPage_GetMediaBox) ?? [0, 0, 612, 792];
  const crop = box(lib._FPDFPage_GetCropBox) ?? media;
  const x0 = Math.max(Math.min(media[0]!, media[2]!), Math.min(crop[0]!, crop[2]!));
  const y0 = Math.max(Math.min(media[1]!, media[3]!), Math.min(crop[1]!, crop[3]!));
  const x1 = Math.min(Math.max(media[0]!, media[2]!), Math.max(crop[0]!, crop[2]!));
  const y1 = Math.min(Math.max(media[1]!, media[3]!), Math.max(crop[1]!, crop[3]!));
  switch (lib._FPDFPage_GetRotation(page)) {
    case 1:
      return { toPage: [0, 1, 1, 0, -y0, -x0], width: y1 - y0, height: x1 - x0 };
    case 2:
      return { toPage: [-1, 0, 0, 1, x1, -y0], width: x1 - x0, height: y1 - y0 };
    case 3:
      return { toPage: [0, -1, -1, 0, y1, x1], width: y1 - y0, height: x1 - x0 };
    default:
      return { toPage: [1, 0, 0, -1, -x0, y1], width: x1 - x0, height: y1 - y0 };
  }
}

/** A run of characters on one baseline, in top-left page space (points). */
interface Run {
  text: string;
  x0: number;
  x1: number;
  baseline: number;
  size: number;
}

/**
 * Characters → runs, the way pdf.js groups them (the rest of the reader was tuned on its text items). Runs
 * are built in page space (after /Rotate), where the grid works; text that runs vertically on the page
 * comes out a character per run, as it did from pdf.js.
 */
function textItems(doc: PdfiumDocument, page: number, toPage: Matrix): TextItem[] {
  const { lib, scratch } = doc;
  const textPage = lib._FPDFText_LoadPage(page);
  if (!textPage) return [];
  const items: TextItem[] = [];
  let run: Run | null = null;
  const flush = () => {
    if (run && run.text.trim() !== '') {
      const box = { x0: run.x0, y0: run.baseline - ASCENT * run.size, x1: run.x1, y1: run.baseline + (1 - ASCENT) * run.size };
      items.push({ text: foldCjkCompat(run.text), box });
    }
    run = null;
  };
  const d = scratch >> 3;
  const f = scratch >> 2;
  const [m0, m1, m2, m3, m4, m5] = toPage;
  try {
    const count = lib._FPDFText_CountChars(textPage);
    for (let i = 0; i < count; i++) {
      const code = lib._FPDFText_GetUnicode(textPage, i);
      // PDFium's own line ends and guessed spaces: the geometry below decides instead
      if (lib._FPDFText_IsGenerated(textPage, i)) continue;
      if (code === 0x0a || code === 0x0d) continue;
      const ch = String.fromCharCode(code);
      lib._FPDFText_GetCharOrigin(textPage, i, scratch, scratch + 8);
      // page y of the origin, page x of the loose box's corners (FS_RECTF: left, top, right, bottom);
      // written out rather than through apply(): this runs for every character
      const baseline = m1 * lib.HEAPF64[d]! + m3 * lib.HEAPF64[d + 1]! + m5;
      lib._FPDFText_GetLooseCharBox(textPage, i, scratch + 16);
      const ax = m0 * lib.HEAPF32[f + 4]! + m2 * lib.HEAPF32[f + 5]! + m4;
      const bx = m0 * lib.HEAPF32[f + 6]! + m2 * lib.HEAPF32[f + 7]! + m4;
      const left = Math.min(ax, bx);
      const right = Math.max(ax, bx);
      // the em on the page: PDFium's font size leaves out the page's own scale (Chromium draws in CSS
      // pixels under a 0.75 transform), which the character's matrix holds
      const scale = lib._FPDFText_GetMatrix(textPage, i, scratch + 32) ? Math.hypot(lib.HEAPF32[f + 10]!, lib.HEAPF32[f + 11]!) : 1;
      const size = (lib._FPDFText_GetFontSize(textPage, i) || 1) * (scale || 1);
      const current = run as Run | null;
      const sameLine = current !== null && Math.abs(baseline - current.baseline) < current.size * 0.3;
      if (/\s/.test(ch)) {
        // a space the producer printed belongs to the run it follows
        if (current && sameLine) {
          if (!current.text.endsWith(' ')) current.text += ' ';
          current.x1 = Math.max(current.x1, right);
        }
        continue;
      }
      if (current && sameLine && Math.abs(size - current.size) < current.size * 0.05) {
        const gap = (left - current.x1) / current.size;
        if (gap >= STEP_BACK && gap <= SPACE_MAX) {
          if (gap >= SPACE_MIN && !current.text.endsWith(' ')) current.text += ' ';
          current.text += ch;
          current.x1 = Math.max(current.x1, right);
          continue;
        }
        const wide = gap > SPACE_MAX;
        flush();
        // a wider gap on the same line is still a space after the run before it
        if (wide && items.length && !items[items.length - 1]!.text.endsWith(' ')) items[items.length - 1]!.text += ' ';
      } else flush();
      run = { text: ch, x0: left, x1: right, baseline, size };
    }
    flush();
  } finally {
    lib._FPDFText_ClosePage(textPage);
  }
  return items;
}

function graphics(doc: PdfiumDocument, page: number, toPage: Matrix): { segments: Segment[]; images: number } {
  const { lib, scratch } = doc;
  const f = scratch >> 2;
  const u = scratch >> 2;
  const segments: Segment[] = [];
  let images = 0;
  const matrixOf = (obj: number): Matrix => {
    if (!lib._FPDFPageObj_GetMatrix(obj, scratch)) return [1, 0, 0, 1, 0, 0];
    return [lib.HEAPF32[f]!, lib.HEAPF32[f + 1]!, lib.HEAPF32[f + 2]!, lib.HEAPF32[f + 3]!, lib.HEAPF32[f + 4]!, lib.HEAPF32[f + 5]!];
  };
  const ink = (get: typeof lib._FPDFPageObj_GetFillColor, obj: number) =>
    get.call(lib, obj, scratch, scratch + 4, scratch + 8, scratch + 12) !== 0 && lib.HEAPU32[u + 3]! > 0 && isInkRgb(lib.HEAPU32[u]!, lib.HEAPU32[u + 1]!, lib.HEAPU32[u + 2]!);

  const walk = (obj: number, parent: Matrix) => {
    const type = lib._FPDFPageObj_GetType(obj);
    if (type === IMAGE) images++;
    else if (type === FORM) {
      const m = multiply(parent, matrixOf(obj));
      const n = lib._FPDFFormObj_CountObjects(obj);
      for (let i = 0; i < n; i++) walk(lib._FPDFFormObj_GetObject(obj, i), m);
    } else if (type === PATH) {
      const m = multiply(parent, matrixOf(obj));
      lib._FPDFPath_GetDrawMode(obj, scratch, scratch + 4);
      const fillMode = lib.HEAP32[f]!;
      const stroked = lib.HEAP32[f + 1]! !== 0;
      let width = 1;
      if (stroked && lib._FPDFPageObj_GetStrokeWidth(obj, scratch)) width = lib.HEAPF32[f]!;
      const paint = {
        stroke: stroked && width * Math.hypot(m[0], m[1]) <= MAX_RULE_WIDTH && ink(lib._FPDFPageObj_GetStrokeColor, obj),
        fill: fillMode !== 0 && !stroked && ink(lib._FPDFPageObj_GetFillColor, obj),
      };
      if (!paint.stroke && !paint.fill) return;
      const n = lib._FPDFPath_CountSegments(obj);
      let pts: Point[] = [];
      let closed = false;
      const end = () => {
        if (pts.length > 1) rulesOfSubpath(pts, closed, paint, segments);
        pts = [];
        closed = false;
      };
      for (let i = 0; i < n; i++) {
        const seg = lib._FPDFPath_GetPathSegment(obj, i);
        const kind = lib._FPDFPathSegment_GetType(seg);
        lib._FPDFPathSegment_GetPoint(seg, scratch, scratch + 4);
        const p = apply(m, lib.HEAPF32[f]!, lib.HEAPF32[f + 1]!);
        if (kind === MOVETO) {
          end();
          pts.push(p);
        } else if (kind === LINETO) pts.push(p);
        else if (kind === BEZIERTO) pts.push([NaN, NaN], p);
        if (lib._FPDFPathSegment_GetClose(seg)) closed = true;
      }
      end();
    }
  };
  const n = lib._FPDFPage_CountObjects(page);
  for (let i = 0; i < n; i++) walk(lib._FPDFPage_GetObject(page, i), toPage);
  return { segments, images };
}

export function readPdfiumPage(doc: PdfiumDocument, index: number): PdfiumPage {
  const page = doc.lib._FPDF_LoadPage(doc.handle, index);
  if (!page) throw new Error(`PDFium could not load page ${index + 1}`);
  try {
    const { toPage, width, height } = pageTransform(doc, page);
    const items = textItems(doc, page, toPage);
    return { width, height, items, ...graphics(doc, page, toPage) };
  } finally {
    doc.lib._FPDF_ClosePage(page);
  }
}
