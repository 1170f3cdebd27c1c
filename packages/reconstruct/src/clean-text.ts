// Cell text as a person reads it: white space collapsed to single spaces. A '\n' inside a cell is a break
// the source printed (a paragraph in a DOCX cell, a line of a one-cell-per-line export; readers join an
// exporter's width wraps without one), so in free text it stays a space, as expected.json keeps it
// (seed-001: `保证医保局工作正常运行 指标2：…`). Labels, headers and level words are different: exports
// wrap them anywhere (`产出 指标 (50分)`, `全年实际完 成值`), so cleanLabel drops breaks between CJK.
import { memoiseString } from './memo-string.ts';

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const BREAK_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\u3000]*\\n[ \\t\\u3000]*(?=[${CJK}])`, 'g');
// one space; a wider gap is a deliberate separation (`部门(单位)名称     临湘市…`, seed 001)
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\u3000](?=[${CJK}])`, 'g');
const BOOKMARK = /\[bookmark:[^\]]*\]/g; // Word bookmarks leaked into some exports (seed 002)
const HTML_PARAGRAPH_TAG = /<\/?(?:p|br|div|span)(?:\s[^<>]*)?\/?>/gi; // literal HTML paragraph tags in a cell (seed 004's fifth form)
const WHITE_SPACE_RUN = /[\s\u3000]+/g;
// Most cells hold none of these: the cheap tests below skip the replacements that would change nothing.
const MAY_HOLD_MARKUP = /[[<]/;
const HAS_LINE_OR_SPACE_BETWEEN_CJK = /[ \t\u3000\n]/;

export function cleanText(text: string | null | undefined): string {
  if (!text) return '';
  return cleanTextMemo(text);
}

const cleanTextMemo = memoiseString((text: string): string => {
  const unmarked = MAY_HOLD_MARKUP.test(text) ? text.replace(BOOKMARK, '').replace(HTML_PARAGRAPH_TAG, ' ') : text;
  return unmarked.replace(WHITE_SPACE_RUN, ' ').trim();
});

/**
 * Labels, headers and level words: a single space between two CJK characters is also a wrap the
 * exporter turned into a space (`产出 指标 (50分)`, `满意 度指 标`); in free text it is kept as printed.
 */
export function cleanLabel(text: string | null | undefined): string {
  if (!text) return '';
  return cleanLabelMemo(text);
}

const cleanLabelMemo = memoiseString((text: string): string =>
  cleanText(HAS_LINE_OR_SPACE_BETWEEN_CJK.test(text) ? text.replace(BREAK_BETWEEN_CJK, '').replace(SPACE_BETWEEN_CJK, '') : text),
);

/** For matching words: no spaces at all, full-width brackets and colons made half-width. */
export const compact: (text: string) => string = memoiseString((text: string): string =>
  cleanLabel(text).replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':'),
);

/** `年度资金总额:` → `年度资金总额`; labels are compared and stored without their trailing colon. */
export function stripColon(text: string): string {
  return text.replace(/[:：]\s*$/, '').trim();
}

/** A level-1/level-2 cell as the contract wants it: no point budget `(50分)`, no leading `指标1：` or list number. */
export const cleanLevel: (text: string) => string = memoiseString((text: string): string => stripListNumber(stripLevelMarks(cleanLabel(text))));

/**
 * A level-3 name is free text (a DOCX cell's second paragraph stays a space: seed-001
 * `保证医保局工作正常运行 指标2：…`), with the point budget and the `指标1：` label taken off. List numbering
 * is part of the printed name and stays (contract: `一、示范区建立`, `1、水稻侧深施肥`).
 */
export const cleanName: (text: string) => string = memoiseString((text: string): string => stripLevelMarks(cleanText(text)));

function stripLevelMarks(text: string): string {
  return text
    .replace(/\s*[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$/, '')
    // an explanation after a level word: `产出目标（部门工作实绩，…）` (seed 001)
    .replace(/^(\S{2,12}(?:指标|目标))\s*[(（][^()（）]*[)）]$/, '$1')
    .replace(/^指标\s*\d+\s*[:：]\s*/, '')
    .trim();
}

/** `1. 产出指标`: a level word's list number (a level-3 name keeps its own). */
function stripListNumber(text: string): string {
  return text.replace(/^\d{1,2}\s*[.．、]\s*(?=\D)/, '').trim();
}

/**
 * A number cell as one number: a narrow PDF cell wraps `99.13` as `99.1` ⏎ `3` and the reader may join the
 * lines with a space (authored-city-transport form.pdf 合计). Only where the cell is a number once the
 * spaces are gone; any other text is returned as it is.
 */
export function numberCell(text: string): string {
  const joined = text.replace(/(?<=[\d.,])\s+(?=[\d.,%％])/g, '');
  return joined !== text && isNumberLike(joined) ? joined : text;
}

export function isNumberLike(text: string): boolean {
  return /^[-+]?\d[\d,，]*(?:\.\d+)?\s*[%％]?$/.test(text.trim());
}

/** Cells with nothing printed: empty, or placeholders for "not applicable". */
export function isBlankCell(text: string): boolean {
  // trim() removes exactly what \s matches (white space and line terminators, U+3000 among them)
  return text.trim() === '';
}
