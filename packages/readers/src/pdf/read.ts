// The born-digital PDF reader: per page, vector rules and positioned text go through the shared grid
// builder; then running headers and footers are dropped and tables continued across pages are joined.
// Pages are read one at a time and released, so memory stays flat on long files. PDFium does the reading;
// pdf.js stays as the second engine (see openEngine) and for comparison (readWith).
import { ErrorCode, ExtractionError, WarningCode, type ReadCut } from '@jixiao/contract';
import type { Block, Layout, PageInfo, ReadOptions, ReadResult, Warning } from '@jixiao/layout';
import { alignedTables } from '../grid/aligned-tables.ts';
import { buildTables } from '../grid/build-tables.ts';
import { joinPageTables } from '../grid/join-pages.ts';
import { dropPageFurniture } from '../grid/page-furniture.ts';
import { paragraphsOf } from '../grid/paragraphs.ts';
import type { Segment, TextItem } from '../grid/types.ts';
import { graphicsOf, type Matrix, type PdfOps } from './operator-segments.ts';
import { openDocument } from './open-document.ts';
import { openPdfium } from './pdfium-document.ts';
import { readPdfiumPage } from './pdfium-page.ts';
import { textItemsOf } from './text-items.ts';

interface PageRead {
  info: PageInfo;
  tables: Block[];
  rest: TextItem[];
  hasText: boolean;
}

/** What an engine gives for one page: its size, its text runs and ruling segments, and how many images. */
interface PageContent {
  width: number;
  height: number;
  items: TextItem[];
  segments: Segment[];
  images: number;
}

/** An open document in one of the two engines. */
interface Engine {
  pageCount: number;
  page(n: number): Promise<PageContent>;
  close(): Promise<void>;
}

async function pdfiumEngine(bytes: Uint8Array, fileName: string): Promise<Engine> {
  const doc = await openPdfium(bytes, fileName);
  return { pageCount: doc.pageCount, page: async (n) => readPdfiumPage(doc, n - 1), close: async () => doc.close() };
}

async function pdfjsEngine(bytes: Uint8Array, fileName: string): Promise<Engine> {
  const { pdf, lib } = await openDocument(bytes, fileName);
  const OPS = lib.OPS as unknown as PdfOps;
  return {
    pageCount: pdf.numPages,
    async page(n) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const toPage = viewport.transform as Matrix;
      const [ops, content] = await Promise.all([page.getOperatorList(), page.getTextContent()]);
      page.cleanup();
      return { width: viewport.width, height: viewport.height, items: textItemsOf(content.items, toPage), ...graphicsOf(ops.fnArray, ops.argsArray, OPS, toPage) };
    },
    close: () => pdf.destroy(),
  };
}

/**
 * PDFium reads; a file it rejects as damaged gets a second opinion from pdf.js, which repairs some
 * broken cross-reference tables PDFium gives up on. A password is final either way.
 */
async function openEngine(bytes: Uint8Array, fileName: string, engine: PdfEngine): Promise<Engine> {
  if (engine === 'pdfjs') return pdfjsEngine(bytes, fileName);
  try {
    return await pdfiumEngine(bytes, fileName);
  } catch (e) {
    if (e instanceof ExtractionError && e.code === ErrorCode.CorruptFile) return pdfjsEngine(bytes, fileName);
    throw e;
  }
}

export type PdfEngine = 'pdfium' | 'pdfjs';

export function read(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  return readWith(bytes, options, 'pdfium');
}

/** The reader on a chosen engine: tests and the benchmark compare the two. */
export async function readWith(bytes: Uint8Array, options: ReadOptions, engineName: PdfEngine): Promise<ReadResult> {
  const fileName = options.fileName ?? 'file.pdf';
  const started = performance.now();
  const warnings: Warning[] = [];
  const engine = await openEngine(bytes, fileName, engineName);
  const pages: PageRead[] = [];
  let cut: ReadCut | null = null;
  try {
    const last = Math.min(engine.pageCount, options.maxPages ?? Infinity);
    if (last < engine.pageCount) {
      warnings.push({ code: WarningCode.PageLimit, message: `${fileName}: read the first ${last} of ${engine.pageCount} pages (page limit)`, page: null });
      cut = { reason: 'pageLimit', pagesRead: last, pageCount: engine.pageCount };
    }
    for (let n = 1; n <= last; n++) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
      if (options.timeBudgetMs !== undefined && performance.now() - started > options.timeBudgetMs) {
        warnings.push({ code: WarningCode.TimeBudget, message: `${fileName}: stopped after page ${n - 1} of ${engine.pageCount}: the time budget of ${options.timeBudgetMs} ms ran out`, page: n });
        cut = { reason: 'timeBudget', pagesRead: n - 1, pageCount: engine.pageCount };
        break;
      }
      try {
        const content = await engine.page(n);
        const { tables, rest } = buildTables(content.segments, content.items, n, { authorBreaks: true });
        const read = { info: { number: n, width: content.width, height: content.height, ocr: false }, tables, rest, hasText: content.items.length > 0 };
        pages.push(read);
        if (!read.hasText)
          warnings.push(
            content.images > 0
              ? { code: 'NoTextLayer', message: `page ${n} has images but no text layer; it needs OCR`, page: n }
              : { code: 'EmptyPage', message: `page ${n} has no text and no images`, page: n },
          );
      } catch (e) {
        warnings.push({ code: 'PageUnreadable', message: `page ${n} could not be read: ${(e as Error)?.message ?? String(e)}`, page: n });
      }
    }
  } finally {
    await engine.close();
  }
  const layout = layoutOf(pages, engine.pageCount);
  // pages with images but no text layer, and pages that could not be read: OCR may read them
  const needOcr = warnings.filter((w) => (w.code === 'NoTextLayer' || w.code === 'PageUnreadable') && w.page != null).map((w) => w.page!);
  ocrCandidates.set(layout, [...new Set(needOcr)].sort((a, b) => a - b));
  return { layout, warnings, cut };
}

function layoutOf(pages: PageRead[], pageCount: number): Layout {
  const bodies = dropPageFurniture(pages.map((p) => ({ items: p.rest, height: p.info.height ?? 0 })));
  const blocks: Block[] = [];
  pages.forEach((p, i) => {
    const { tables, rest } = alignedTables(bodies[i]!, p.info.number);
    const onPage = [...p.tables, ...tables, ...paragraphsOf(rest, p.info.number)];
    onPage.sort((a, b) => (a.box?.y0 ?? 0) - (b.box?.y0 ?? 0));
    blocks.push(...onPage);
  });
  return { pageCount, pages: pages.map((p) => p.info), blocks: joinPageTables(blocks) };
}

/** The pages each layout this reader made needs OCR for (see pagesWithoutText). */
const ocrCandidates = new WeakMap<Layout, number[]>();

/**
 * Pages without a text layer that OCR may read: image-only pages (a scan bound into the PDF) and pages that
 * failed. Not a blank page (nothing to read), nor a page whose only text is the rest of a row split at the
 * page break (joined into the row on the page before, so no block is on that page). For a layout this
 * reader did not make: the pages no block with text lies on.
 */
export function pagesWithoutText(layout: Layout): number[] {
  const known = ocrCandidates.get(layout);
  if (known) return known;
  const withText = new Set(layout.blocks.flatMap((b) => (b.type === 'table' ? b.cells.filter((c) => c.text.trim()).map((c) => c.page) : b.text.trim() ? [b.page] : [])));
  return layout.pages.map((p) => p.number).filter((n) => !withText.has(n));
}
