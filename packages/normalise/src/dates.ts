// Dates and deadlines as 时效指标 print them: 2021年6月, 2021年12月前, 12月底前 / 年底前 (the report's
// fiscal year), 2022年4月11日, 2021-06-30, 2021.6, 2021/6/30, 二〇二一年六月, 上半年, 第三季度.
// `…前` / `…底前` / `…以前` / `…内` make a deadline (le); `…后` / `…以后` a start (ge).
import type { Op } from '@jixiao/contract';
import { parseChinese } from './numbers.ts';

export interface ParsedDate {
  /** ISO YYYY-MM or YYYY-MM-DD; null when the text names no year and none was given */
  date: string | null;
  op: Op | null;
  note: string | null;
}

// Longest first. Each suffix may be followed by 完成 (`12月底前完成`).
const SUFFIXES: [string, Op | null][] = [
  ['底之前', 'le'], ['末之前', 'le'], ['底以前', 'le'], ['末以前', 'le'], ['底前', 'le'], ['末前', 'le'],
  ['之前', 'le'], ['以前', 'le'], ['前', 'le'], ['以内', 'le'], ['之内', 'le'], ['内', 'le'],
  ['以后', 'ge'], ['之后', 'ge'], ['后', 'ge'], ['起', 'ge'], ['底', null], ['末', null], ['中旬', null], ['份', null],
];

const YEAR_MIN = 1900;
const YEAR_MAX = 2100;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Arabic or Chinese integer (`12`, `十二`, `二〇二一`), or null. */
function toInt(s: string): number | null {
  if (s.length === 0 || s.length > 6) return null;
  if (/^\d+$/.test(s)) return Number(s);
  const v = parseChinese(s);
  return v != null && Number.isInteger(v) ? v : null;
}

function iso(year: number | null, month: number, day: number | null): string | null | undefined {
  if (month < 1 || month > 12) return undefined;
  if (day != null && (day < 1 || day > 31)) return undefined;
  if (year == null) return null;
  if (year < YEAR_MIN || year > YEAR_MAX) return undefined;
  return day == null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
}

const NUMERIC = /^(\d{4})([-./])(\d{1,2})(?:\2(\d{1,2}))?$/;
const CJK_YMD = /^(?:([\d〇零一二三四五六七八九]{4})年)?(?:([\d一二三四五六七八九十]{1,3})月(?:([\d一二三四五六七八九十]{1,3})[日号])?)?$/;
const DATE_START = new Uint8Array(0x10000);
for (const ch of '0123456789〇零一二三四五六七八九十年上下本当第今') DATE_START[ch.charCodeAt(0)] = 1;
const NUMERIC_START = /^\d{4}[-./]/;
const QUARTER = /^(?:第)?([1-4一二三四])季度$/;

/** The date `s` (compact, folded) names, or null when it is not a date. */
export function parseDate(s: string, fiscalYear: number | null): ParsedDate | null {
  if (s.length > 24 || DATE_START[s.charCodeAt(0)] !== 1) return null;
  // every date names a 年, 月 or 季度, or separates a four-digit year with - . /
  if (s.indexOf('年') < 0 && s.indexOf('月') < 0 && s.indexOf('季') < 0 && !NUMERIC_START.test(s)) return null;

  let core = s;
  if (core.endsWith('完成')) core = core.slice(0, -2);
  let op: Op | null = null;
  for (const [suffix, sop] of SUFFIXES) {
    if (core.length > suffix.length && core.endsWith(suffix)) {
      core = core.slice(0, -suffix.length);
      op = sop;
      break;
    }
  }
  const fy = fiscalYear != null && Number.isInteger(fiscalYear) ? fiscalYear : null;
  const yearNote = fy == null ? 'no_year' : null;

  // whole-year words: 年底, 年末, 年内, 本年度, 当年, 上半年, 下半年, 第三季度
  if (core === '年' || core === '年度' || core === '本年' || core === '本年度' || core === '当年' || core === '今年' || core === '年度内') {
    // 年底 / 年末 arrive here as 年 with the 底/末 suffix removed; 年内 as 年 with 内
    if (s === core) return null;
    return { date: iso(fy, 12, null) ?? null, op, note: yearNote };
  }
  if (core === '上半年') return { date: iso(fy, 6, null) ?? null, op: op ?? 'le', note: yearNote };
  if (core === '下半年') return { date: iso(fy, 12, null) ?? null, op: op ?? 'le', note: yearNote };
  const q = QUARTER.exec(core);
  if (q) return { date: iso(fy, 3 * (toInt(q[1]) as number), null) ?? null, op: op ?? 'le', note: yearNote };

  const n = NUMERIC.exec(core);
  if (n) {
    const year = Number(n[1]);
    const date = iso(year, Number(n[3]), n[4] ? Number(n[4]) : null);
    if (!date) return null;
    return { date, op, note: null };
  }

  const m = CJK_YMD.exec(core);
  if (!m || (!m[1] && !m[2])) {
    // `2021年度` / `2021年底`: a year alone
    const y = /^(\d{4}|[〇零一二三四五六七八九]{4})年度?$/.exec(core);
    if (!y) return null;
    const year = toInt(y[1]);
    if (year == null || year < YEAR_MIN || year > YEAR_MAX) return null;
    return { date: `${year}-12`, op, note: 'year_only' };
  }
  const year = m[1] ? toInt(m[1]) : null;
  if (m[1] && year == null) return null;
  if (!m[2]) {
    if (year == null || year < YEAR_MIN || year > YEAR_MAX) return null;
    return { date: `${year}-12`, op, note: 'year_only' };
  }
  const month = toInt(m[2]);
  const day = m[3] ? toInt(m[3]) : null;
  if (month == null || (m[3] && day == null)) return null;
  const date = iso(year ?? fy, month, day);
  if (date === undefined) return null;
  return { date, op, note: year == null && fy == null ? 'no_year' : null };
}
