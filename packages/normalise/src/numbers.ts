// Numbers as printed: Arabic (thousands separators, decimals, sign; full-width digits are folded
// before we get here) and Chinese numerals (三, 十二, 一百零五, 两千, 一万五千, 二〇二一, 一点五, 壹贰叁).
// Each scanner returns the literal it read so callers can scale by powers of ten exactly
// (`1325.2` × 10⁴ is computed as Number('1325.2e4'), never as a float product).

export interface NumberToken {
  value: number;
  /** decimal literal of `value` (Arabic digits without separators), for exact scaling */
  lit: string;
  end: number;
  chinese: boolean;
}

const DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const NUMERAL = new Uint8Array(0x10000);
for (const ch of [...Object.keys(DIGIT), ...Object.keys(SMALL_UNIT), ...Object.keys(BIG_UNIT), '点']) NUMERAL[ch.charCodeAt(0)] = 1;

export function isChineseNumeralChar(ch: string): boolean {
  return NUMERAL[ch.charCodeAt(0)] === 1;
}

/** Arabic number at `at`: `-1,013.5`. Commas count only between groups of exactly three digits. */
export function scanArabic(s: string, at: number): NumberToken | null {
  let i = at;
  let neg = false;
  if (s[i] === '-' || s[i] === '+') {
    neg = s[i] === '-';
    i++;
  }
  const digitsStart = i;
  let lit = '';
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isAsciiDigit(c)) {
      lit += s[i];
      i++;
    } else if (c === 44 /* , */ && lit.length > 0 && isThousandsComma(s, i)) {
      i++;
    } else break;
  }
  if (i === digitsStart) return null;
  if (s[i] === '.' && isAsciiDigit(s.charCodeAt(i + 1))) {
    lit += '.';
    i++;
    while (i < s.length && isAsciiDigit(s.charCodeAt(i))) lit += s[i++];
  }
  if (lit.length > 40) return null; // no indicator value has 40 digits: not a number we should trust
  if (neg) lit = '-' + lit;
  const value = Number(lit);
  return Number.isFinite(value) ? { value, lit, end: i, chinese: false } : null;
}

/** `,` followed by exactly three digits and then a non-digit: a thousands separator, not a list comma. */
export function isThousandsComma(s: string, i: number): boolean {
  return (
    isAsciiDigit(s.charCodeAt(i - 1)) &&
    isAsciiDigit(s.charCodeAt(i + 1)) &&
    isAsciiDigit(s.charCodeAt(i + 2)) &&
    isAsciiDigit(s.charCodeAt(i + 3)) &&
    !isAsciiDigit(s.charCodeAt(i + 4))
  );
}

/** End of the run of Chinese numeral characters starting at `at`. */
export function chineseRunEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && NUMERAL[s.charCodeAt(i)] === 1) i++;
  return i;
}

/** Value of a Chinese numeral (`一万五千` → 15000, `二〇二一` → 2021, `一点五` → 1.5), or null. */
export function parseChinese(run: string): number | null {
  if (run.length === 0) return null;
  const dot = run.indexOf('点');
  if (dot >= 0) {
    const whole = dot === 0 ? null : parseChinese(run.slice(0, dot));
    const frac = run.slice(dot + 1);
    if (whole == null || frac.length === 0) return null;
    let digits = '';
    for (const ch of frac) {
      const d = DIGIT[ch];
      if (d === undefined) return null;
      digits += d;
    }
    return Number(`${whole}.${digits}`);
  }
  // A run of bare digits (二〇二一, 一二) reads digit by digit.
  let allDigits = true;
  for (const ch of run) if (DIGIT[ch] === undefined) allDigits = false;
  if (allDigits) {
    if (run.length === 1) return DIGIT[run];
    let out = '';
    for (const ch of run) out += DIGIT[ch];
    return Number(out);
  }
  let total = 0; // sum of finished 亿/万 sections
  let section = 0; // within the current 万 section
  let digit: number | null = null;
  for (const ch of run) {
    const d = DIGIT[ch];
    if (d !== undefined) {
      if (digit !== null && d !== 0) return null; // 二三 inside a positional numeral: not a number
      digit = d === 0 ? digit : d;
      continue;
    }
    const small = SMALL_UNIT[ch];
    if (small !== undefined) {
      section += (digit ?? 1) * small; // 十二 = 12: a bare 十 means 一十
      digit = null;
      continue;
    }
    const big = BIG_UNIT[ch];
    if (big === undefined) return null;
    section += digit ?? 0;
    if (section === 0 && total === 0) return null; // 万 alone is not a number
    total = big === 1e8 ? (total + section) * big : total + section * big;
    section = 0;
    digit = null;
  }
  return total + section + (digit ?? 0);
}

/**
 * Chinese numeral at `at`. A trailing 万/亿 (`五万人`, `三千万元`) is left for the unit, exactly as the
 * Arabic `5万人` leaves it, so both spellings give the same value and unit; `一亿五千万` (a 亿 before
 * the 万) is one number.
 */
export function scanChinese(s: string, at: number): NumberToken | null {
  let end = chineseRunEnd(s, at);
  if (end === at) return null;
  let run = s.slice(at, end);
  const last = run[run.length - 1];
  if (run.length > 1 && (last === '万' || last === '亿') && !run.slice(0, -1).includes('亿')) {
    if (!(last === '万' && run.slice(0, -1).includes('万'))) {
      run = run.slice(0, -1);
      end--;
    }
  }
  if (run[run.length - 1] === '点') {
    run = run.slice(0, -1);
    end--;
  }
  const value = parseChinese(run);
  if (value == null || !Number.isFinite(value)) return null;
  return { value, lit: String(value), end, chinese: true };
}

/** Arabic or Chinese number at `at`. */
export function scanNumber(s: string, at: number): NumberToken | null {
  const c = s.charCodeAt(at);
  if (isAsciiDigit(c) || ((c === 45 || c === 43) && isAsciiDigit(s.charCodeAt(at + 1)))) return scanArabic(s, at);
  if (s[at] === '负' && isAsciiDigit(s.charCodeAt(at + 1))) {
    const t = scanArabic(s, at + 1);
    return t && { ...t, value: -t.value, lit: '-' + t.lit };
  }
  return scanChinese(s, at);
}

/** `lit` × 10^exp without floating-point residue. */
export function scaleLiteral(lit: string, value: number, exp: number): number {
  if (exp === 0) return value;
  const v = lit.includes('e') ? value * 10 ** exp : Number(`${lit}e${exp}`);
  return Number.isFinite(v) ? v : value * 10 ** exp;
}
