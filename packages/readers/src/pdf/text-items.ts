// pdf.js text content → TextItems with boxes in top-left page space. pdf.js gives each run's baseline
// origin and advance in PDF space; the box is the run's advance by its font height, most of it above the baseline.
import type { TextItem } from '../grid/types.ts';
import { foldCjkCompat } from './cjk-compat.ts';
import { apply, multiply, type Matrix } from './operator-segments.ts';

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

// CJK and Latin fonts alike put roughly this share of the em above the baseline
const ASCENT = 0.85;

export function textItemsOf(items: unknown[], toPage: Matrix): TextItem[] {
  const out: TextItem[] = [];
  // the item a following space belongs to: the last one on the current line
  let previous: TextItem | null = null;
  let previousBaseline = 0;
  for (const raw of items) {
    const item = raw as PdfTextItem;
    if (typeof item.str !== 'string' || !item.transform) continue;
    if (item.str.trim() === '') {
      // pdf.js reports a gap wider than a space as a whitespace item of its own where the font changes
      // (LibreOffice draws `个人, 保障` as `个人,` then `保障` in another font): that space is the author's,
      // as the same gap inside one run comes as a space in the run's text, so it stays with the run before
      const sameLine = previous && Math.abs(item.transform[5]! - previousBaseline) < (previous.box.y1 - previous.box.y0) * 0.3;
      if (previous && sameLine && item.width > 0 && !/\s$/.test(previous.text)) previous.text += ' ';
      if (item.hasEOL) previous = null;
      continue;
    }
    const [a, b, c, d, e, f] = item.transform as Matrix;
    const m = multiply(toPage, [a, b, c, d, e, f]);
    // in the run's own space: advance along x (PDF units scaled by the run's matrix), em along y
    const scaleX = Math.hypot(a, b) || 1;
    const scaleY = Math.hypot(c, d) || item.height || 1;
    const advance = item.width / scaleX;
    const corners = [apply(m, 0, -(1 - ASCENT)), apply(m, advance, -(1 - ASCENT)), apply(m, 0, ASCENT), apply(m, advance, ASCENT)];
    const xs = corners.map((p) => p[0]);
    const ys = corners.map((p) => p[1]);
    if (!Number.isFinite(scaleY)) continue;
    const text: TextItem = { text: foldCjkCompat(item.str), box: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) } };
    out.push(text);
    previous = item.hasEOL ? null : text;
    previousBaseline = f;
  }
  return out;
}
