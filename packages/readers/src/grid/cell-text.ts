// A table cell's text from its lines. A producer wraps a long text at the cell's edge; the author's own line
// break (a second paragraph in the cell, a <br>) ends a line early. A line that stops well short of the
// cell's right edge, with room left for the next line's first word, was broken by the author: it is kept as
// '\n', as the HTML and DOCX readers keep it. Width wraps join without a break.
import type { Box } from '@jixiao/layout';
import { joinPieces, type TextLine } from './text-lines.ts';

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;
// characters a line may not start with (closing punctuation) or end with (opening): a producer moves the
// neighbouring character along with them, so a wrapped line can end a character or two early
const NO_LINE_START = /[，。、；：？！）」』》〉】〕”’,.;:?!)\]%％]/;
const NO_LINE_END = /[（「『《〈【〔“‘(\[]/;

export interface CellLines {
  lines: TextLine[];
  /** the table's cell padding (see tablePadding) */
  padding: number;
}

/** The lines each table cell was built from, for the page joiner's look at where a cell's text ends. */
const cellLines = new WeakMap<object, CellLines>();

export const linesOfCell = (cell: object): CellLines | undefined => cellLines.get(cell);

export function rememberLines(cell: object, lines: CellLines): void {
  cellLines.set(cell, lines);
}

/**
 * The space between a cell's wall and its text, the same in every cell of a table: the smallest gap on the
 * left of any cell's text. Centred text (a header) shows a larger gap, so one cell alone would mislead.
 */
export function tablePadding(cells: { lines: TextLine[]; box: Box }[]): number {
  let padding = Infinity;
  for (const { lines, box } of cells) for (const l of lines) padding = Math.min(padding, l.box.x0 - box.x0);
  return Number.isFinite(padding) ? Math.max(0, padding) : 0;
}

/** A copy of a cell keeps its lines. */
export function carryLines<T extends object>(from: object, to: T): T {
  const lines = cellLines.get(from);
  if (lines) cellLines.set(to, lines);
  return to;
}

/** Width of a line's first unbreakable piece: a CJK character with its clinging punctuation, or a word. */
export function firstTokenWidth(line: TextLine): number {
  const chars = [...line.text.trimStart()];
  const em = line.box.y1 - line.box.y0;
  let n = 0;
  while (n < chars.length && NO_LINE_END.test(chars[n]!)) n++;
  if (n < chars.length && CJK.test(chars[n]!)) n++;
  else while (n < chars.length && !/\s/.test(chars[n]!) && !CJK.test(chars[n]!)) n++;
  while (n < chars.length && NO_LINE_START.test(chars[n]!)) n++;
  // a CJK character is an em wide, a Latin one about half
  return chars.slice(0, Math.max(1, n)).reduce((w, ch) => w + (CJK.test(ch) ? em : em * 0.55), 0);
}


/** Did the author end `line` (rather than the producer wrap it) before `next`? */
export function isHardBreak(line: TextLine, next: TextLine, right: number): boolean {
  const em = line.box.y1 - line.box.y0;
  // one em of slack on top of the next word: kinsoku moves and rounding never leave that much room
  return line.box.x1 + firstTokenWidth(next) + em < right;
}

/** Is the cell's last line filled to the edge, so that its text may run on (a row split by a page break)? */
export function endsFull({ lines, padding }: CellLines, box: Box, next: TextLine | undefined): boolean {
  const last = lines[lines.length - 1];
  if (!last) return false;
  const em = last.box.y1 - last.box.y0;
  const token = next ? firstTokenWidth(next) : em;
  return last.box.x1 + token + em * 0.5 >= box.x1 - padding;
}

/** A cell's text: wrapped lines joined as a run of text; with the cell's box, author's breaks kept as '\n'. */
export function textOfCell({ lines, padding }: CellLines, box: Box | null, spaceAfterComma = true): string {
  if (lines.length === 0) return '';
  const right = box ? box.x1 - padding : Infinity;
  let text = lines[0]!.text;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const previous = lines[i - 1]!;
    if (box && isHardBreak(previous, line, right)) text = `${text.trimEnd()}\n${line.text.trimStart()}`;
    else text = joinPieces(text, line.text, spaceAfterComma);
  }
  return text.trim();
}
