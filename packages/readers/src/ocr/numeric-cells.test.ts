import { describe, expect, it } from 'vitest';
import type { TableBlock } from '@jixiao/layout';
import { digitReadingFits, doubtfulNumericCells, garbledPercent, percentByGlyphs } from './numeric-cells.ts';

const cell = (row: number, col: number, text: string) => ({ row, col, rowSpan: 1, colSpan: 1, text, page: 1, box: { x0: col * 10, y0: row * 10, x1: col * 10 + 10, y1: row * 10 + 10 } });
const table = (rows: string[][]): TableBlock => ({ type: 'table', cells: rows.flatMap((r, i) => r.map((t, j) => cell(i, j, t))) }) as unknown as TableBlock;

describe('doubtfulNumericCells', () => {
  it('picks non-numbers under a weight or score header, and nothing else', () => {
    const t = table([
      ['三级指标', '指标值', '分值(10分)', '得分'],
      ['机构正常运行率', '了', '4', '了'],
      ['工资发放及时率', '=100%', '—', ']'],
      ['可持续', '四', '/', '满分'],
    ]);
    expect(doubtfulNumericCells(t).map((c) => `${c.row},${c.col}`)).toEqual(['1,3', '2,3']);
  });
  it('finds nothing without a numeric header', () => {
    expect(doubtfulNumericCells(table([['三级指标', '指标值'], ['了', '了']]))).toEqual([]);
  });
});

describe('garbledPercent', () => {
  it.each([
    ['1009%46', true],
    ['7]19%', true],
    ['100%', false],
    ['≥95%', false],
    ['68%', false],
    ['10086', false],
    ['提高5%', false],
  ])('%s → %s', (text, garbled) => expect(garbledPercent(text)).toBe(garbled));
});

describe('readings that fit the ink', () => {
  it('needs one character per glyph', () => {
    expect(digitReadingFits('4', 1)).toBe(true);
    expect(digitReadingFits('41', 1)).toBe(false);
    expect(digitReadingFits('', 0)).toBe(false);
  });
  it('settles a percentage from its glyphs: the last one is the percent sign', () => {
    expect(percentByGlyphs('1009%46', 4)).toBe('100%');
    expect(percentByGlyphs('719%4', 3)).toBe('71%');
    expect(percentByGlyphs('≥959%', 4)).toBe('≥95%');
    // the first glyphs must read as a number, and there must be a percent sign read at all
    expect(percentByGlyphs('7]19%', 3)).toBe(null);
    expect(percentByGlyphs('10086', 4)).toBe(null);
    expect(percentByGlyphs('1%', 1)).toBe(null);
  });
});
