// The born-digital PDF reader: per page, vector rules and positioned text go through the shared grid
// builder; then running headers and footers are dropped and tables continued across pages are joined.
// Pages are read one at a time and released, so memory stays flat on long files.
import type { Block, Layout, PageInfo, ReadOptions, ReadResult, Warning } from '@jixiao/layout';
import { alignedTables } from '../grid/aligned-tables.ts';
import { buildTables } from '../grid/build-tables.ts';
import { joinPageTables } from '../grid/join-pages.ts';
import { dropPageFurniture } from '../grid/page-furniture.ts';
import { paragraphsOf } from '../grid/paragraphs.ts';
import type { TextItem } from '../grid/types.ts';
import { graphicsOf, type Matrix, type PdfOps } from './operator-segments.ts';
import { openDocument, type PdfPage } from './open-document.ts';
import { textItemsOf } from './text-items.ts';

interface PageRead {
  info: PageInfo;
  tables: Block[];
  rest: TextItem[];
  hasText: boolean;
}

async function readPage(page: PdfPage, number: number, OPS: PdfOps): Promise<{ read: PageRead; images: number }> {
  const viewport = page.getViewport({ scale: 1 });
  const toPage = viewport.transform as Matrix;
  const [ops, content] = await Promise.all([page.getOperatorList(), page.getTextContent()]);
  const { segments, images } = graphicsOf(ops.fnArray, ops.argsArray, OPS, toPage);
  const items = textItemsOf(content.items, toPage);
  const { tables, rest } = buildTables(segments, items, number);
  return {
    read: { info: { number, width: viewport.width, height: viewport.height, ocr: false }, tables, rest, hasText: items.length > 0 },
    images,
  };
}

export async function read(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const fileName = options.fileName ?? 'file.pdf';
  const started = performance.now();
  const warnings: Warning[] = [];
  const { pdf, lib } = await openDocument(bytes, fileName);
  const OPS = lib.OPS as unknown as PdfOps;
  const pages: PageRead[] = [];
  try {
    const last = Math.min(pdf.numPages, options.maxPages ?? Infinity);
    if (last < pdf.numPages)
      warnings.push({ code: 'PageLimit', message: `${fileName}: read the first ${last} of ${pdf.numPages} pages (page limit)`, page: null });
    for (let n = 1; n <= last; n++) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
      if (options.timeBudgetMs !== undefined && performance.now() - started > options.timeBudgetMs) {
        warnings.push({ code: 'TimeBudget', message: `${fileName}: stopped after page ${n - 1} of ${pdf.numPages}: the time budget of ${options.timeBudgetMs} ms ran out`, page: n });
        break;
      }
      try {
        const page = await pdf.getPage(n);
        const { read, images } = await readPage(page, n, OPS);
        page.cleanup();
        pages.push(read);
        if (!read.hasText)
          warnings.push(
            images > 0
              ? { code: 'NoTextLayer', message: `page ${n} has images but no text layer; it needs OCR`, page: n }
              : { code: 'EmptyPage', message: `page ${n} has no text and no images`, page: n },
          );
      } catch (e) {
        warnings.push({ code: 'PageUnreadable', message: `page ${n} could not be read: ${(e as Error)?.message ?? String(e)}`, page: n });
      }
    }
  } finally {
    await pdf.destroy();
  }
  return { layout: layoutOf(pages, pdf.numPages), warnings };
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

/** Pages with no text at all in the layout: candidates for OCR (image-only scans, or pages that failed). */
export function pagesWithoutText(layout: Layout): number[] {
  const withText = new Set(layout.blocks.flatMap((b) => (b.type === 'table' ? b.cells.filter((c) => c.text.trim()).map((c) => c.page) : b.text.trim() ? [b.page] : [])));
  return layout.pages.map((p) => p.number).filter((n) => !withText.has(n));
}
