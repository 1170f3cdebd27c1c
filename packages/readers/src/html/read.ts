// HTML reader: bytes (a page, or a single-file web archive holding one) → text in the right encoding →
// tolerant DOM (htmlparser2; saved pages are rarely well-formed) → lines and tables with their spans, in order.
import type { ReadOptions, ReadResult } from '@jixiao/layout';
import { ErrorCode, ExtractionError } from '@jixiao/contract';
import { budgetOf, gridLimit } from '../budget.ts';
import { htmlContent, toBlocks } from '../html-table/index.ts';
import { decodeHtml } from './charset.ts';
import { isMhtml, mhtmlPage } from './mhtml.ts';

export async function read(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const name = options.fileName ?? 'the HTML file';
  let page: { bytes: Uint8Array; charset: string | null } = { bytes, charset: null };
  if (isMhtml(bytes)) {
    const found = mhtmlPage(bytes);
    if (!found) throw new ExtractionError(ErrorCode.CorruptFile, `${name}: a web archive (MHTML) with no HTML page in it`);
    page = found;
  }
  const { text, warnings: charsetWarnings } = decodeHtml(page.bytes, page.charset);
  if (text.includes('\u0000')) throw new ExtractionError(ErrorCode.CorruptFile, `${name}: not an HTML file (it holds binary bytes)`);
  const budget = budgetOf(options, name);
  const { blocks, warnings } = toBlocks(htmlContent(text, budget), gridLimit(budget));
  return { layout: { pageCount: null, pages: [], blocks }, warnings: [...charsetWarnings, ...warnings] };
}
