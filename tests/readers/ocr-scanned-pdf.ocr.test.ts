// PDFs with scanned pages, end to end through extractFile: the registry's PDF reader reads the text layer
// and OCRs only the pages that have none (packages/readers/src/scanned-pdf). A born-digital PDF costs
// nothing extra; a mixed PDF keeps its text page and OCRs its scanned one; an image-only PDF is OCR'd whole.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '@jixiao/contract';
import { readerFor } from '@jixiao/readers';
import { extractFile } from '../../packages/pipeline/src/extract-file.ts';
import { read as readPdf } from '../../packages/readers/src/pdf/read.ts';
import { read } from '../../packages/readers/src/scanned-pdf/read.ts';
import { expectedRows, loadManifest, ROOT, SCANS_DIR, scoreLayout } from '../../fixtures/scans/score.ts';

const bytes = (file: string) => new Uint8Array(readFileSync(path.join(SCANS_DIR, file)));
const expectedReports = (file: string) => (JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as { reports: Report[] }).reports;

describe('PDF reading with OCR for pages without text', () => {
  it('reads a born-digital PDF exactly as the text reader does (no OCR)', async () => {
    const form = new Uint8Array(readFileSync(path.join(ROOT, 'fixtures/forms/seed-002/form.pdf')));
    const [ours, text] = await Promise.all([read(form, { fileName: 'form.pdf' }), readPdf(form, { fileName: 'form.pdf' })]);
    expect(ours).toEqual(text);
    expect(ours.layout.pages.every((p) => !p.ocr)).toBe(true);
  });

  it('keeps the text page of a mixed PDF and OCRs its scanned page', async () => {
    const mixed = (JSON.parse(readFileSync(path.join(SCANS_DIR, 'manifest.json'), 'utf8')) as { mixed: { file: string; expected: string }[] }).mixed[0]!;
    const x = await extractFile(bytes(mixed.file), { fileName: mixed.file });
    expect(x.source).toMatchObject({ pageCount: 2, ocr: true });
    expect(x.warnings.filter((w) => w.code === 'NoTextLayer')).toEqual([]);
    for (const w of x.warnings.filter((w) => w.code === 'OcrLowConfidence')) expect(w.page).toBe(2);
    expect(x.reports).toHaveLength(1);
    const report = x.reports[0]!;
    const expected = expectedReports(mixed.expected)[0]!;
    expect(report.pages).toEqual([1, 2]);
    // page 1, from the text layer: the funding lines are exact
    expect(report.funding.map((f) => [f.label, f.annualBudget, f.executed, f.page])).toEqual(expected.funding.map((f) => [f.label, f.annualBudget, f.executed, 1]));
    // page 2, from OCR: its indicator rows, each with the confidence OCR read it with
    expect(report.indicators.length).toBeGreaterThanOrEqual(1);
    for (const i of report.indicators) expect(i.page).toBe(2), expect(i.confidence).toBeTypeOf('number');
    expect(report.indicators.map((i) => i.level2)).toContain('数量指标');
  });

  it('OCRs an image-only PDF scan through the registry reader, in the PDF page frame', async () => {
    const scan = loadManifest().find((s) => s.file.endsWith('.pdf'))!;
    const readPdfFile = (await readerFor('application/pdf'))!;
    const { layout, warnings } = await readPdfFile(bytes(scan.file), { fileName: scan.file });
    expect(layout.pages).toEqual([expect.objectContaining({ number: 1, ocr: true })]);
    expect(warnings.filter((w) => w.code === 'NoTextLayer')).toEqual([]);
    const cells = layout.blocks.flatMap((b) => (b.type === 'table' ? b.cells : []));
    for (const cell of cells) expect(cell.page).toBe(1), expect(cell.box!.x1).toBeLessThanOrEqual(layout.pages[0]!.width! + 1);
    const score = scoreLayout(layout.blocks, await expectedRows(scan));
    // measured: 7/7 rows, 100% of fields exact (scripts/bench-ocr.ts); tesseract.js read 90%
    expect(score.found / score.rows, score.misses.join('\n')).toBe(1);
    expect(score.exact / score.fields, score.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('turns a scanned whole form (an image-only PDF at 200 dpi) into the report its source form gives', async () => {
    const scan = loadManifest().find((s) => s.file === 'template-flat-list-p1-200dpi.pdf')!;
    const x = await extractFile(bytes(scan.file), { fileName: scan.file });
    expect(x.source).toMatchObject({ pageCount: 1, ocr: true });
    expect(x.reports).toHaveLength(1);
    const [report] = x.reports as Report[];
    const expected = expectedReports(scan.expected)[0]!;
    const heading = (r: Report) => [r.kind, r.title, r.organisation, r.implementingUnit, r.projectName, r.fiscalYear, r.totalScore, r.grade];
    expect(heading(report!)).toEqual(heading(expected));
    expect(report!.funding.map((f) => [f.label, f.annualBudget, f.executed])).toEqual(expected.funding.map((f) => [f.label, f.annualBudget, f.executed]));
    // every indicator row, field by field (measured: 44 of 45 exact; 竣 of 竣工 is read as 峻 at 200 dpi)
    const fields = (r: Report) => r.indicators.flatMap((i) => [i.level3, i.target.raw, i.actual.raw, i.weight, i.score]);
    expect(report!.indicators).toHaveLength(expected.indicators.length);
    const same = fields(report!).filter((v, k) => v === fields(expected)[k]).length;
    expect(same / fields(expected).length).toBeGreaterThanOrEqual(0.95);
  });
});
