// The PDF reader as the registry uses it: the born-digital reader first, then OCR for just the pages that
// came back without a usable text layer (image-only scans bound into a PDF, alone or among text pages).
// OCR is imported only when such a page exists, so a born-digital PDF never starts tesseract.
import type { Block, Layout, ReadOptions, ReadResult, Warning } from '@jixiao/layout';
import { joinPageTables } from '../grid/join-pages.ts';
import { pagesWithoutText, read as readPdf } from '../pdf/read.ts';

/** The warnings that asked for OCR: superseded once OCR has read the page. */
const NEEDS_OCR = new Set(['NoTextLayer']);

export async function read(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const started = Date.now();
  const text = await readPdf(bytes, options);
  // a page the text reader found blank (no text, no images) has nothing to OCR
  const blank = new Set(text.warnings.filter((w) => w.code === 'EmptyPage').map((w) => w.page));
  const missing = pagesWithoutText(text.layout).filter((n) => !blank.has(n));
  if (missing.length === 0) return text;

  const { ocrPages } = await import('../ocr/ocr-pages.ts');
  const remaining = options.timeBudgetMs === undefined ? undefined : Math.max(0, options.timeBudgetMs - (Date.now() - started));
  const signal = budgetSignal(options.signal, remaining);
  const { ocrThreads } = await import('../ocr/engine.ts');
  const ocr = await ocrPages(bytes, missing, { fileName: options.fileName, maxPagePixels: options.maxPagePixels, signal, workers: ocrThreads(options) });
  const read = new Set(ocr.pages.map((p) => p.number));
  const warnings: Warning[] = [...text.warnings.filter((w) => !(NEEDS_OCR.has(w.code) && w.page != null && read.has(w.page))), ...ocr.warnings];
  return { layout: withPages(text.layout, ocr.pages), warnings, cut: text.cut ?? null };
}

/** The layout with the OCR'd pages' blocks and page info in place of the text reader's, in page order. */
function withPages(layout: Layout, ocrd: { number: number; info: Layout['pages'][number]; blocks: Block[] }[]): Layout {
  const byNumber = new Map(ocrd.map((p) => [p.number, p]));
  const blocks: Block[] = [];
  const pageOf = (b: Block) => b.page ?? 0;
  const kept = layout.blocks.filter((b) => !byNumber.has(pageOf(b)));
  // the text reader's blocks are in reading order already (a table joined over pages sits at its first
  // page); each OCR'd page goes in before the first block of a later page
  const inserted = new Set<number>();
  for (const block of kept) {
    for (const p of ocrd) if (!inserted.has(p.number) && p.number < pageOf(block)) blocks.push(...p.blocks), inserted.add(p.number);
    blocks.push(block);
  }
  for (const p of ocrd) if (!inserted.has(p.number)) blocks.push(...p.blocks);
  const pages = layout.pages.map((info) => byNumber.get(info.number)?.info ?? info);
  // a table that runs on from a text page onto a scanned one (or back) is one table again
  return { ...layout, pages, blocks: joinPageTables(blocks) };
}

/** The caller's signal, also aborted when the time left for OCR runs out. */
function budgetSignal(signal: AbortSignal | undefined, ms: number | undefined): AbortSignal | undefined {
  const signals = [signal, ms === undefined ? undefined : AbortSignal.timeout(ms)].filter((s): s is AbortSignal => !!s);
  return signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals);
}
