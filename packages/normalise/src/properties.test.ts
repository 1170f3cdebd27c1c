// Property tests: the same value printed in different ways normalises to the same value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseCell } from './normalise-cell.ts';

const SPELLINGS: Record<string, { before: string[]; after: string[] }> = {
  ge: { before: ['≥', '≧', '>=', '＞=', '＞＝', '不低于', '不少于', '大于等于'], after: ['以上', '及以上'] },
  gt: { before: ['>', '＞', '大于', '超过', '高于'], after: [] },
  le: { before: ['≤', '≦', '<=', '＜=', '不高于', '不超过', '小于等于'], after: ['以内', '以下'] },
  lt: { before: ['<', '＜', '小于', '低于'], after: [] },
  eq: { before: ['=', '＝', '═', '﹦', '等于'], after: [] },
  approx: { before: ['约', '近'], after: ['左右'] },
};
const CANONICAL: Record<string, string> = { ge: '≥', gt: '>', le: '≤', lt: '<', eq: '=', approx: '约' };
const UNITS = ['%', '％', '万元', '元', '亿元', '个', '家', '人', '万人', '人次', '项', '次', '分', '天'];
const FULL_WIDTH_UNIT: Record<string, string> = { '％': '%' };

const toFullWidth = (s: string) => s.replace(/[0-9.,%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const withThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const numberText = fc.oneof(
  fc.integer({ min: 0, max: 99_999_999 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`),
);

describe('formatting variants give the same value', () => {
  it('comparator spellings, full-width digits, thousands separators and spaces', () => {
    fc.assert(
      fc.property(
        numberText,
        fc.constantFrom(...Object.keys(SPELLINGS)),
        fc.nat(),
        fc.constantFrom(...UNITS),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('', ' ', '　'),
        (num, op, pick, unit, fullWidth, thousands, space) => {
          const canonUnit = FULL_WIDTH_UNIT[unit] ?? unit;
          const reference = normaliseCell(`${CANONICAL[op]}${num}${canonUnit}`);
          const { before, after } = SPELLINGS[op];
          const all = [...before.map((b) => ({ b, a: '' })), ...after.map((a) => ({ b: '', a }))];
          const chosen = all[pick % all.length];
          let n = thousands ? withThousands(num.split('.')[0]) + (num.includes('.') ? '.' + num.split('.')[1] : '') : num;
          if (fullWidth) n = toFullWidth(n);
          const variant = normaliseCell(`${space}${chosen.b}${space}${n}${space}${unit}${chosen.a}${space}`);
          expect(variant.op).toBe(op);
          expect(variant.value).toBe(reference.value);
          expect(variant.base).toBe(reference.base);
          expect(variant.unit).toBe(reference.unit);
          expect(variant.baseUnit).toBe(reference.baseUnit);
          expect(variant.kind).toBe(reference.kind);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

// An independent writer of Chinese numerals (不 the parser's inverse): 10305 → 一万零三百零五.
const DIGITS = '零一二三四五六七八九';
function section(n: number): string {
  const units = ['', '十', '百', '千'];
  let out = '';
  let pendingZero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d] + units[p];
  }
  return out;
}
function toChinese(n: number, shortTen: boolean): string {
  if (n === 0) return '零';
  const hi = Math.floor(n / 10_000);
  const lo = n % 10_000;
  let out = hi ? section(hi) + '万' : '';
  if (lo) out += (hi && lo < 1000 ? '零' : '') + section(lo);
  return shortTen && out.startsWith('一十') ? out.slice(1) : out;
}

describe('Chinese numerals read like Arabic ones', () => {
  it('the same base value and base unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom('', '个', '人', '项', '次', '元', '家'), fc.boolean(), (n, unit, shortTen) => {
        const zh = normaliseCell(`${toChinese(n, shortTen)}${unit}`);
        const ar = normaliseCell(`${n}${unit}`);
        expect(zh.base).toBe(ar.base);
        expect(zh.baseUnit).toBe(ar.baseUnit);
        expect(zh.kind).toBe(ar.kind);
      }),
      { numRuns: 3000 },
    );
  });
  it('百分之N equals N%', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (n) => {
        expect(normaliseCell(`百分之${toChinese(n, true)}`).base).toBe(normaliseCell(`${n}%`).base);
      }),
    );
  });
  it('a year written in Chinese digits is the same date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const zhYear = [...String(y)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
        expect(normaliseCell(`${zhYear}年${toChinese(m, true)}月`).date).toBe(normaliseCell(`${y}年${m}月`).date);
      }),
    );
  });
});
