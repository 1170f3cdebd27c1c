// Legacy binary Office files (.doc, .xls, .wps, .et, all `application/x-cfb` to file-type) → the OOXML readers.
// Workbooks are read as they are: SheetJS parses BIFF8 itself, in milliseconds and without LibreOffice, and
// LibreOffice is only the fallback for the ones it cannot parse. Word-processor files are converted to DOCX by
// LibreOffice and read by the DOCX reader, so the two formats share one path for tables and merges.
import { ErrorCode, ExtractionError, isExtractionError } from '@jixiao/contract';
import type { ReadOptions, ReadResult } from '@jixiao/layout';
import { cfbKind } from '../detect-cfb.ts';
import { read as readXlsx } from '../xlsx/read.ts';
import { convertWithLibreOffice, type ConvertOptions } from './convert.ts';

export interface LegacyReadOptions extends ReadOptions {
  sofficePath?: string;
  convertTimeoutMs?: number;
  tmpRoot?: string;
}

export async function read(bytes: Uint8Array, options: LegacyReadOptions = {}): Promise<ReadResult> {
  const name = options.fileName ?? 'the legacy Office file';
  const convert: ConvertOptions = {
    sofficePath: options.sofficePath,
    timeoutMs: options.convertTimeoutMs ?? options.timeBudgetMs,
    tmpRoot: options.tmpRoot,
    signal: options.signal,
    fileName: name,
  };
  const kind = cfbKind(bytes);
  switch (kind) {
    case 'xls':
      return readWorkbook(bytes, options, convert);
    case 'doc':
    case 'works': {
      const docx = await convertWithLibreOffice(bytes, kind === 'doc' ? 'doc' : 'wps', 'docx', convert);
      const { read: readDocx } = await import('../docx/read.ts');
      const result = await readDocx(docx, options);
      return { layout: result.layout, warnings: [converted(name, 'DOCX'), ...result.warnings] };
    }
    case 'encrypted':
      throw new ExtractionError(ErrorCode.UnsupportedFormat, `${name}: the document is password-protected; save it without a password and add it again`);
    case 'ppt':
      throw new ExtractionError(ErrorCode.UnsupportedFormat, `${name}: a PowerPoint presentation, not a form; export the form as PDF, Word or Excel`);
    default:
      throw new ExtractionError(ErrorCode.UnsupportedFormat, `${name}: a compound (OLE) file that is neither a Word nor an Excel document`);
  }
}

async function readWorkbook(bytes: Uint8Array, options: LegacyReadOptions, convert: ConvertOptions): Promise<ReadResult> {
  try {
    return await readXlsx(bytes, options);
  } catch (e) {
    if (!isExtractionError(e) || e.code !== ErrorCode.CorruptFile) throw e;
    // a workbook SheetJS cannot parse (an odd BIFF variant) may still open in LibreOffice
    const xlsx = await convertWithLibreOffice(bytes, 'xls', 'xlsx', convert);
    const result = await readXlsx(xlsx, options);
    return { layout: result.layout, warnings: [converted(convert.fileName!, 'XLSX'), ...result.warnings] };
  }
}

function converted(name: string, to: string) {
  return { code: 'ConvertedByLibreOffice', message: `${name}: read after conversion to ${to} by LibreOffice`, page: null };
}
