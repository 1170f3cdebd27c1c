// The total row is read under the 得分 header whatever the column order (issue 10), also where a
// one-cell-per-line export dropped the slots the label's merge covered (the row is shorter than its header).
// Tables are built with tableFromRows: a short row stays short, as the text reader gives it.
import { describe, expect, it } from 'vitest';
import { tableFromRows, type Layout } from '@jixiao/layout';
import { reconstruct } from './reconstruct.ts';

const HEADS = {
  weightFirst: ['一级指标', '二级指标', '三级指标', '年度指标值', '全年实际值', '分值', '得分', '偏差原因分析及改进措施'],
  scoreFirst: ['一级指标', '二级指标', '三级指标', '指标得分', '年度指标值', '全年实际值', '指标权重', '偏差原因分析及改进措施'],
  scoreLast: ['一级指标', '二级指标', '三级指标', '权重', '年度指标值', '全年实际值', '偏差原因分析及改进措施', '得分'],
};

/** One indicator row in the header's column order: weight 100, score 96. */
function dataRow(head: string[]): string[] {
  const byWord: Record<string, string> = {
    一级指标: '产出指标', 二级指标: '数量指标', 三级指标: '道路养护里程', 年度指标值: '≥266米', 全年实际值: '270米',
    分值: '100', 指标权重: '100', 权重: '100', 得分: '96', 指标得分: '96', 偏差原因分析及改进措施: '',
  };
  return head.map((h) => byWord[h]!);
}

function read(head: string[], total: (string | { text: string; colSpan: number })[]) {
  const layout: Layout = {
    pageCount: null, pages: [], blocks: [
      { type: 'paragraph', text: '项目支出绩效自评表', page: null, box: null },
      tableFromRows([[{ text: '项目名称' }, { text: '道路养护' }], head.map((text) => ({ text })), dataRow(head).map((text) => ({ text })),
        total.map((c) => (typeof c === 'string' ? { text: c } : c))]),
    ],
  };
  const { reports } = reconstruct(layout);
  expect(reports).toHaveLength(1);
  return reports[0]!;
}

describe('the total row', () => {
  it.each([
    ['full width, 分值 before 得分', HEADS.weightFirst, ['合计', '', '', '', '', '100', '96', '']],
    ['full width, 得分 before 分值', HEADS.scoreFirst, ['总分', '', '', '96', '', '', '100', '']],
    ['label merged (HTML/DOCX), 得分 before 分值', HEADS.scoreFirst, [{ text: '分总', colSpan: 3 }, '96', '', '', '100', '']],
    ['label merge dropped (one cell per line), 分值 before 得分', HEADS.weightFirst, ['合计', '', '', '100', '96', '']],
    ['label merge dropped, 得分 before 分值', HEADS.scoreFirst, ['合计', '96', '', '', '100', '']],
    ['label merge dropped, 得分 last', HEADS.scoreLast, ['总分', '100', '', '', '', '96']],
  ])('%s', (_name, head, total) => {
    expect(read(head, total as string[]).totalScore).toBe('96');
  });

  it('stops at a grade label joined onto it, and keeps the grade', () => {
    const r = read(HEADS.scoreFirst, ['分总', '96', '', '', '100', '', '评价等级', '优']);
    expect([r.totalScore, r.grade]).toEqual(['96', '优']);
  });

  it('reads a score cell by its first paragraph: a sentence run into it is no part of the value', () => {
    const r = read(HEADS.scoreLast, ['合计', '100', '', '', '', '96\n\n自评结论：本项目得分96分，自评等级为“优”。']);
    expect([r.totalScore, r.grade]).toEqual(['96', '优']);
  });

  // contract totalScore: the weight total under 分值 is not the score; a blank 得分 cell gives null
  it.each([
    ['自评总分 over 分值 and 得分', HEADS.weightFirst, ['自评总分', '', '', '', '', '100', '96.3', ''], '96.3'],
    ['单位自评总分, label merged', HEADS.weightFirst, [{ text: '单位自评总分', colSpan: 5 }, '100', '96.3', ''], '96.3'],
    ['合计 printing only the weight total', HEADS.weightFirst, ['合计', '', '', '', '', '100', '', ''], null],
    ['自评总分 printing only the weight total, 得分 first', HEADS.scoreFirst, ['自评总分', '', '', '', '', '', '100', ''], null],
    ['单位自评总分, label merge dropped (one cell per line)', HEADS.weightFirst, ['单位自评总分', '100', '', '98', ''], '98'],
  ])('%s', (_name, head, total, expected) => {
    expect(read(head, total as string[]).totalScore).toBe(expected);
  });

  it('reads a labelled total by its one value', () => {
    expect(read(HEADS.scoreFirst, ['综合得分', '96']).totalScore).toBe('96');
  });
});
