// Corrections for what OCR habitually gets wrong in these forms, by rules a test can pin down — never by
// guessing a digit. The comparator in front of a value is settled from its glyph (comparator-glyph.ts).

import { isFormWord, snapToVocabulary } from './vocabulary.ts';

const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\u3000-\\u303F\\uFF00-\\uFFEF';

/** Spaces OCR puts between Chinese characters (and between them and digits) are not in the print. */
export function tidyText(text: string): string {
  return text
    .replace(new RegExp(`([${CJK}])\\s+(?=[${CJK}0-9A-Za-z])`, 'g'), '$1')
    .replace(new RegExp(`([0-9%A-Za-z])\\s+(?=[${CJK}])`, 'g'), '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** Full-width digits, ％ and a full-width point between digits are OCR's choice, not the print's. */
export function halfWidthNumbers(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/％/g, '%')
    .replace(/(\d)[．。·，,](?=\d)/g, (m, d: string, offset: number, all: string) => (isDecimalPoint(all, offset + 1) ? `${d}.` : m));
}

/**
 * A mark between digits is a decimal point when what follows is 1–2 digits and then a unit or the end
 * (`1325，2万元` → `1325.2万元`); a thousands separator is followed by exactly three digits.
 */
function isDecimalPoint(text: string, at: number): boolean {
  if (text[at] === ',' || text[at] === '，') {
    const rest = text.slice(at + 1);
    return /^\d{1,2}(?!\d)/.test(rest) && !/^\d{3}(?!\d)/.test(rest);
  }
  return true;
}

/**
 * The percent sign's lower circle is read as an extra digit after it (`100%6`, `95%4` on the fixtures);
 * a digit can never follow a percentage inside one value, so it is dropped.
 */
export function percentTail(text: string): string {
  return text.replace(/(\d%)\d(?=$|[^\d.])/g, '$1');
}

/**
 * The digit 1 read as 了, 丨, l, I or |, and 0 as O or o, when it stands beside digits (`了0` for 10,
 * `1O0%`); `指标工：` for the row label `指标1：` (seed-004: 工 is never a row number).
 */
export function digitLookalikes(text: string): string {
  return text
    .replace(/[了丨lI|](?=\d)|(?<=\d)[了丨lI|]/g, '1')
    .replace(/(?<=\d)[Oo]|[Oo](?=\d)/g, '0')
    .replace(/^指标[工了丨lI|](?=[:：]|[\u4e00-\u9fff])/, '指标1');
}

/**
 * A bracketed note whose opening bracket was read as `<` or `〈` (`满意度指标<10分)` on seed-004): the
 * closing bracket has no partner, so the mark before the note was its opener.
 */
export function noteOpener(text: string): string {
  return text.replace(/[<〈]([^()（）<>〈〉]*[)）])$/, (m, rest: string, at: number) => (/[(（][^)）]*$/.test(text.slice(0, at)) ? m : `(${rest}`));
}

/**
 * A piece of a cell's wall read as a mark at the edge of its text (`」二级指标`, `I年度指标完成`, `!年度指标值`, `l年度指标值`):
 * a closing bracket cannot open a cell nor an opening one close it, and a bar, `I`, `!` or a full-width point
 * (the foot of a rule, `单位自评总分．`) is not set against Chinese text in these forms. Lines are joined with
 * '\n', so a remnant read as a line of its own is dropped too.
 */
export function ruleRemnant(text: string): string {
  return text.replace(/^[|!Il」』丨]\s*(?=[\u4e00-\u9fff])/, '').replace(/(?<=[\u4e00-\u9fff])\s*[|!Il「『丨．]$/, '');
}

/** How a form's title ends (reconstruct's isTitle): the same on every form, so one character off is OCR's. */
const TITLE_ENDINGS = ['绩效自评表', '绩效目标自评表', '绩效自评报告', '绩效评价自评报告', '绩效自评情况表'];

/**
 * A title line whose ending reads one character off a title's (`稷L县项目支出绩效言评表`): without its title
 * the form loses its kind and year. Same length only, and the line must be longer than the ending.
 */
export function titleEnding(text: string): string {
  for (const ending of TITLE_ENDINGS) {
    if (text.length <= ending.length || text.endsWith(ending)) continue;
    const tail = text.slice(-ending.length);
    let off = 0;
    for (let i = 0; i < ending.length; i++) if (tail[i] !== ending[i]) off++;
    if (off === 1 && /^[\u4e00-\u9fff]+$/.test(tail)) return text.slice(0, -ending.length) + ending;
  }
  return text;
}

/** A repair of one OCR'd line: its name (counted by the bench, recorded on the cell it changed) and the rule. */
export interface LineRepair {
  name: string;
  repair: (text: string) => string;
}

/** The string-only repairs of one OCR'd line of a table cell, in the order they run. */
export const CELL_LINE_REPAIRS: readonly LineRepair[] = [
  { name: 'tidySpaces', repair: tidyText },
  { name: 'ruleRemnant', repair: ruleRemnant },
  { name: 'halfWidthNumbers', repair: halfWidthNumbers },
  { name: 'digitLookalikes', repair: digitLookalikes },
  { name: 'percentTail', repair: percentTail },
  { name: 'noteOpener', repair: noteOpener },
  { name: 'formWord', repair: snapToVocabulary },
];

/** `repairs` run in order over `text`; the names of those that changed it. */
export function runRepairs(text: string, repairs: readonly LineRepair[]): { text: string; applied: string[] } {
  const applied: string[] = [];
  for (const { name, repair } of repairs) {
    const next = repair(text);
    // tidying spaces is bookkeeping, not a repair of what was read
    if (next !== text && name !== 'tidySpaces') applied.push(name);
    text = next;
  }
  return { text, applied };
}

/** Everything string-only, for one OCR'd line of a table cell. */
export function correctCellText(text: string): string {
  return runRepairs(text, CELL_LINE_REPAIRS).text;
}

/**
 * A whole cell once its lines are joined: a form word wrapped in a narrow column (服务对象满 / 意度指标) is
 * snapped as one word, which no single line of it could be.
 */
export function correctJoinedCell(joined: string): string {
  const text = noteOpener(joined);
  const flat = text.replace(/\s+/g, '');
  const snapped = snapToVocabulary(flat);
  return snapped !== flat || isFormWord(flat) ? snapped : text;
}

/**
 * Characters that may legitimately stand right before a number in a value (约500人, 共10项, 第1名, 每人…):
 * when OCR puts one of these first, the glyph is not second-guessed.
 */
const WORD_BEFORE_NUMBER = /^[约共近超达第每年月日前后余多少于等至从自为按占增减降提高低不全满]/;

/** Does the line start with a mark before a number that may be a misread comparator? */
export function leadingMarkBeforeNumber(text: string): boolean {
  return /^[^\d\s.]\s?\d/.test(text) && !WORD_BEFORE_NUMBER.test(text);
}
