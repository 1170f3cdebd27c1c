// The image reader: PNG, JPEG and TIFF scans (every page of a multi-page TIFF) → the shared layout.
import type { Block, PageInfo, ReadOptions, ReadResult, Warning } from '@jixiao/layout';
import { budgetOf } from '../budget.ts';
import { openImage } from '../image/decode.ts';
import { createOcrEngine, type OcrEngine, type OcrEngineOptions } from './engine.ts';
import { ocrPage, type PageOcrOptions } from './read-page.ts';

export interface ImageReadOptions extends ReadOptions, PageOcrOptions, OcrEngineOptions {
  engine?: OcrEngine;
}

export async function read(bytes: Uint8Array, options: ImageReadOptions = {}): Promise<ReadResult> {
  const image = await openImage(bytes, budgetOf(options, 'the image'));
  const engine = options.engine ?? (await createOcrEngine(options));
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
      const result = await ocrPage(await image.raster(page), page, engine, options);
      pages.push(result.info);
      blocks.push(...result.blocks);
      warnings.push(...result.warnings);
    }
  } finally {
    if (!options.engine) await engine.terminate();
  }
  return { layout: { pageCount: image.pages, pages, blocks }, warnings };
}
