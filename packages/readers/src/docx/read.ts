// DOCX reader: the package opened with limits → word/document.xml read in one pass (paragraphs and tables with
// Word's merges, in document order; HTML chunks it imports read in place) → layout blocks through the same
// table module the HTML reader uses.
// mammoth is not used: it drops w:gridBefore/w:gridAfter and w:hMerge, gives up on vertical merges when a
// bookmark sits between rows, and took 40 s on a 750 KB DOCX that this pass reads in under 5 s.
import type { ReadOptions, ReadResult, Warning } from '@jixiao/layout';
import { ErrorCode, ExtractionError, isExtractionError } from '@jixiao/contract';
import { budgetOf, gridLimit } from '../budget.ts';
import { toBlocks } from '../html-table/index.ts';
import { readDocxParts } from './open-package.ts';
import { chunkContent } from './alt-chunks.ts';
import { readDocument, type DocumentContent } from './document-content.ts';

export async function read(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const name = options.fileName ?? 'the DOCX file';
  const budget = budgetOf(options, name);
  const parts = await readDocxParts(bytes, name);
  const resolveChunk = (id: string) => {
    const chunk = parts.altChunks.get(id);
    return chunk ? chunkContent(chunk.name, chunk.bytes, budget) : null;
  };
  let document: DocumentContent;
  try {
    document = readDocument(decodeXml(parts.main), resolveChunk, budget);
  } catch (err) {
    if (isExtractionError(err)) throw err;
    throw new ExtractionError(ErrorCode.CorruptFile, `${name}: word/document.xml is not well-formed XML (${(err as Error).message})`, { cause: err });
  }
  const { blocks, warnings } = toBlocks(document.content, gridLimit(budget));
  const skipped: Warning[] = document.unreadChunks
    ? [{ code: 'DocxAltChunk', message: `${name}: ${document.unreadChunks} imported chunk(s) (w:altChunk) are not HTML and were not read`, page: null }]
    : [];
  return { layout: { pageCount: null, pages: [], blocks }, warnings: [...skipped, ...warnings] };
}

function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}
