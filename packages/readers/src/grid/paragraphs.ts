// Text outside tables → paragraphs in reading order. Lines close together whose predecessor runs to the
// right edge of the text are one wrapped paragraph; a short line (a title, the last line) ends one.
import type { ParagraphBlock } from '@jixiao/layout';
import { linesOf, textOfLines, type TextLine } from './text-lines.ts';
import type { TextItem } from './types.ts';

export function paragraphsOf(items: TextItem[], page: number | null): ParagraphBlock[] {
  const lines = linesOf(items);
  if (lines.length === 0) return [];
  const right = Math.max(...lines.map((l) => l.box.x1));
  const left = Math.min(...lines.map((l) => l.box.x0));
  const out: ParagraphBlock[] = [];
  let group: TextLine[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const box = { x0: Math.min(...group.map((l) => l.box.x0)), y0: group[0]!.box.y0, x1: Math.max(...group.map((l) => l.box.x1)), y1: group[group.length - 1]!.box.y1 };
    out.push({ type: 'paragraph', text: textOfLines(group), page, box });
    group = [];
  };
  for (const line of lines) {
    const prev = group[group.length - 1];
    if (prev) {
      const h = prev.box.y1 - prev.box.y0;
      const gap = line.box.y0 - prev.box.y1;
      const prevFull = prev.box.x1 >= right - h * 1.5;
      const sameStart = line.box.x0 <= left + h * 2.5;
      if (!(gap < h * 0.8 && prevFull && sameStart)) flush();
    }
    group.push(line);
  }
  flush();
  return out;
}
