import { describe, expect, it } from 'vitest';
import { Value } from '@jixiao/contract';
import { normaliseCell } from './normalise-cell.ts';
import { ISSUE_CELLS } from './issue-cells.cases.ts';
import { SEED_CELLS } from './seed-cells.cases.ts';

describe('normaliseCell: every target and actual cell of the seeds', () => {
  it('has the seed cells it claims', () => {
    expect(SEED_CELLS.length).toBeGreaterThan(120);
  });
  it.each(SEED_CELLS.map((c) => [`${c.seed} ${c.column} ${JSON.stringify(c.text).slice(0, 40)}`, c] as const))('%s', (_name, c) => {
    const got = normaliseCell(c.text, { fiscalYear: c.fiscalYear });
    expect(got).toEqual(c.expected);
    expect(Value.safeParse(got).success).toBe(true);
  });
});

describe('normaliseCell: forms named by the issue and DOMAIN.md', () => {
  it.each(ISSUE_CELLS)('%s', (text, expected) => {
    expect(normaliseCell(text, { fiscalYear: 2021 })).toEqual(expected);
  });
});

describe('normaliseCell: options', () => {
  it('a date without a year and no fiscal year stays a date without an ISO value', () => {
    expect(normaliseCell('12月底前')).toMatchObject({ kind: 'date', op: 'le', date: null, note: 'no_year' });
  });
  it('a bare number takes the unit column (split 指标性质|指标值|度量单位 tables); raw stays as printed', () => {
    expect(normaliseCell('735', { unitHint: '人次' })).toEqual({
      raw: '735', kind: 'number', op: null, value: 735, unit: '人次', base: 735, baseUnit: '人次', note: 'unit_from_hint',
    });
    expect(normaliseCell('96', { unitHint: '%' })).toMatchObject({ kind: 'percent', value: 96, unit: '%', base: 0.96, baseUnit: 'ratio' });
    // 符号 | 值 | 单位 tables print the unit with a gloss (DOMAIN.md): `%(百分比)` is `%`
    expect(normaliseCell('98', { unitHint: '%(百分比)' })).toMatchObject({ kind: 'percent', unit: '%', base: 0.98 });
    expect(normaliseCell('>95', { unitHint: '%' })).toMatchObject({ kind: 'percent', op: 'gt', base: 0.95 });
    expect(normaliseCell('120', { unitHint: '万元' })).toMatchObject({ kind: 'money', value: 120, unit: '万元', base: 1200000 });
  });
  it('the hint never overrides a printed unit, and never turns a fraction into a percent', () => {
    expect(normaliseCell('5个', { unitHint: '%' })).toMatchObject({ unit: '个' });
    expect(normaliseCell('0.96', { unitHint: '%' })).toMatchObject({ kind: 'number', unit: null, base: 0.96 });
    expect(normaliseCell('完成', { unitHint: '%' })).toMatchObject({ kind: 'text', unit: null });
    expect(normaliseCell('2021年6月', { unitHint: '个' })).toMatchObject({ kind: 'date', unit: null });
  });
  it('placeholder hints are ignored', () => {
    expect(normaliseCell('12', { unitHint: '/' })).toMatchObject({ unit: null, base: 12 });
  });
});
