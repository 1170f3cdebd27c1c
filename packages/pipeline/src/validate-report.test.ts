// What the form itself gets wrong is flagged, never corrected: each check on a minimal report.
import { describe, expect, it } from 'vitest';
import type { FundingLine, Indicator, Report } from '@jixiao/contract';
import { validateReport } from './validate-report.ts';

const line = (label: string, a: number | null, b: number | null, weight: number | null = null, score: number | null = null): FundingLine => ({
  label, unit: '元', initialBudget: a, annualBudget: a, executed: b, executionRate: null, weight, score,
});
const report = (funding: FundingLine[]): Report => ({
  kind: 'project', title: null, organisation: null, implementingUnit: null, projectName: '补助', fiscalYear: 2022,
  funding, goals: [], indicators: [], totalScore: null, grade: null, pages: null,
});

const text = { raw: null, kind: 'text', text: null } as unknown as Indicator['target'];
const row = (weight: number, score: number): Indicator => ({
  goal: null, level1: '产出指标', level2: '数量指标', level3: `指标 ${weight}/${score}`, target: text, actual: text,
  weight, score, deviation: null, attained: null, page: null,
});
const scored = (rows: [number, number][], totalScore: number | null): Report => ({ ...report([]), indicators: rows.map(([w, s]) => row(w, s)), totalScore });
const codes = (r: Report) => validateReport(r).map((w) => w.code);

describe('validateReport', () => {
  // 单项指标得分 | 权重占比 | 折算得分: each score is out of 100, the total is Σ weight × score / 100
  const outOf100: [number, number][] = [[40, 100], [30, 90], [30, 80]];

  it('compares a score out of 100 with 100, not with its weight, when the total is the weighted sum', () => {
    expect(codes(scored(outOf100, 91))).toEqual([]);
    expect(codes(scored([...outOf100.slice(0, 2), [30, 120]], 103))).toEqual(['ScoreAboveWeight']);
  });

  it('reads scores out of 100 without a total when most rows score above their weights', () => {
    expect(codes(scored(outOf100, null))).toEqual([]);
  });

  it('still flags one score above its weight on a form rated on weights', () => {
    const ws = validateReport(scored([[10, 30], [50, 45], [40, 40]], null));
    expect(ws.map((w) => w.code)).toEqual(['ScoreAboveWeight']);
    expect(ws[0]!.message).toContain('weight of 10');
    expect(codes(scored([[10, 30], [50, 45], [40, 40]], 115))).toEqual(['ScoreAboveWeight']);
  });

  it('warns when 年度资金总额 prints 0 while its 其中 line holds amounts, keeping both', () => {
    const r = report([line('年度资金总额', 0, 0, 10, 9.9), line('其中：本年财政拨款', 1862400, 1843776), line('上年结转资金', null, null)]);
    const ws = validateReport(r);
    expect(ws.map((w) => w.code)).toEqual(['FundingTotalZero']);
    expect(ws[0]!.message).toContain('其中：本年财政拨款');
    expect(r.funding[0]!.initialBudget).toBe(0);
  });

  it('says nothing when the total holds the amounts', () => {
    expect(validateReport(report([line('年度资金总额', 15, 15), line('其中:本年财政拨款', 15, 15)]))).toEqual([]);
  });

  it('flags a score above its weight', () => {
    expect(validateReport(report([line('年度资金总额', 15, 15, 10, 30)])).map((w) => w.code)).toEqual(['ScoreAboveWeight']);
  });
});
