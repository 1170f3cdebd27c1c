// Tab rows whose cells are taller than one line (every PDF-to-text export, Word/WPS exports with narrow
// columns): the exporter prints a row's first line, then one more line per extra line of its tallest cell,
// each holding the next piece of every cell that goes on, in that cell's column, and nothing elsewhere.
// Such a line continues the cells it lines up with; it is never a row of its own. Three shapes occur:
//  - merged level cells and long texts going on beside the values of a data row
//    (`⇥产出⇥数量指标⇥造林面积⇥10⇥…⇥完成值达到指标值，记满分；未` ⏎ `⇥指标⇥…⇥达到指标值，按B/A…` ⏎ `⇥(39分)`);
//  - a header cell over two lines (`…⇥年度⇥实际⇥得分` ⏎ `⇥⇥⇥指标值⇥完成值⇥`);
//  - long texts cut at the exporter's width, nothing else on the line (`职能职责概述⇥我局…医` ⏎ `⇥疗保障…`, seed 004).
// A data row under merged cells looks alike but starts a value where the row above printed one; a funding line,
// a heading or a level word alone on its line (`⇥上年结转资金⇥⇥/`, `年度绩效目标2（40分）`, `⇥⇥⇥质量指标`) is a
// whole label, where a piece of a merged cell is a short piece under a short piece (`产出` ⏎ `指标`).

import { displayWidth } from './display-width.ts';

/**
 * One run of tab lines: the exporter's wrap width in characters (the widest piece: style b cuts every cell at
 * one width), each column's in display width (a PDF-to-text export wraps each column at its own printed width,
 * so its full pieces print within a character of each other), and whether the run prints values at all.
 */
export interface RunShape {
  width: number;
  columnWidths: number[];
  /** how many pieces of each column reach its width: a width only one piece reaches is no wrap width */
  atColumnWidth: number[];
  /** how many different pieces reach the exporter's width: one width cutting many texts is style b's (0 where every such piece reaches its column's display width: a PDF-to-text export's) */
  atWidth: number;
  hasValues: boolean;
}

export function runShape(pieces: string[][]): RunShape {
  const columnWidths: number[] = [];
  for (const piece of pieces) piece.forEach((t, c) => (columnWidths[c] = Math.max(columnWidths[c] ?? 0, displayWidth(t.trim()))));
  const atColumnWidth = columnWidths.map((w, c) => pieces.filter((p) => w > 0 && displayWidth((p[c] ?? '').trim()) >= w - COLUMN_SLACK).length);
  // a loop, not Math.max(...): a file of a million pieces would overflow the call stack as arguments
  let width = 0;
  for (const piece of pieces) for (const t of piece) width = Math.max(width, charCount(t.trim()));
  const wide = new Set(pieces.flatMap((p) => p.flatMap((t) => (width > 0 && charCount(t.trim()) >= width - 1 ? [t.trim()] : []))));
  // style b cuts by characters, so its lines of figures and words stop short of their column's display width; a
  // PDF-to-text export cuts at each column's display width, where such lines hold the most characters
  // (`95.44%，征缴基金5.33亿元,…` beside lines of Chinese that reach the column with fewer)
  const shortOfColumn = pieces.some((p) =>
    p.some((t, c) => {
      const text = t.trim();
      return width > 0 && charCount(text) >= width - 1 && displayWidth(text) < columnWidths[c]! - COLUMN_SLACK;
    }),
  );
  return {
    width,
    atWidth: shortOfColumn ? wide.size : 0,
    columnWidths,
    atColumnWidth,
    hasValues: pieces.some((piece) => piece.some((t) => isValue(t.trim()))),
  };
}

/** Did the piece at column c run to the exporter's width (one short where it trimmed the space it broke at), or to its column's? */
export function ranToWidth(shape: RunShape, c: number, piece: string): boolean {
  const text = piece.trim();
  if (shape.width >= WRAP_MIN && charCount(text) >= shape.width - 1) return true;
  return ranToColumnWidth(shape, c, text);
}

/** The same where more than one column shows the width: the run's longest text alone may simply be whole. */
function ranToSharedWidth(shape: RunShape, c: number, piece: string): boolean {
  const text = piece.trim();
  if (shape.width >= WRAP_MIN && shape.atWidth >= 2 && charCount(text) >= shape.width - 1) return true;
  return ranToColumnWidth(shape, c, text);
}

function ranToColumnWidth(shape: RunShape, c: number, text: string): boolean {
  const w = shape.columnWidths[c] ?? 0;
  return w >= COLUMN_WRAP_MIN && (shape.atColumnWidth[c] ?? 0) >= 2 && displayWidth(text) >= w - COLUMN_SLACK;
}

/**
 * Does `line` continue `row` (the row read so far, whose last physical line is `above`), or start a row of its own?
 * Every printed piece must sit under a printed piece of the line above that may go on: a value (`10`, `85%`,
 * `1.2万亩`) or a placeholder (`/`, `-`, `.....`) is whole unless it ran to the width; a numbered item
 * (`3.医疗保障…`, `指标2：…`) starts a row, and so does a value under a label. Then the line must be one of the three shapes above.
 */
export function continuesRow(row: string[], above: string[], line: string[], shape: RunShape): boolean {
  const printed = line.flatMap((t, c) => (t.trim() === '' ? [] : [c]));
  if (printed.length === 0 || printed.some((c) => (above[c] ?? '').trim() === '')) return false;
  if (continuesCutCell(row, above, line, printed, shape)) return true;
  for (const c of printed) {
    const up = above[c]!.trim();
    const t = line[c]!.trim();
    // a template's unfilled cell (`……`, `/`) is a cell of its own, even under a cell that ran to the width
    if (UNFILLED.test(t)) return false;
    if (ranToWidth(shape, c, up)) continue;
    // a long sentence may go on with a number (`…完成上线率` ⏎ `97.2%以上`, seed 000); under a label it is a row's value
    if (isWhole(up) || startsOwnCell(up, t)) return false;
  }
  return continuesLongText(above, line, printed, shape) || goesOnBesideValues(row, above, line, printed) || continuesHeader(row, line, printed, shape);
}

/**
 * A line going on with a cell the exporter cut at its width belongs to the row, whatever else it prints: the row
 * is not over while one of its cells is mid-word, so the other pieces are further lines of their own cells
 * (`⇥化。保基本谋发展…⇥泛宣传政策…` under a goal's actual cut at its column, `⇥标 (10分⇥度指标⇥95%` under a
 * name cut at its column). Only under a value nothing goes on. The first column never vouches for a line (a
 * column of equally long labels, `项目名称` ⏎ `主管部门`, looks cut), and the line either leaves that column empty
 * or the row printed values it does not print again (the head's label rows do neither).
 */
function continuesCutCell(row: string[], above: string[], line: string[], printed: number[], shape: RunShape): boolean {
  const cut = printed.filter((c) => {
    const up = above[c]!.trim();
    const t = line[c]!.trim();
    // a sentence ended short of a width other pieces show is whole, as in continuesLongText
    if (c === 0 || !ranToWidth(shape, c, up) || (SENTENCE_END.test(up) && !ranToSharedWidth(shape, c, up))) return false;
    return !startsOwnCell(up, t) && !endsLevelCell(up, t);
  });
  if (cut.length === 0) return false;
  if ((line[0] ?? '').trim() !== '' && !besideValues(row, line)) return false;
  return printed.every((c) => {
    if (cut.includes(c)) return true;
    const up = above[c]!.trim();
    const t = line[c]!.trim();
    // a numbered item may go on (the goal cell's `4、勇担当…` beside its actual's lines); a value under a label is a row's
    return !isWhole(up) && !HEADING.test(t) && !(isValue(t) && charCount(up) < SENTENCE_MIN);
  });
}

/** The row printed values on its first line that this line does not print again. */
function besideValues(row: string[], line: string[]): boolean {
  return row.some((t, c) => isValue(t.trim()) && (line[c] ?? '').trim() === '');
}

/** A piece that begins a cell of its own, even under a full one: a numbered item, a placeholder, a value under a label. */
function startsOwnCell(up: string, t: string): boolean {
  return NUMBERED_ITEM.test(t) || PLACEHOLDER.test(t) || (isValue(t) && charCount(up) < SENTENCE_MIN);
}

/**
 * A column of level words is as wide as its widest word, so a whole one looks cut: a piece ending in 指标 or 目标
 * is whole (`满意度指标` ⏎ `单位自评总分`), and a level word alone under a long name is the next level
 * (`每年拨付入册材料档案的720` ⏎ `质量指标`, seed 004), where `服务对象满意` ⏎ `度指标` goes on.
 */
function endsLevelCell(up: string, t: string): boolean {
  return LEVEL_WORD.test(up) || (LEVEL_WORD.test(t) && displayWidth(up) > MERGED_PIECE_MAX + 4);
}

/**
 * Long texts cut at the exporter's width, only these going on: the first cell stays empty (seed 004). A text
 * that ended its sentence short of a width other pieces show is whole: the line under it is the next goal
 * (`⇥为我县…得到更好的照顾。` ⏎ `⇥为全县共享…`).
 */
function continuesLongText(above: string[], line: string[], printed: number[], shape: RunShape): boolean {
  if ((line[0] ?? '').trim() !== '') return false;
  return printed.every((c) => {
    const up = (above[c] ?? '').trim();
    return charCount(up) >= WRAP_MIN && (!SENTENCE_END.test(up) || ranToSharedWidth(shape, c, up));
  });
}

/**
 * The row printed values on its first line and this line prints none of them again: its merged cells and long
 * texts go on. Each piece is a piece of a merged cell (short under short: `产出` ⏎ `指标` ⏎ `(39分)`, `服务对象满` ⏎
 * `意度指标`) or of a long text (a column's width cannot tell: cells spanning several columns widen it).
 */
function goesOnBesideValues(row: string[], above: string[], line: string[], printed: number[]): boolean {
  if (!besideValues(row, line)) return false;
  const key = row.findIndex((t) => t.trim() !== '');
  return printed.every((c) => {
    const up = above[c]!.trim();
    const t = line[c]!.trim();
    if (HEADING.test(t)) return false;
    if (OPENS_NOTE.test(t)) return true;
    // in the row's first printed cell only a short piece (`指标`, `(39分)`) goes on: `本年支出合计` ⏎ `结余分配` are two rows
    if (c === key ? displayWidth(t) <= MERGED_PIECE_MAX - 2 && displayWidth(up) <= MERGED_PIECE_MAX + 4 : displayWidth(t) <= MERGED_PIECE_MAX && displayWidth(up) <= MERGED_PIECE_MAX + 2) return true;
    if (LEVEL_WORD.test(t)) return false;
    // right of the row's first printed cell a text goes on (a target, an actual, a reason); in that first cell a
    // label under a label is the next line of a list (`其中：中央财政资金` ⏎ `地方财政资金`) unless it is long
    return charCount(up) >= (c > key ? TEXT_PIECE_MIN : LONG_TEXT_MIN);
  });
}

/**
 * A header row (three or more printed cells, no value among them, over rows that print values) going on with
 * short label pieces (`指标值`, `完成值`, `(B/A×100%)`) under a few of its cells; a long piece under a value-less
 * row is a text row (a goal) instead, and in a table of text only no row can be told to be a header.
 */
function continuesHeader(row: string[], line: string[], printed: number[], shape: RunShape): boolean {
  const cells = row.filter((t) => t.trim() !== '');
  if (!shape.hasValues || cells.length < 3 || cells.some((t) => isWhole(t.trim()))) return false;
  // some header words fit one line; a line printing every cell again is the next row (`联系人⇥张三⇥填报人⇥李四`)
  if (printed.length >= cells.length) return false;
  // in the first column, the label of the whole table, a longer piece cut at its narrow column goes on too
  // (`整体支出` ⏎ `绩效定量目标及实` ⏎ `施计划`, seed 001); further right it is the head's next row (`市外医疗保障专项经费`)
  const first = row.findIndex((t) => t.trim() !== '');
  return printed.every((c) => {
    const t = line[c]!.trim();
    return displayWidth(t) <= HEADER_PIECE_MAX || (c === first && displayWidth(t) <= 2 * HEADER_PIECE_MAX && ranToColumnWidth(shape, c, t));
  });
}

/** Shortest line a wrapping exporter fills before breaking a long text; shorter texts under each other are rows. */
const WRAP_MIN = 16;
/** A column's wrap width is trusted from this display width on (three CJK characters). */
const COLUMN_WRAP_MIN = 6;
/** Full pieces of one column differ by this much display width (a CJK character, a quote or × printed narrow). */
const COLUMN_SLACK = 3;
/** The widest piece of a merged level cell (`(39分)`, `意度指标`); whole labels on their own line are wider. */
const MERGED_PIECE_MAX = 8;
/** A sentence this long may go on with a number (`…完成上线率` ⏎ `97.2%以上`); under a shorter label a number is a value. */
const SENTENCE_MIN = 8;
/** A text piece right of a row's label is this long at least to go on. */
const TEXT_PIECE_MIN = 4;
/** A text going on beside values is this long at least; shorter labels are whole (`本年支出合计` ⏎ `结余分配`). */
const LONG_TEXT_MIN = 10;
/** The widest piece of a header word on its second line (`指标值` is 6, `(B/A×100%)` 10). */
const HEADER_PIECE_MAX = 10;

// a numbered item (`3.医疗保障…`, `目标2:`, `指标2：…`, `二、效益指标`), not a number (`97.2%`)
const NUMBERED_ITEM = /^(\d{1,2}\s*[.．、](?!\d)|(目标|指标)\s*\d|[一二三四五六七八九十]+\s*[、.．])/;
// a heading with its point budget (`年度绩效目标2（40分）`): a name before the points, not the points alone
const HEADING = /^[^(（]+[(（]\s*\d+(\.\d+)?\s*分\s*[)）]$/;
// a level word alone on its line, under a long name (seed 004 prints level-2 words in the name column)
const LEVEL_WORD = /^\S{0,6}(指标|目标)$/;
// a note opened under a label and going on below (`产出目标` ⏎ `（部门工作实绩，…`), not a numbered heading (`（一）`)
const OPENS_NOTE = /^[(（](?![一二三四五六七八九十\d]{1,2}[)）])[^)）]*$/;
const SENTENCE_END = /[。！？!?；;]$/;
// a value cell: a number with an optional comparator in front (`10`, `85%`, `≥1.2万亩`, `2021年6月`)
const VALUE = /^[≥≤><=≧≦＞＜＝═﹦]{0,2}\s*[-+]?\d/;
// placeholders for "nothing here": `/`, `-`, `—`, `.....`, `……`
const PLACEHOLDER = /^[/／\-—–.。…·]+$/;
/** an unfilled cell no wrapped text ends with: an ellipsis, a row of dots, a slash (a lone `。` or `-` may be a piece) */
const UNFILLED = /^(?:…{2,}|[.·]{3,}|[/／])$/;

// the tail of a point budget cut at the width (`社会效益指标(` ⏎ `30分)`): no value of its own
const POINTS_TAIL = /^\d+(\.\d+)?\s*分\s*[)）]$/;

function isValue(text: string): boolean {
  return VALUE.test(text) && !NUMBERED_ITEM.test(text) && !POINTS_TAIL.test(text);
}

/** A cell that never goes on a line below: a value or a placeholder. */
function isWhole(text: string): boolean {
  return isValue(text) || PLACEHOLDER.test(text);
}

/**
 * How a cell's pieces join. Under one width cutting cells in several columns (style b), a piece that ran to it
 * was cut by the exporter; else a cell wraps at its own column's printed width, which its widest piece shows.
 * A cut piece joins the next without a break; a piece that stopped short ended a line of the source.
 */
export function cutByExporter(shape: RunShape, cell: string[], k: number): boolean {
  const piece = cell[k]!.trim();
  if (shape.width >= WRAP_MIN && shape.atWidth >= 2) return charCount(piece) >= shape.width - 1;
  const widest = Math.max(...cell.map((t) => displayWidth(t.trim())));
  return displayWidth(piece) >= widest - COLUMN_SLACK;
}

function charCount(text: string): number {
  return Array.from(text).length;
}
