// OCR for PDF pages without a usable text layer — the PDF reader calls this for its scanned pages.
import type { Block, PageInfo, Warning } from '@jixiao/layout';
import { openDocument } from '../pdf/open-document.ts';
import { createOcrEngine, sharedOcrEngine, type OcrEngine, type OcrEngineOptions } from './engine.ts';
import { pageImage } from './pdf-page-image.ts';
import { ocrPage, type PageOcrOptions } from './read-page.ts';
import { unreadPage } from './unread-page.ts';

export interface OcrPagesOptions extends PageOcrOptions, OcrEngineOptions {
  fileName?: string;
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
  const { pdf, lib } = await openDocument(pdfBytes, options.fileName ?? 'document.pdf');
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
      // a page that cannot be read costs that page only: the form's head and rows come from the others
      try {
        const raster = await pageImage(page, lib);
        page.cleanup();
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
