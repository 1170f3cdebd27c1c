// Text exports (.txt) → Layout. Four export styles occur, often in one file, so the style is decided
// per block: tab-separated rows (seeds 000, 004), the same with wrapped cells, one cell per line with
// blank-line row breaks (seeds 001-003), and columns placed by spaces (`pdftotext -layout`). Other tab-less
// lines are paragraphs. Text has no pages.
import type { Block, GridLimit, ReadOptions, ReadResult } from '@jixiao/layout';
import { budgetOf, checkText, gridLimit } from '../budget.ts';
import { tableFromRows } from '@jixiao/layout';
import { decodeText } from './decode.ts';
import { readCellRows } from './cell-lines.ts';
import { lineKind } from './line-kind.ts';
import { readSpacedRows } from './spaced-rows.ts';
import { readTabRows } from './tab-rows.ts';

export async function read(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const budget = budgetOf(options, 'the text file');
  const text = decodeText(bytes);
  checkText(text, budget);
  return { layout: { pageCount: null, pages: [], blocks: textBlocks(text, gridLimit(budget)) }, warnings: [] };
}

export function textBlocks(text: string, limit?: GridLimit): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const kind = lineKind(lines[i]!);
    if (kind === 'blank') {
      i++;
    } else if (kind === 'text') {
      const spaced = readSpacedRows(lines, i);
      if (spaced) {
        // columns placed by spaces (pdftotext -layout): found from where the text lines' pieces start
        if (spaced.rows.length) blocks.push({ ...tableFromRows(spaced.rows.map((r) => r.map((text) => ({ text }))), null, null, limit), foundBy: 'text-lines' });
        i = spaced.next;
        continue;
      }
      blocks.push({ type: 'paragraph', text: lines[i]!.trim(), page: null, box: null });
      i++;
    } else {
      const { rows, next } = kind === 'row' ? readTabRows(lines, i) : readCellRows(lines, i);
      if (rows.length) blocks.push({ ...tableFromRows(rows.map((r) => r.map((text) => ({ text }))), null, null, limit), foundBy: 'structure' });
      i = Math.max(next, i + 1);
    }
  }
  return blocks;
}
