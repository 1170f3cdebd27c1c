// Weight and score columns hold plain numbers: a cell there read as a character (`了` for 4 in a bilevel
// TIFF, `]` for 1) is read again with digits only, and the digit reading kept when the cell's ink shows as
// many glyphs as it has characters. Which columns are numeric comes from their header word, never a guess.
import type { TableBlock } from '@jixiao/layout';
import { numericHeaderWords } from '@jixiao/vocabulary';

/** Header words of the weight and score columns (the form vocabulary's), a bracketed unit after them allowed. */
const NUMERIC_HEADERS = numericHeaderWords();

const PLAIN_NUMBER = /^\d+(\.\d+)?$/;
/** what the form prints for "none" in a value cell: kept as read */
const EMPTY_MARK = /^[-—–―/／\\无空]+$/;

export const DIGITS = '0123456789.';
/** the characters of a percentage value with its comparator */
export const PERCENT_VALUE = '0123456789.%≥≤><=';

/**
 * A percentage read with its percent sign broken into digits or brackets around it (`1009%46` for 100%,
 * `7]19%` for 71% on seed-000): a digit after the percent sign, or a bracket between digits, is never print.
 */
export function garbledPercent(text: string): boolean {
  const flat = text.replace(/\s+/g, '');
  return /^[≥≤><=]?[\d\]\[.%]+$/.test(flat) && flat.includes('%') && (/%\d/.test(flat) || /\d[\]\[]|[\]\[]\d/.test(flat));
}

/**
 * A garbled percentage settled by its glyphs: a percentage's last glyph is its percent sign, so with `glyphs`
 * glyphs in the ink the first `glyphs - 1` characters read are the comparator and digits, as read
 * (`1009%46` over 4 glyphs → 100%, `719%4` over 3 → 71%). Null unless those characters are a number.
 */
export function percentByGlyphs(text: string, glyphs: number): string | null {
  const flat = text.replace(/\s+/g, '');
  if (glyphs < 2 || !flat.includes('%')) return null;
  const head = [...flat].slice(0, glyphs - 1).join('');
  return /^[≥≤><=]?\d+(\.\d+)?$/.test(head) ? `${head}%` : null;
}

/** Cells of numeric columns whose reading is not a number but could be one misread (short, not a dash). */
export function doubtfulNumericCells(table: TableBlock): TableBlock['cells'] {
  const columns = new Set<number>();
  let headerRow = -1;
  for (const cell of table.cells) {
    const word = cell.text.replace(/\s+/g, '').replace(/[(（][^)）]*[)）]?$/, '');
    if (!NUMERIC_HEADERS.includes(word)) continue;
    for (let c = cell.col; c < cell.col + cell.colSpan; c++) columns.add(c);
    headerRow = Math.max(headerRow, cell.row + cell.rowSpan - 1);
  }
  if (columns.size === 0) return [];
  return table.cells.filter((cell) => {
    if (cell.row <= headerRow || !columns.has(cell.col) || cell.colSpan !== 1 || !cell.box) return false;
    const text = cell.text.replace(/\s+/g, '');
    // a lone mark, or digits with a stray mark: a word of two or more characters (满分) is what it says
    const chars = [...text];
    return (chars.length === 1 || (chars.length <= 3 && /\d/.test(text))) && !PLAIN_NUMBER.test(text) && !EMPTY_MARK.test(text);
  });
}

/** Is `digits` (read with the digit set) a believable replacement for the cell showing `glyphs` glyphs? */
export function digitReadingFits(digits: string, glyphs: number): boolean {
  return PLAIN_NUMBER.test(digits) && digits.length === glyphs;
}
