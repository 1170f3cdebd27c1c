// XLSX and XLS (BIFF8, including WPS .et) reader: every visible sheet is a page.
// SheetJS (@e965/xlsx, the maintained 0.20 build republished on npm; the registry's `xlsx` is stuck at 0.18.5)
// was chosen by measurement on fixtures/readers/xlsx: it renders cells through their number formats
// (8 of 8 formatted cells right in form.xlsx, form-lo.xlsx and form.xls, where exceljs gives raw values for 5
// and reads no .xls), and parses 2–3× faster.
import * as XLSX from '@e965/xlsx';
import { ErrorCode, ExtractionError, WarningCode, type ReadCut } from '@jixiao/contract';
import type { Block, PageInfo, ReadOptions, ReadResult, Warning } from '@jixiao/layout';
import { budgetOf } from '../budget.ts';
import { farCellsWarning, valuesPastRowCut } from './far-cells.ts';
import { sheetBlocks } from './sheet-blocks.ts';

export async function read(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const name = options.fileName ?? 'workbook';
  const budget = budgetOf(options, name);
  // a sheet is parsed no further than one row past the grid-slot budget: the check below then refuses it,
  // without SheetJS first reading a million rows (over a minute)
  const rowCut = budget.maxGridSlots + 1;
  const wb = parse(bytes, name, rowCut);
  const warnings: Warning[] = [];
  const visible: string[] = [];
  wb.SheetNames.forEach((sheet, i) => {
    if ((wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) === 0) visible.push(sheet);
    else warnings.push({ code: 'HiddenSheetSkipped', message: `${name}: sheet "${sheet}" is hidden and was not read`, page: null });
  });
  const limit = options.maxPages ?? Infinity;
  // a sheet is a page: over the limit the workbook is cut short like a long PDF (the worker refuses both)
  const cut: ReadCut | null = visible.length > limit ? { reason: 'pageLimit', pagesRead: limit, pageCount: visible.length } : null;
  if (cut) warnings.push({ code: WarningCode.PageLimit, message: `${name}: ${visible.length} sheets, only the first ${limit} were read (page limit)`, page: null });

  const pages: PageInfo[] = [];
  const blocks: Block[] = [];
  visible.slice(0, limit).forEach((sheet, i) => {
    const page = i + 1;
    pages.push({ number: page, width: null, height: null, ocr: false });
    const result = sheetBlocks(wb.Sheets[sheet]!, sheet, page, budget);
    blocks.push(...result.blocks);
    warnings.push(...result.warnings);
    const past = valuesPastRowCut(wb, wb.SheetNames.indexOf(sheet), rowCut);
    if (past.length > 0) warnings.push(farCellsWarning(sheet, page, past, `past row ${rowCut.toLocaleString('en')}, as far as a sheet is read (MAX_GRID_SLOTS + 1)`));
  });
  return { layout: { pageCount: visible.length, pages, blocks }, warnings, cut };
}

function parse(bytes: Uint8Array, name: string, sheetRows: number): XLSX.WorkBook {
  try {
    // cellStyles brings hidden rows and columns; cellNF keeps each cell's number format for displayedText
    // bookFiles keeps the package's inflated parts: the rows SheetJS skips past sheetRows are looked for there
    return XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer', cellStyles: true, cellNF: true, cellDates: false, cellHTML: false, sheetRows, bookFiles: true });
  } catch (e) {
    const message = (e as Error).message;
    if (/password|encrypt/i.test(message))
      throw new ExtractionError(ErrorCode.UnsupportedFormat, `${name}: the workbook is password-protected; save it without a password and add it again`, { cause: e });
    throw new ExtractionError(ErrorCode.CorruptFile, `${name}: not a readable workbook (${message})`, { cause: e });
  }
}
