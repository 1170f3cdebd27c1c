// Space-aligned exports (`pdftotext -layout`): columns found from where text starts, CJK characters two wide.
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '@jixiao/layout';
import { textBlocks } from './read.ts';

const rowsOf = (t: TableBlock): string[][] =>
  Array.from({ length: t.rows }, (_, r) => t.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col).map((c) => c.text.replace(/\n/g, '')));

describe('space-aligned text', () => {
  it('reads columns from character offsets, wrapped pieces going on in their column', () => {
    const text = [
      '绩效评价表',
      '',
      '一级指标  三级指标          指标值    分值',
      '产出      造林面积          ≥10万亩   10',
      '指标',
      '          病虫害防治面积    7万亩     7',
      '          森林覆盖率提高到  40%       5',
      '          全县的百分之四十',
      '',
      '自评结论：良好。',
    ].join('\n');
    const [title, table, note] = textBlocks(text);
    expect(title).toMatchObject({ type: 'paragraph', text: '绩效评价表' });
    expect(rowsOf(table as TableBlock)).toEqual([
      ['一级指标', '三级指标', '指标值', '分值'],
      ['产出指标', '造林面积', '≥10万亩', '10'],
      ['', '病虫害防治面积', '7万亩', '7'],
      ['', '森林覆盖率提高到全县的百分之四十', '40%', '5'],
    ]);
    expect(note).toMatchObject({ type: 'paragraph', text: '自评结论：良好。' });
  });

  it('keeps a column only the header prints, and one space inside a cell', () => {
    const text = ['姓 名   单位        备注', '张三     财政局', '李四     教育局', '王五     卫健委'].join('\n');
    expect(rowsOf(textBlocks(text)[0] as TableBlock)).toEqual([['姓 名', '单位', '备注'], ['张三', '财政局', ''], ['李四', '教育局', ''], ['王五', '卫健委', '']]);
  });

  it('leaves prose with a wide gap now and then as paragraphs', () => {
    const text = '填报人（签名）：  杨美荣          联系电话：3728919\n本年度工作完成良好。\n';
    expect(textBlocks(text).map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });
});
