// The workbook reader over fixtures/readers/xlsx (built by its build.ts): form.xlsx written by exceljs,
// form-lo.xlsx and form.xls saved from it by LibreOffice.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { gridOf, type Layout, type TableBlock } from '@jixiao/layout';
import { isExtractionError } from '@jixiao/contract';
import { readerFor } from '@jixiao/readers';
import { read } from '../../packages/readers/src/xlsx/read.ts';
import { cfbKind, cfbMediaType } from '../../packages/readers/src/detect-cfb.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/readers/xlsx/${name}`, import.meta.url)));
const tables = (layout: Layout) => layout.blocks.filter((b): b is TableBlock => b.type === 'table');
const texts = (layout: Layout) => layout.blocks.flatMap((b) => (b.type === 'table' ? b.cells.map((c) => c.text) : [b.text]));
const cellOf = (table: TableBlock, text: string) => {
  const cell = table.cells.find((c) => c.text === text);
  if (!cell) throw new Error(`no cell "${text}"`);
  return cell;
};

describe('xlsx reader on form.xlsx', async () => {
  const { layout, warnings } = await read(fixture('form.xlsx'), { fileName: 'form.xlsx' });
  const [form, project] = tables(layout);

  it('reads cells as displayed: percent, thousands, fixed decimals, dates', () => {
    const shown = texts(layout);
    for (const t of ['82.6%', '100%', '1,013', '15.00', '77730.0', '73270.2', '2021年6月30日', '2021/9/15', '980.50', '81.71%'])
      expect(shown).toContain(t);
    expect(shown).not.toContain('0.826');
    expect(shown).not.toContain('1013');
  });

  it('shows the locale short date (built-in format 14) as a Chinese machine does', () => {
    expect(project!.cells.find((c) => c.row === 3 && c.col === 1)?.text).toBe('2022/3/15');
  });

  it('turns merged cells into spans that cover their slots', () => {
    expect(cellOf(form!, '天津市医疗保障局')).toMatchObject({ rowSpan: 1, colSpan: 8 });
    expect(cellOf(form!, '年度绩效目标')).toMatchObject({ colSpan: 3 });
    const label = cellOf(form!, '绩效目标1');
    expect(label).toMatchObject({ rowSpan: 4, colSpan: 1 });
    const grid = gridOf(form!);
    expect(grid[label.row + 3]![label.col]).toBe(label);
    // the budget label spans the header row and the row of amounts under it
    const budget = cellOf(form!, '预算执行情况');
    expect(budget.rowSpan).toBe(2);
    expect(grid[budget.row + 1]![budget.col + 7]!.text).toBe('82.6%');
  });

  it('every visible sheet is a page; the hidden sheet is skipped with a warning', () => {
    expect(layout.pageCount).toBe(2);
    expect(layout.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(form!.cells.every((c) => c.page === 1)).toBe(true);
    expect(project!.cells.every((c) => c.page === 2)).toBe(true);
    expect(texts(layout)).not.toContain('隐藏的校验表');
    expect(warnings.find((w) => w.code === 'HiddenSheetSkipped')?.message).toContain('校验');
  });

  it('skips hidden rows and columns with a warning', () => {
    expect(texts(layout)).not.toContain('校验行');
    expect(texts(layout)).not.toContain('X-001');
    expect(warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['HiddenRowsSkipped', 'HiddenColumnsSkipped']));
    expect(form!.cols).toBe(9);
  });

  it('keeps the title and the signature line as paragraphs around the table', () => {
    const kinds = layout.blocks.filter((b) => b.page === 1).map((b) => (b.type === 'table' ? 'table' : b.text));
    expect(kinds).toEqual(['整体支出绩效自评表', '(2021年度)', 'table', '填表人：张三    联系电话：022-12345678']);
  });
});

describe('the same workbook saved by LibreOffice', () => {
  // dates under a locale format are saved as the saving machine's locale shows them: compare them as dates
  const normalised = async (name: string) =>
    JSON.stringify((await read(fixture(name), { fileName: name })).layout).replace(/2022[-/]3[-/]15/g, 'DATE');

  it.each(['form-lo.xlsx', 'form.xls'])('%s reads to the same layout as form.xlsx', async (name) => {
    expect(await normalised(name)).toBe(await normalised('form.xlsx'));
  });
});

describe('workbook types', () => {
  it('tells legacy Office files apart by their CFB streams', () => {
    expect(cfbKind(fixture('form.xls'))).toBe('xls');
    expect(cfbKind(fixture('form.doc'))).toBe('doc');
    expect(cfbKind(fixture('form.xlsx'))).toBeNull();
    expect(cfbMediaType(fixture('form.xls'))).toBe('application/vnd.ms-excel');
  });

  it('is registered for xlsx, xls and CFB media types', async () => {
    for (const type of ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel', 'application/x-cfb'])
      expect(await readerFor(type)).toBeTypeOf('function');
  });

  it('bytes that are no workbook fail with CorruptFile', async () => {
    const broken = fixture('form.xlsx').slice(0, 3000);
    const error = await read(broken, { fileName: 'broken.xlsx' }).catch((e: unknown) => e);
    expect(isExtractionError(error) && error.code).toBe('CorruptFile');
  });
});

// issue 19: a workbook over the page limit is cut short like a long PDF, and says so in a field the worker reads
describe('xlsx reader over the page limit', () => {
  it('reads the first sheets, warns PageLimit and sets cut', async () => {
    const whole = await read(fixture('form.xlsx'), { fileName: 'form.xlsx' });
    const sheets = whole.layout.pages.length;
    expect(sheets).toBe(2);
    expect(whole.cut ?? null).toBeNull();
    const capped = await read(fixture('form.xlsx'), { fileName: 'form.xlsx', maxPages: 1 });
    expect(capped.layout.pages).toHaveLength(1);
    expect(capped.warnings.map((w) => w.code)).toContain('PageLimit');
    expect(capped.cut).toEqual({ reason: 'pageLimit', pagesRead: 1, pageCount: sheets });
  });
});

describe('a value far from the form on its sheet', async () => {
  const plain = await read(fixture('form.xlsx'), { fileName: 'form.xlsx' });
  /** form.xlsx with one more value at `ref`, saved by exceljs */
  const withCellAt = async (ref: string) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fixture('form.xlsx').buffer as ArrayBuffer);
    book.worksheets[0]!.getCell(ref).value = '末';
    return new Uint8Array(await book.xlsx.writeBuffer());
  };

  it.each([
    // past the rows SheetJS is let parse: it skipped the row without a word
    ['XFD1048576', /past row 200,001/],
    // within them: the sheet became one grid of 2.4 billion slots and was refused whole, form and all
    ['XFD150000', /MAX_GRID_SLOTS/],
  ])('at %s: the form is read as without it, and a warning names the cell', async (ref, why) => {
    const { layout, warnings } = await read(await withCellAt(ref), { fileName: 'far.xlsx' });
    expect(layout.blocks).toEqual(plain.layout.blocks);
    const far = warnings.filter((w) => w.code === 'FarCellsSkipped');
    expect(far).toHaveLength(1);
    expect(far[0]!.message).toContain(ref);
    expect(far[0]!.message).toMatch(why);
  });
});
