// The OCR reader on scan fixtures (fixtures/scans, made by build.sh there from the rendered forms): a JPEG
// through the image reader, scored at the layout level against the source form (fixtures/scans/score.ts).
// PDFs with scanned pages: ocr-scanned-pdf.ocr.test.ts. One page here, to keep CI short;
// scripts/bench-ocr.ts runs all of them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, TableBlock, Warning } from '@jixiao/layout';
import { decodeImage } from '../../packages/readers/src/image/decode.ts';
import { createOcrEngine, type OcrEngine } from '../../packages/readers/src/ocr/engine.ts';
import { pageImage } from '../../packages/readers/src/ocr/pdf-page-image.ts';
import { read } from '../../packages/readers/src/ocr/read.ts';
import { openDocument } from '../../packages/readers/src/pdf/open-document.ts';
import { expectedRows, loadManifest, scoreLayout, SCANS_DIR } from '../../fixtures/scans/score.ts';

const scans = loadManifest();
const scan = (file: string) => scans.find((s) => s.file === file)!;
const bytes = (file: string) => new Uint8Array(readFileSync(path.join(SCANS_DIR, file)));
const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.type === 'table');

let engine: OcrEngine;
beforeAll(async () => {
  engine = await createOcrEngine();
});
afterAll(async () => {
  await engine?.terminate();
});

function checkProvenance(blocks: Block[], warnings: Warning[], page: { width: number | null; height: number | null }) {
  const cells = tables(blocks).flatMap((t) => t.cells);
  expect(cells.length).toBeGreaterThan(20);
  for (const cell of cells) {
    expect(cell.page).toBe(1);
    expect(cell.box!.x0).toBeGreaterThanOrEqual(0);
    expect(cell.box!.x1).toBeLessThanOrEqual(page.width! + 1);
    expect(cell.box!.y1).toBeLessThanOrEqual(page.height! + 1);
    // every cell with OCR'd text says how sure OCR was
    if (cell.text !== '') expect(cell.confidence).toBeGreaterThanOrEqual(0), expect(cell.confidence).toBeLessThanOrEqual(1);
  }
  // doubtful values are named, with page and cell, for an analyst to check
  for (const w of warnings.filter((x) => x.code === 'OcrLowConfidence')) {
    expect(w.page).toBe(1);
    expect(w.message).toMatch(/^Page 1, table \d+, row \d+, column \d+: ".*" was read with confidence 0\.\d\d/);
  }
}

describe('OCR reader on scans', () => {
  it('reads a 300 dpi JPEG scan (grey paper, noise, 0.7° skew) into tables with the indicator rows', async () => {
    const s = scan('seed-000-p2-300dpi.jpg');
    const { layout, warnings } = await read(bytes(s.file), { engine });
    expect(layout.pageCount).toBe(1);
    expect(layout.pages[0]).toMatchObject({ number: 1, ocr: true });
    checkProvenance(layout.blocks, warnings, layout.pages[0]!);
    const score = scoreLayout(layout.blocks, await expectedRows(s));
    // measured: 14/14 rows, 100% of fields exact (scripts/bench-ocr.ts); tesseract.js read 96%
    expect(score.found / score.rows, score.misses.join('\n')).toBe(1);
    expect(score.exact / score.fields, score.misses.join('\n')).toBeGreaterThanOrEqual(0.97);
    // wrapped cells keep every line: OCR of the whole cell had dropped 数量指 (of 数量指/标) and 续运转
    const texts = tables(layout.blocks).flatMap((t) => t.cells.map((c) => c.text.replace(/\s+/g, '')));
    expect(texts).toContain('数量指标');
    expect(texts).toContain('正常持续运转');
    // a well-ruled page: its rules explain its text lines, and the check against them does not fire
    expect(tables(layout.blocks).map((t) => t.foundBy)).toEqual(tables(layout.blocks).map(() => 'rules'));
    expect(warnings.filter((w) => w.code === 'TableFromTextLines')).toEqual([]);
  });

  it('reads a form printed without inner rules from the positions of its text lines, and says so', async () => {
    // only the table's frame is printed: the rule finder finds no grid, and the text bands read whole lines
    const s = scan('template-flat-list-chromium-p1-unruled-200dpi.jpg');
    const { layout, warnings } = await read(bytes(s.file), { engine });
    const score = scoreLayout(layout.blocks, await expectedRows(s));
    // measured: 9/9 rows, 97.8% of fields (the ruled print of the form, scanned alike: 97.8%); without the
    // fallback 0/9 rows
    expect(score.found / score.rows, score.misses.join('\n')).toBe(1);
    expect(score.exact / score.fields, score.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    const found = tables(layout.blocks);
    expect(found.length).toBeGreaterThan(0);
    for (const table of found) expect(table.foundBy).toBe('text-lines');
    const said = warnings.filter((w) => w.code === 'TableFromTextLines');
    expect(said).toHaveLength(found.length);
    for (const w of said) expect(w).toMatchObject({ page: 1, message: expect.stringMatching(/^Page 1: a table of \d+ rows and \d+ columns was built from the positions of its text lines/) });
  });

  it('never pays the orientation check on an upright page that reads surely', async () => {
    // the check reads a few regions each way round; an upright page must cost no more than one known upright
    const s = scan('seed-004-p2-200dpi.jpg');
    const counted = (calls: { n: number }): OcrEngine => ({ ...engine, recognise: (...args) => (calls.n++, engine.recognise(...args)) });
    const asItStands = { n: 0 }, knownUpright = { n: 0 };
    const plain = await read(bytes(s.file), { engine: counted(asItStands) });
    const told = await read(bytes(s.file), { engine: counted(knownUpright), upright: true });
    expect(plain.warnings.map((w) => w.code)).not.toContain('PageTurned');
    expect(knownUpright.n).toBeGreaterThan(50);
    expect(asItStands.n).toBe(knownUpright.n);
    expect(plain.layout.blocks).toEqual(told.layout.blocks);
  });

  it.each([90, 180] as const)('reads a page scanned turned by %i° the right way up, and says so', async (turn) => {
    const s = scan('seed-004-p2-200dpi.jpg');
    const turnedScan = await sharp(Buffer.from(bytes(s.file))).rotate(turn).jpeg({ quality: 90 }).toBuffer();
    const { layout, warnings } = await read(new Uint8Array(turnedScan), { engine });
    expect(warnings.filter((w) => w.code === 'PageTurned').map((w) => w.message)).toEqual([
      `Page 1 was scanned ${turn === 180 ? 'upside down' : 'on its side'}: it was read turned ${360 - turn}° clockwise, and its boxes are on the turned page.`,
    ]);
    const score = scoreLayout(layout.blocks, await expectedRows(s));
    expect(score.found / score.rows, score.misses.join('\n')).toBe(1);
    expect(score.exact / score.fields, score.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the same scans with its other engine, tesseract.js (a bilevel 300 dpi TIFF)', async () => {
    const s = scan('seed-002-p2-300dpi.tif');
    const tesseract = await createOcrEngine({ kind: 'tesseract' });
    try {
      const { layout, warnings } = await read(bytes(s.file), { engine: tesseract });
      checkProvenance(layout.blocks, warnings, layout.pages[0]!);
      const score = scoreLayout(layout.blocks, await expectedRows(s));
      // measured: 2/2 rows, 86% of fields exact (PP-OCR: 100%)
      expect(score.found / score.rows, score.misses.join('\n')).toBe(1);
      expect(score.exact / score.fields, score.misses.join('\n')).toBeGreaterThanOrEqual(0.8);
    } finally {
      await tesseract.terminate();
    }
  });

  it('takes the embedded scan of an image-only page and renders a page that is not one image', async () => {
    const mixed = (JSON.parse(readFileSync(path.join(SCANS_DIR, 'manifest.json'), 'utf8')) as { mixed: { file: string }[] }).mixed[0]!;
    const { pdf, lib } = await openDocument(bytes(mixed.file), mixed.file);
    try {
      const scanned = (await pageImage(await pdf.getPage(2), lib, 150e6))!;
      // the scan itself at its own resolution (img2pdf placed a 200 dpi scan on an A4 page: ~204 dpi)
      expect(scanned.dpi).toBeGreaterThan(190);
      expect(scanned.dpi).toBeLessThan(215);
      const text = (await pageImage(await pdf.getPage(1), lib, 150e6))!;
      // an A4 page at 300 dpi is 8.7 megapixels: with less allowed, it is not rendered
      expect(await pageImage(await pdf.getPage(1), lib, 8e6)).toBeNull();
      expect(text.dpi).toBe(300);
      expect(text.width).toBe(Math.ceil((595.3 * 300) / 72));
    } finally {
      await pdf.destroy();
    }
  });

  it('fails once, with a code, on bytes that are not an image', async () => {
    await expect(read(new TextEncoder().encode('not an image at all'), { engine })).rejects.toMatchObject({ name: 'ExtractionError', code: 'CorruptFile' });
  });

  it('decodes a bilevel G4 TIFF at its own resolution', async () => {
    const [raster, ...more] = await decodeImage(bytes(scan('seed-002-p2-300dpi.tif').file));
    expect(more).toHaveLength(0);
    expect(raster!.dpi).toBe(300);
    expect(raster!.width).toBeGreaterThan(2400);
  });
});
