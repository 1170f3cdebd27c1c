import { describe, expect, it } from 'vitest';
import { attained } from './attained.ts';
import { normaliseCell } from './normalise-cell.ts';

const at = (target: string, actual: string, opts: { fiscalYear?: number; hint?: string } = {}) => {
  const fy = opts.fiscalYear ?? 2021;
  const t = normaliseCell(target, { fiscalYear: fy });
  const a = normaliseCell(actual, { fiscalYear: fy, unitHint: opts.hint ?? null });
  return attained(t, a);
};

const CASES: [string, string, boolean | null][] = [
  // comparators (seed 000 rows)
  ['=5个', '5个', true],
  ['≤1325.2万元', '1140.18万元', true],
  ['≥500万人', '537万人', true],
  ['≥139项', '145项', true],
  ['>60%', '68%', true],
  ['>1000家', '1013家', true],
  ['≥90%', '97.30%', true],
  ['≥90%', '90%', true],
  ['>80%', '80%', false],
  ['≥180人', '179人', false],
  ['=119项', '118项', false],
  ['≤40万元', '16.59万元', true],
  ['≤20万元', '20.01万元', false],
  ['<5%', '5%', false],
  ['<5%', '4.9%', true],
  // money units convert: 万元 vs 元, 亿元 vs 万元
  ['≤20万元', '199999元', true],
  ['≤20万元', '200001元', false],
  ['≥1亿元', '10000万元', true],
  // counts with 万 multipliers
  ['≥500万人', '5000000人', true],
  ['≥500万人', '4999999人', false],
  // bare targets: counts and percent are "at least" (seed 004), money only decides on equality
  ['100%', '100%', true],
  ['12次', '12次', true],
  ['96%', '97%', true],
  ['96%', '95%', false],
  ['15万元', '15万元', true],
  ['15万元', '150000元', true],
  ['15万元', '14万元', null],
  ['15万元', '16万元', null],
  ['2000', '2000', true],
  ['96', '96', true],
  // dates: bare targets are deadlines; an actual `…前` is its interval
  ['2021年12月', '2021年12月前', true],
  ['2021年6月', '2021年6月', true],
  ['2021年6月', '2021年5月', true],
  ['2021年6月', '2021年7月', false],
  ['2021年12月前', '2021年11月', true],
  ['2021年12月前', '2022年1月', false],
  ['2021年12月前', '2021-12-15', true],
  ['年底前', '2021年10月22日', true],
  ['12月底前', '2021年12月', true],
  ['2021年6月30日前', '2021年6月', null],
  ['2021年6月30日前', '2021年6月20日', true],
  // actuals with their own comparator
  ['>95%', '>95%', true],
  ['>95', '>95', true],
  ['≥95%', '>95%', true],
  ['>95%', '≥95%', null],
  ['≥90%', '<80%', false],
  ['≥30项', '30余项', true],
  // ranges
  ['90%-95%', '92%', true],
  ['90%-95%', '96%', false],
  ['≥92%', '90%～95%', null],
  // approx targets: ±5 %
  ['约100人', '98人', true],
  ['约100人', '80人', false],
  // compound: paired by position when labels differ (seed 002)
  [' 药品网采率≥90%，高值医用耗材网采率≥80%', '药品网采率99%，耗材网采率81%', true],
  [' 药品网采率≥90%，高值医用耗材网采率≥80%', '药品网采率99%，耗材网采率79%', false],
  [' 药品网采率≥90%，高值医用耗材网采率≥80%', '95%', null],
  // undecidable: text, different base units, rates against totals
  ['有所提升', '有所提升', null],
  ['≥90%', '完成', null],
  ['≥90%', '达成预期指标', null],
  ['达成预期指标', '达成预期指标', null],
  ['≥90%', '', null],
  ['≥5个', '5家', null],
  ['≥5人', '5人次', null],
  ['>95', '96%', null],
  ['≥5%', '5个百分点', null],
  ['每人每月100元', '每人每月100元', true],
  ['≤100元', '每人每月100元', null],
  ['2021年6月', '100%', null],
  ['提高5个百分点', '提高5.2个百分点', true],
  ['提高5个百分点', '5.2个百分点', null],
  ['≥95%（含）', '95%', true],
];

describe('attained', () => {
  it.each(CASES)('%s vs %s → %s', (target, actual, expected) => {
    expect(at(target, actual)).toBe(expected);
  });

  it('a bare actual takes the unit column and is then comparable', () => {
    expect(at('≧735人次', '735', { hint: '人次' })).toBe(true);
    expect(at('≥96%', '96', { hint: '%' })).toBe(true);
    expect(at('≥96%', '95', { hint: '%' })).toBe(false);
  });

  it('never throws on malformed values', () => {
    const broken = { raw: 'x', kind: 'range', op: 'ge', value: null, unit: 'zz', base: null, baseUnit: null } as const;
    expect(attained(broken, broken)).toBe(null);
    expect(attained({ raw: '', kind: 'compound', op: null, value: null, unit: null, parts: [] }, broken)).toBe(null);
    expect(attained({ raw: 'd', kind: 'date', op: 'le', value: null, unit: null, date: 'nonsense' }, broken)).toBe(null);
  });
});
