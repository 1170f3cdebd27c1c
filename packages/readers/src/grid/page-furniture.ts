// Page headers, footers and page numbers: text in the top or bottom band of a page that either repeats at
// the same place on most pages (digits ignored, so 第 3 页 matches 第 4 页) or is a page-number pattern.
import { linesOf } from './text-lines.ts';
import type { TextItem } from './types.ts';

export interface PageText {
  items: TextItem[];
  height: number;
}

/** Share of the page height at the top and bottom where headers and footers live. */
const BAND = 0.1;

const PAGE_NUMBER = [
  /^第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?$/,
  /^[-–—－]\s*\d+\s*[-–—－]$/,
  /^\d{1,4}$/,
  /^\d+\s*\/\s*\d+$/,
  /^(page|p\.)\s*\d+(\s*(of|\/)\s*\d+)?$/i,
  /^共\s*\d+\s*页\s*第\s*\d+\s*页$/,
];

export const isPageNumber = (text: string) => PAGE_NUMBER.some((re) => re.test(text.trim()));

const shape = (text: string) => text.replace(/\s+/g, '').replace(/\d+/g, '#');

function bodyHeight(items: TextItem[]): number {
  const heights = items.map((i) => i.box.y1 - i.box.y0).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

/** Removes running headers, footers and page numbers; returns each page's remaining items. */
export function dropPageFurniture(pages: PageText[]): TextItem[][] {
  const banded = pages.map((p) =>
    linesOf(p.items).filter((l) => l.box.y1 <= p.height * BAND || l.box.y0 >= p.height * (1 - BAND)),
  );
  // how many pages print a line of this shape at about this height
  const counts = new Map<string, number>();
  const keyOf = (text: string, y: number) => `${shape(text)}@${Math.round(y / 6)}`;
  banded.forEach((lines) => {
    const keys = new Set(lines.flatMap((l) => [keyOf(l.text, l.box.y0), keyOf(l.text, l.box.y0 + 3)]));
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const repeated = (text: string, y: number) =>
    pages.length >= 2 && Math.max(counts.get(keyOf(text, y)) ?? 0, counts.get(keyOf(text, y + 3)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((p, i) => {
    const drop = new Set<TextItem>();
    const body = bodyHeight(p.items);
    for (const line of banded[i]!) {
      // a form title printed at the top of every page is larger than the body text; a running header is not
      const small = line.box.y1 - line.box.y0 <= body * 1.15;
      if (isPageNumber(line.text) || (small && repeated(line.text, line.box.y0))) for (const item of line.items) drop.add(item);
    }
    return p.items.filter((item) => !drop.has(item));
  });
}
