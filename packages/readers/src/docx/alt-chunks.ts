// Parts a DOCX imports with w:altChunk. Web systems that "export to Word" often write a DOCX whose body is
// one such chunk: an HTML page, or a single-file web archive (MHTML). Both read as the HTML reader reads them.
import type { Budget } from '../budget.ts';
import { htmlContent, type SourceContent } from '../html-table/index.ts';
import { decodeHtml } from '../html/charset.ts';
import { isMhtml, mhtmlPage } from '../html/mhtml.ts';

/** The chunk's content, or null for a chunk that is not HTML (RTF, plain text, another DOCX). */
export function chunkContent(name: string, bytes: Uint8Array, budget: Budget): SourceContent[] | null {
  let page: { bytes: Uint8Array; charset: string | null } | null = null;
  if (isMhtml(bytes)) page = mhtmlPage(bytes);
  else if (/\.x?html?$/i.test(name) || /<html|<body|<table/i.test(Buffer.from(bytes.subarray(0, 2048)).toString('latin1'))) page = { bytes, charset: null };
  if (!page) return null;
  const { text } = decodeHtml(page.bytes, page.charset);
  return htmlContent(text, budget);
}
