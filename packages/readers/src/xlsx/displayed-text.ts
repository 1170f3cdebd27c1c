// A worksheet cell's text as a person sees it in Excel or WPS, not its stored value: a rate stored 0.826 under
// `0.0%` reads `82.6%`, 1013 under `#,##0` reads `1,013`, a date serial reads as its date.
// SheetJS formats with the number format at read time (cell.w); this module only corrects what depends on
// the reader's locale.
import * as XLSX from '@e965/xlsx';

/**
 * Built-in formats 14 and 22 are "the short date of the machine's locale": Excel stores no pattern for them and
 * SheetJS renders its en-US default `m/d/yy`. The forms we read were made and printed on Chinese machines,
 * where the same cell shows `2021/6/30`.
 */
const LOCALE_DEPENDENT: Record<string, string> = {
  'm/d/yy': 'yyyy/m/d',
  'm/d/yy h:mm': 'yyyy/m/d h:mm',
};

type SheetCell = XLSX.CellObject | undefined;

export function displayedText(cell: SheetCell): string {
  if (!cell) return '';
  let text: string;
  const localeFormat = typeof cell.z === 'string' ? LOCALE_DEPENDENT[cell.z] : undefined;
  if (cell.t === 'n' && typeof cell.v === 'number' && localeFormat) text = XLSX.SSF.format(localeFormat, cell.v) as string;
  else if (cell.w !== undefined) text = cell.w;
  else if (cell.v === undefined || cell.v === null) text = '';
  else if (cell.v instanceof Date) text = cell.v.toISOString().slice(0, 10);
  else text = String(cell.v);
  // Alt+Enter breaks stay (they are the cell's lines); padding a person cannot see goes
  return text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).join('\n').trim();
}
