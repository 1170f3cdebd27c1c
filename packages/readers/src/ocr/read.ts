// The image reader: PNG, JPEG and TIFF scans (every page of a multi-page TIFF) → the shared layout.
import type { Block, PageInfo, ReadOptions, ReadResult, Warning } from '@jixiao/layout';
import { budgetOf } from '../budget.ts';
import { openImage } from '../image/decode.ts';
import { createOcrEngine, ocrThreads, sharedOcrEngine, type OcrEngine, type OcrEngineOptions } from './engine.ts';
import { unreadPage } from './unread-page.ts';
import { ocrPage, type PageOcrOptions } from './read-page.ts';

export interface ImageReadOptions extends ReadOptions, PageOcrOptions, OcrEngineOptions {
  engine?: OcrEngine;
}

export async function read(bytes: Uint8Array, options: ImageReadOptions = {}): Promise<ReadResult> {
  const image = await openImage(bytes, budgetOf(options, 'the image'));
  const engineOptions = { ...options, workers: options.workers ?? ocrThreads(options) };
  // PP-OCR's session is kept for the process; tesseract.js workers are threads that would keep it alive
  const own = !options.engine && options.kind === 'tesseract';
  const engine = options.engine ?? (own ? await createOcrEngine(engineOptions) : await sharedOcrEngine(engineOptions));
  const deadline = options.timeBudgetMs ? Date.now() + options.timeBudgetMs : Infinity;
  const pages: PageInfo[] = [];
  const blocks: Block[] = [];
  const warnings: Warning[] = [];
  try {
    for (let page = 1; page <= image.pages; page++) {
      if (options.signal?.aborted || Date.now() > deadline) {
        warnings.push({ code: 'OcrStopped', message: `OCR stopped before page ${page} of ${image.pages}: the time budget ran out`, page });
        break;
      }
      // one page decoded at a time; a page that cannot be read costs that page only
      try {
        const result = await ocrPage(await image.raster(page), page, engine, options);
        pages.push(result.info);
        blocks.push(...result.blocks);
        warnings.push(...result.warnings);
      } catch (error) {
        warnings.push(unreadPage(page, error));
      }
    }
  } finally {
    if (own) await engine.terminate();
  }
  return { layout: { pageCount: image.pages, pages, blocks }, warnings };
}
