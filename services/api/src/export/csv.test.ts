import { describe, expect, it } from 'vitest';
import type { IndicatorFact } from '@jixiao/db';
import { csvHeader, csvLines } from './csv.ts';
import { EXPORT_COLUMNS } from './columns.ts';

const row = (over: Partial<IndicatorFact>) => ({ level3: null, targetRaw: '', actualRaw: '', correctedFields: null, ...over }) as IndicatorFact;
const cellOf = (line: string, key: string) => {
  // split on commas outside quotes
  const cells = line.replace(/\r\n$/, '').match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
  return cells[EXPORT_COLUMNS.findIndex((c) => c.key === key)];
};

describe('CSV export', () => {
  it('starts with a byte-order mark and the column keys', () => {
    expect(csvHeader().startsWith('\uFEFFdocument_id,')).toBe(true);
  });

  it.each([
    ['plain Chinese', '危旧桥梁改造座数', '危旧桥梁改造座数'],
    ['a comma', '桥梁,道路', '"桥梁,道路"'],
    ['a quote', '"优"', '"""优"""'],
    ['a line break', '一\n二', '"一\n二"'],
    ['a formula', '=1+1', "'=1+1"],
    ['a leading minus in text', '-5%', "'-5%"],
  ])('quotes %s', (_, level3, expected) => {
    expect(cellOf(csvLines([row({ level3 })]), 'level3')).toBe(expected);
  });

  it('writes numbers as numbers, booleans as true/false and nulls as empty', () => {
    const line = csvLines([row({ weight: -2.5, attained: false, score: null })]);
    expect(cellOf(line, 'weight')).toBe('-2.5');
    expect(cellOf(line, 'attained')).toBe('false');
    expect(cellOf(line, 'score')).toBe('');
  });
});
