// The PDF reader on its own test PDFs (fixtures/readers/pdf, built by build.sh there from HTML with
// LibreOffice and Chromium): the same layout from both producers, spans, page joins, furniture, errors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isExtractionError } from '@jixiao/contract';
import { gridOf, type Cell, type Layout, type TableBlock } from '@jixiao/layout';
import { pagesWithoutText, read, readWith } from '../../packages/readers/src/pdf/read.ts';

const dir = path.join(import.meta.dirname, '../../fixtures/readers/pdf');
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const producers = ['lo', 'chromium'] as const;

const tables = (layout: Layout) => layout.blocks.filter((b): b is TableBlock => b.type === 'table');
const cellWith = (table: TableBlock, text: string): Cell | undefined => table.cells.find((c) => c.text === text);
const allText = (layout: Layout) => layout.blocks.map((b) => (b.type === 'table' ? b.cells.map((c) => c.text).join(' ') : b.text)).join('\n');

describe.each(producers)('PDF reader on %s output', (producer) => {
  it('reads a form with merged cells into one grid with spans', async () => {
    const { layout, warnings } = await read(bytes(`merged.${producer}.pdf`));
    expect(warnings).toEqual([]);
    expect(layout.pageCount).toBe(1);
    const [table, ...others] = tables(layout);
    expect(others).toHaveLength(0);
    expect([table!.rows, table!.cols]).toEqual([7, 7]);
    expect(cellWith(table!, '产出指标')).toMatchObject({ row: 2, col: 0, rowSpan: 3, colSpan: 1 });
    expect(cellWith(table!, '数量指标')).toMatchObject({ row: 2, col: 1, rowSpan: 2 });
    expect(cellWith(table!, '城乡居民医疗保险信息平台建设')).toMatchObject({ row: 0, col: 1, colSpan: 6 });
    expect(cellWith(table!, '显著提升')).toMatchObject({ row: 5, col: 3, colSpan: 2 });
    expect(cellWith(table!, '总分')).toMatchObject({ row: 6, col: 0, colSpan: 5 });
    // values as the source printed them, wrapped lines joined without spaces between CJK characters
    const slots = gridOf(table!);
    expect(slots[2]!.map((c) => c?.text)).toEqual(['产出指标', '数量指标', '新增参保人数', '≥500万人', '512万人', '10', '10']);
    expect(slots[4]![2]!.text).toBe('系统稳定运行率达到全年预定目标并接受第三方机构的年度检查与考核评价');
    expect(slots[1]![3]!.text).toBe('年度指标值');
    // page and box: points from the top-left, inside the page, the merged cell as tall as its three rows
    const page = layout.pages[0]!;
    const merged = cellWith(table!, '产出指标')!;
    expect(merged.page).toBe(1);
    expect(merged.box!.y1 - merged.box!.y0).toBeGreaterThan(2.5 * (slots[3]![2]!.box!.y1 - slots[3]![2]!.box!.y0));
    expect(table!.box!.x0).toBeGreaterThan(0);
    expect(table!.box!.y1).toBeLessThan(page.height!);
    // the title above and the note below are paragraphs, in reading order
    const texts = layout.blocks.map((b) => (b.type === 'paragraph' ? b.text : '[table]'));
    expect(texts).toEqual(['项目支出绩效自评表', '（2021年度）', '[table]', '说明：本表数据截至2021年12月31日。']);
  });

  it('joins a table over two pages and drops its repeated header row and the page furniture', async () => {
    const { layout } = await read(bytes(`long.${producer}.pdf`));
    expect(layout.pageCount).toBe(2);
    const [table, ...others] = tables(layout);
    expect(others).toHaveLength(0);
    expect(table!.rows).toBe(61);
    expect(table!.cells.filter((c) => c.text === '序号')).toHaveLength(1);
    const slots = gridOf(table!);
    expect(slots.map((row) => row[0]!.text)).toEqual(['序号', ...Array.from({ length: 60 }, (_, i) => String(i + 1))]);
    expect(slots[60]!.map((c) => c!.text)).toEqual(['60', '指标60名称', '≥600个', '601个', '1']);
    expect(slots[60]![0]!.page).toBe(2);
    expect(slots[1]![0]!.page).toBe(1);
    const text = allText(layout);
    expect(text).not.toMatch(/第\s*\d+\s*页/);
    expect(text).not.toContain('某某市财政局');
  });

  it('rejoins merged cells that a page break cut in two', async () => {
    const { layout } = await read(bytes(`split.${producer}.pdf`));
    const [table, ...others] = tables(layout);
    expect(others).toHaveLength(0);
    expect(table!.rows).toBe(47);
    expect(cellWith(table!, '产出指标')).toMatchObject({ row: 1, col: 0, rowSpan: 45 });
    for (const [i, name] of ['数量指标1', '数量指标2', '数量指标3'].entries()) expect(cellWith(table!, name)).toMatchObject({ row: 1 + 15 * i, col: 1, rowSpan: 15 });
    expect(cellWith(table!, '指标35：按照年度工作计划完成各项任务，按照年度工作计划完成各项任务，按照年度工作计划完成各项任务，')).toBeDefined();
    expect(gridOf(table!)[46]!.map((c) => c!.text)).toEqual(['总分', '总分', '总分', '总分', '总分', '90', '90']);
  });

  it('leaves a blank page empty, with a warning', async () => {
    const { layout, warnings } = await read(bytes(`blank.${producer}.pdf`));
    expect(layout.blocks).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('EmptyPage');
    // nothing on the page to read: OCR would find nothing either
    expect(pagesWithoutText(layout)).toEqual([]);
  });
});

// PDFium reads; pdf.js is the second engine for files PDFium rejects. Both must give the same layout, or a
// damaged file would read differently from a sound copy of it.
describe('PDFium and pdf.js give the same layout', () => {
  const layoutText = (layout: Layout) =>
    layout.blocks.map((b) =>
      b.type === 'table' ? `${b.rows}×${b.cols} ${b.cells.map((c) => `${c.row},${c.col},${c.rowSpan},${c.colSpan}=${c.text}`).join(' | ')}` : b.text,
    );
  const formsDir = path.join(import.meta.dirname, '../../fixtures/forms');
  it.each([
    path.join(dir, 'split.lo.pdf'),
    path.join(dir, 'merged.chromium.pdf'),
    path.join(formsDir, 'seed-004/form.pdf'),
    path.join(formsDir, 'seed-000/form-chromium.pdf'),
    path.join(formsDir, 'seed-001/form-landscape.pdf'),
  ])('%s', async (file) => {
    const data = new Uint8Array(readFileSync(file));
    const [pdfium, pdfjs] = [await readWith(data, {}, 'pdfium'), await readWith(data, {}, 'pdfjs')];
    expect(layoutText(pdfium.layout)).toEqual(layoutText(pdfjs.layout));
    expect(pdfium.layout.pages.map((p) => [p.number, Math.round(p.width!), Math.round(p.height!)])).toEqual(
      pdfjs.layout.pages.map((p) => [p.number, Math.round(p.width!), Math.round(p.height!)]),
    );
  });
});

describe('PDF reader limits and bad files', () => {
  it('fails an encrypted PDF with EncryptedPdf', async () => {
    const error = await read(bytes('encrypted.pdf'), { fileName: 'encrypted.pdf' }).catch((e: unknown) => e);
    expect(isExtractionError(error) && error.code).toBe('EncryptedPdf');
  });

  it('opens a PDF with an owner password only', async () => {
    const { layout } = await read(bytes('owner-only.pdf'));
    expect(tables(layout)).toHaveLength(1);
  });

  it('fails a truncated PDF with CorruptFile', async () => {
    const error = await read(bytes('truncated.pdf')).catch((e: unknown) => e);
    expect(isExtractionError(error) && error.code).toBe('CorruptFile');
  });

  it('fails bytes that are not a PDF with CorruptFile', async () => {
    const error = await read(new TextEncoder().encode('%PDF-1.7\nnot really a pdf')).catch((e: unknown) => e);
    expect(isExtractionError(error) && error.code).toBe('CorruptFile');
  });

  it('marks an image-only page as needing OCR', async () => {
    const { layout, warnings } = await read(bytes('image-only.pdf'));
    expect(warnings).toEqual([expect.objectContaining({ code: 'NoTextLayer', page: 1 })]);
    expect(pagesWithoutText(layout)).toEqual([1]);
  });

  it('does not send a page to OCR whose only text is the rest of a row split at the page break', async () => {
    // page 5 holds the repeated header (dropped) and the lower part of a split row (joined to page 4)
    const file = path.join(import.meta.dirname, '../../fixtures/forms/seed-000/form-landscape.pdf');
    const { layout } = await read(new Uint8Array(readFileSync(file)));
    expect(layout.blocks.some((b) => (b.type === 'table' ? b.cells.some((c) => c.page === 5 && c.text) : b.page === 5))).toBe(false);
    expect(pagesWithoutText(layout)).toEqual([]);
  });

  it('stops at the page cap and at the time budget, with warnings', async () => {
    const capped = await read(bytes('long.lo.pdf'), { maxPages: 1 });
    expect(capped.layout.pages).toHaveLength(1);
    expect(capped.warnings.map((w) => w.code)).toEqual(['PageLimit']);
    expect(capped.cut).toMatchObject({ reason: 'pageLimit', pagesRead: 1 });
    expect(tables(capped.layout)[0]!.cells.every((c) => c.page === 1)).toBe(true);
    const late = await read(bytes('long.lo.pdf'), { timeBudgetMs: 0 });
    expect(late.warnings.map((w) => w.code)).toEqual(['TimeBudget']);
    expect(late.cut).toMatchObject({ reason: 'timeBudget', pagesRead: 0 });
  });
});
