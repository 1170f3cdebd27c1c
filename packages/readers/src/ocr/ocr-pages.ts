// OCR for PDF pages without a usable text layer — the PDF reader calls this for its scanned pages.
import type { Block, PageInfo, Warning } from '@jixiao/layout';
import { openDocument } from '../pdf/open-document.ts';
import { createOcrEngine, sharedOcrEngine, type OcrEngine, type OcrEngineOptions } from './engine.ts';
import { budgetOf, pageTooLarge } from '../budget.ts';
import { pageImage, RENDER_DPI } from './pdf-page-image.ts';
import { ocrPage, type PageOcrOptions } from './read-page.ts';
import { unreadPage } from './unread-page.ts';

export interface OcrPagesOptions extends PageOcrOptions, OcrEngineOptions {
  fileName?: string;
  maxPagePixels?: number;
  /** a running engine to reuse (the caller terminates it); else one is started and stopped here */
  engine?: OcrEngine;
  signal?: AbortSignal;
}

export interface OcrPagesResult {
  /** one entry per requested page, in the order asked */
  pages: { number: number; info: PageInfo; blocks: Block[] }[];
  warnings: Warning[];
}

export async function ocrPages(pdfBytes: Uint8Array, pageNumbers: number[], options: OcrPagesOptions = {}): Promise<OcrPagesResult> {
  const budget = budgetOf(options, 'document.pdf');
  const { pdf, lib } = await openDocument(pdfBytes, budget.fileName, budget.maxPagePixels);
  // PP-OCR's session is kept for the process; tesseract.js workers are threads that would keep it alive
  const own = !options.engine && options.kind === 'tesseract';
  const engine = options.engine ?? (own ? await createOcrEngine(options) : await sharedOcrEngine(options));
  try {
    const pages: OcrPagesResult['pages'] = [];
    const warnings: Warning[] = [];
    for (const number of pageNumbers) {
      if (options.signal?.aborted) {
        warnings.push({ code: 'OcrStopped', message: `OCR stopped before page ${number}: the time budget ran out`, page: number });
        break;
      }
      const page = await pdf.getPage(number);
      const raster = await pageImage(page, lib, budget.maxPagePixels);
      if (!raster) {
        const { width, height } = page.getViewport({ scale: RENDER_DPI / 72 });
        page.cleanup();
        warnings.push({ code: 'PageTooLarge', message: `${pageTooLarge(budget, number, width, height).message}; the page was not read`, page: number });
        continue;
      }
      page.cleanup();
      // a page that cannot be read costs that page only: the form's head and rows come from the others
      try {
        const result = await ocrPage(raster, number, engine, options);
        // the page's own size in points, not the scan's: boxes must match the PDF's text pages
        const viewport = page.getViewport({ scale: 1 });
        pages.push({ number, info: { ...result.info, width: viewport.width, height: viewport.height }, blocks: result.blocks });
        warnings.push(...result.warnings);
      } catch (error) {
        warnings.push(unreadPage(number, error));
      }
    }
    return { pages, warnings };
  } finally {
    if (own) await engine.terminate();
    await pdf.destroy();
  }
}
