// Positioned text → lines → text. Items sharing a baseline band form a line, read left to right; wrapped
// lines are joined, with no space between CJK characters (a wrap inside 产出指标 is not a word break).
import type { Box } from '@jixiao/layout';
import type { TextItem } from './types.ts';

export interface TextLine {
  items: TextItem[];
  box: Box;
  text: string;
}

const height = (b: Box) => b.y1 - b.y0;

/** Groups items into lines (top to bottom), each read left to right. */
export function linesOf(items: TextItem[]): TextLine[] {
  const sorted = items.filter((i) => i.text.trim() !== '').sort((a, b) => a.box.y0 + a.box.y1 - (b.box.y0 + b.box.y1));
  const lines: { items: TextItem[]; box: Box; start: number }[] = [];
  let tallest = 0;
  for (const item of sorted) {
    const mid = (item.box.y0 + item.box.y1) / 2;
    tallest = Math.max(tallest, height(item.box));
    // lines start in the order of their first item's middle: one that started far above cannot reach down
    // here, so the search begins at the first line that started within a few line heights
    let from = lines.length;
    while (from > 0 && lines[from - 1]!.start > mid - tallest * 4) from--;
    // same line when the item's middle falls inside the line's band (a superscript or a larger glyph still joins)
    let line: (typeof lines)[number] | undefined;
    for (let k = from; k < lines.length && !line; k++) {
      const l = lines[k]!;
      if (mid > l.box.y0 + height(l.box) * 0.2 && mid < l.box.y1 - height(l.box) * 0.2 && !overlapsAny(l.items, item)) line = l;
    }
    if (line) {
      line.items.push(item);
      line.box = { x0: Math.min(line.box.x0, item.box.x0), y0: Math.min(line.box.y0, item.box.y0), x1: Math.max(line.box.x1, item.box.x1), y1: Math.max(line.box.y1, item.box.y1) };
    } else lines.push({ items: [item], box: { ...item.box }, start: mid });
  }
  return lines
    .map((l) => {
      const items = l.items.sort((a, b) => a.box.x0 - b.box.x0);
      return { items, box: l.box, text: joinItems(items) };
    })
    .sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}

// two runs printed over each other (bold faked by double printing) stay on one line; a run in the same x
// range but a different line must not join, which the band test already handles
function overlapsAny(items: TextItem[], item: TextItem): boolean {
  return items.some((i) => i.text === item.text && Math.abs(i.box.x0 - item.box.x0) < 0.5 && Math.abs(i.box.y0 - item.box.y0) < 0.5);
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u3000-\u303F]/;
const WORDISH = /[A-Za-z0-9]/;

/**
 * Joins two pieces of text that touch (a line wrap or a gap between runs): a space only between word characters.
 * `spaceAfterComma`: whether this document writes `, ` (not `,`) before Chinese text (see commaSpacing).
 */
export function joinPieces(a: string, b: string, spaceAfterComma = true): string {
  if (a === '') return b;
  if (b === '') return a;
  const last = a[a.length - 1]!;
  const first = b[0]!;
  if (/\s/.test(last) || /\s/.test(first)) return a + b;
  // the space after an ASCII comma hangs at the end of a wrapped line, where the PDF does not print it
  if (/[,;:]/.test(last) && (spaceAfterComma || !CJK.test(first))) return `${a} ${b}`;
  if (CJK.test(last) || CJK.test(first)) return a + b;
  if (WORDISH.test(last) && WORDISH.test(first)) return `${a} ${b}`;
  return a + b;
}

/** Runs on one line: touching runs concatenate; a visible gap (over a third of the text height) between words is a space. */
function joinItems(items: TextItem[]): string {
  let text = '';
  let prev: TextItem | null = null;
  for (const item of items) {
    const piece = item.text.replace(/\s+/g, ' ');
    const gap = prev ? item.box.x0 - prev.box.x1 : 0;
    // CJK text has no word spaces: a gap between two CJK characters is layout (justification); a gap beside
    // a number (LibreOffice's autospace in 500 万人) is dropped below; after an ASCII comma it is the author's
    const bothCjk = CJK.test(text.slice(-1)) && CJK.test(piece.trimStart()[0] ?? '');
    if (prev && gap > height(item.box) * 0.35 && !bothCjk) text = `${text.trimEnd()} ${piece.trimStart()}`;
    else text += piece;
    prev = item;
  }
  return dropSpacesBesideCjk(text.replace(/ {2,}/g, ' ').trim());
}

// a space a producer put between Chinese and a number or Latin word (LibreOffice's autospace writes ≥500万人
// as ≥500 万人) is layout, not content; a space after punctuation (`(全年), 主要`) is the author's and stays
const SPACE_BESIDE_CJK = new RegExp(`(?<=${CJK.source})\\s+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])\\s+(?=${CJK.source})`, 'g');
export const dropSpacesBesideCjk = (s: string) => s.replace(SPACE_BESIDE_CJK, '');

/** A cell's or paragraph's text: its lines joined as one run of text. */
export function textOfLines(lines: TextLine[], spaceAfterComma = true): string {
  return lines.reduce((acc, l) => joinPieces(acc, l.text, spaceAfterComma), '').trim();
}

/**
 * Whether the page writes an ASCII comma before Chinese text with a space after it. At a line wrap the
 * space is not printed, so the text within lines decides: the more common spelling wins, a space if none.
 */
export function commaSpacing(lines: TextLine[]): boolean {
  let spaced = 0;
  let tight = 0;
  const pattern = new RegExp(`,( ?)(?=${CJK.source})`, 'g');
  for (const line of lines) for (const m of line.text.matchAll(pattern)) m[1] ? spaced++ : tight++;
  return spaced >= tight;
}
