// What the form itself gets wrong is flagged, never corrected: each check on a minimal report.
import { describe, expect, it } from 'vitest';
import type { FundingLine, Report } from '@jixiao/contract';
import { validateReport } from './validate-report.ts';

const line = (label: string, a: number | null, b: number | null, weight: number | null = null, score: number | null = null): FundingLine => ({
  label, unit: '元', initialBudget: a, annualBudget: a, executed: b, executionRate: null, weight, score,
});
const report = (funding: FundingLine[]): Report => ({
  kind: 'project', title: null, organisation: null, implementingUnit: null, projectName: '补助', fiscalYear: 2022,
  funding, goals: [], indicators: [], totalScore: null, grade: null, pages: null,
});

describe('validateReport', () => {
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
