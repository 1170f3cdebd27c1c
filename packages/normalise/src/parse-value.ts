// The grammar of one value, read from compact folded text (fold.ts):
//   [comparator | filler]* [每…] ( date | 百分之N | N [余|多] [unit] [(-|~|至|到) N [unit]] ) [suffix comparator]
// Anything left over means the text is not a value (the caller then tries labels, compounds, text).
// Scanners walk the string once with indexOf/startsWith and Map look-ups: no backtracking regex.
import type { Op, ValueKind } from '@jixiao/contract';
import { matchPrefix, matchSuffix } from './comparators.ts';
import { parseDate } from './dates.ts';
import { isAsciiDigit, scaleLiteral, scanNumber, type NumberToken } from './numbers.ts';
import { lookupUnit, measureWord, type UnitInfo } from './units.ts';

export interface Parsed {
  kind: ValueKind;
  op: Op | null;
  value: number | null;
  unit: string | null;
  base: number | null;
  baseUnit: string | null;
  min?: number;
  max?: number;
  date?: string | null;
  note: string | null;
  /** the number was written with a decimal point and lies in [-1, 1] (a fraction, not a percent) */
  fraction: boolean;
}

const TRAILING_PUNCT = new Uint8Array(0x10000);
for (const ch of '。.,;、:!?！？') TRAILING_PUNCT[ch.charCodeAt(0)] = 1;
const RANGE_SEPARATORS = ['-', '~', '至', '到'];
const MORE_THAN = new Set(['余', '多']);

function joinNote(a: string | null, b: string | null): string | null {
  return a && b ? `${a};${b}` : (a ?? b);
}

function trimPunct(s: string): string {
  let end = s.length;
  while (end > 0 && TRAILING_PUNCT[s.charCodeAt(end - 1)] === 1) end--;
  return end === s.length ? s : s.slice(0, end);
}

function dateValue(d: { date: string | null; op: Op | null; note: string | null }, op: Op | null, note: string | null): Parsed {
  return {
    kind: 'date', op: op ?? d.op, value: null, unit: null, base: null, baseUnit: null,
    date: d.date, note: joinNote(note, d.note), fraction: false,
  };
}

/** Strip suffix comparators from `rest` (`以上`, `以内`, `左右`, at most two: `以上。`). */
function splitSuffix(rest: string): { unitText: string; op: Op | null } {
  let end = rest.length;
  let op: Op | null = null;
  for (let k = 0; k < 2; k++) {
    const a = matchSuffix(rest, end);
    if (!a) break;
    end -= a.text.length;
    op = op ?? a.op;
  }
  return { unitText: rest.slice(0, end), op };
}

/** Unit text → unit, with the `余`/`多` after a number (`30余项`, `10万余份`, `百余场`) moved into a note. */
function readUnit(text: string): { info: UnitInfo | null; ok: boolean; more: boolean } {
  let t = text;
  let more = false;
  if (MORE_THAN.has(t[0])) {
    more = true;
    t = t.slice(1);
  } else if ((t[0] === '万' || t[0] === '亿') && MORE_THAN.has(t[1])) {
    more = true;
    t = t[0] + t.slice(2);
  }
  if (t === '') return { info: null, ok: true, more };
  const info = lookupUnit(t) ?? measureWord(t);
  return { info, ok: info != null, more };
}

function base(tok: NumberToken, info: UnitInfo | null): number {
  return info ? scaleLiteral(tok.lit, tok.value, info.exp) : tok.value;
}

function isFraction(tok: NumberToken): boolean {
  return !tok.chinese && tok.lit.includes('.') && Math.abs(tok.value) <= 1;
}

/** One value (no label) from compact folded text, or null when the text is not one value. */
export function parseValue(input: string, fiscalYear: number | null): Parsed | null {
  let s = trimPunct(input);
  // a trailing aside in brackets (`≥95%（含）`, `≥90%（满意度）`) is kept in the note, not read as a unit
  let aside: string | null = null;
  if (s.endsWith(')')) {
    const open = s.lastIndexOf('(');
    if (open > 0 && s.length - open <= 12) {
      aside = `aside:${s.slice(open + 1, -1)}`;
      s = trimPunct(s.slice(0, open));
    }
  }
  if (s.length === 0) return null;
  const p = parseBare(s, fiscalYear);
  if (p && aside) p.note = joinNote(p.note, aside);
  return p;
}

// 提高5个百分点, 下降10%: a change, not a level. The number is kept; the note says which way.
const CHANGES: { text: string; note: string }[] = [
  { text: '提高', note: 'change:increase' }, { text: '提升', note: 'change:increase' }, { text: '增加', note: 'change:increase' },
  { text: '增长', note: 'change:increase' }, { text: '上升', note: 'change:increase' }, { text: '上涨', note: 'change:increase' },
  { text: '降低', note: 'change:decrease' }, { text: '下降', note: 'change:decrease' }, { text: '减少', note: 'change:decrease' },
  { text: '下调', note: 'change:decrease' }, { text: '上调', note: 'change:increase' }, { text: '压缩', note: 'change:decrease' },
];
const CHANGE_START = new Set(CHANGES.map((c) => c.text[0]));

function matchChange(s: string, at: number): { text: string; note: string } | null {
  if (!CHANGE_START.has(s[at])) return null;
  for (const c of CHANGES) if (s.startsWith(c.text, at)) return c;
  return null;
}

function parseBare(s: string, fiscalYear: number | null): Parsed | null {
  const whole = parseDate(s, fiscalYear);
  if (whole) return dateValue(whole, null, null);

  let i = 0;
  let op: Op | null = null;
  let note: string | null = null;
  for (let k = 0; k < 3 && i < s.length; k++) {
    const change = matchChange(s, i);
    if (change) {
      note = joinNote(note, change.note);
      i += change.text.length;
      continue;
    }
    const a = matchPrefix(s, i);
    if (!a) break;
    op = op ?? a.op;
    i += a.text.length;
  }
  if (i >= s.length) return null;
  if (i > 0) {
    const d = parseDate(s.slice(i), fiscalYear);
    if (d) return dateValue(d, op, null);
  }

  // 每人每月100元: a rate, not a total. Keep the number and say what it is per.
  if (s[i] === '每') {
    let j = i + 1;
    while (j < s.length && j - i <= 8 && !isAsciiDigit(s.charCodeAt(j))) j++;
    if (j >= s.length || j - i > 8) return null;
    note = `per:${s.slice(i, j)}`;
    i = j;
  }

  let forcedPercent = false;
  if (s.startsWith('百分之', i)) {
    forcedPercent = true;
    i += 3;
  }
  const tok = scanNumber(s, i);
  if (!tok) return null;
  let rest = s.slice(tok.end);

  if (forcedPercent) {
    const { unitText, op: sop } = splitSuffix(rest);
    if (unitText !== '') return null;
    const info = lookupUnit('%') as UnitInfo;
    return {
      kind: 'percent', op: op ?? sop, value: tok.value, unit: '%', base: base(tok, info), baseUnit: 'ratio',
      note, fraction: false,
    };
  }

  // ranges: 90%-95%, 90-95%, 90%～95%, 90%至95%, 3到5个
  for (const sep of RANGE_SEPARATORS) {
    const k = rest.indexOf(sep);
    if (k < 0) continue;
    const tok2 = scanNumber(rest, k + 1);
    if (!tok2) continue;
    const first = readUnit(rest.slice(0, k));
    const { unitText, op: sop } = splitSuffix(rest.slice(tok2.end));
    const second = readUnit(unitText);
    if (!first.ok || !second.ok) return null;
    if (first.info && second.info && first.info.unit !== second.info.unit) return null;
    const info = second.info ?? first.info;
    const lo = Math.min(tok.value, tok2.value);
    const hi = Math.max(tok.value, tok2.value);
    return {
      kind: 'range', op: op ?? sop, value: null, unit: info?.unit ?? null, base: null,
      baseUnit: info ? info.baseUnit : null, min: lo, max: hi,
      note: joinNote(note, first.more || second.more ? 'more_than' : null), fraction: isFraction(tok) && isFraction(tok2),
    };
  }

  const { unitText, op: sop } = splitSuffix(rest);
  const unit = readUnit(unitText);
  if (!unit.ok) return null;
  const info = unit.info;
  return {
    kind: info ? info.kind : 'number',
    op: op ?? sop,
    value: tok.value,
    unit: info ? info.unit : null,
    base: base(tok, info),
    baseUnit: info ? info.baseUnit : null,
    note: joinNote(note, unit.more ? 'more_than' : null),
    fraction: isFraction(tok),
  };
}
