// A merged level cell whose text a page break split (`产出指` on one page, `标` on the next) is one level word.
import { describe, expect, it } from 'vitest';
import { tableFromRows, type Layout } from '@jixiao/layout';
import { reconstruct } from './reconstruct.ts';

type In = { text: string; rowSpan?: number; page?: number };

function read(rows: In[][]) {
  const layout: Layout = {
    pageCount: 2, pages: [], blocks: [
      { type: 'paragraph', text: '项目支出绩效自评表', page: 1, box: null },
      tableFromRows([
        [{ text: '项目名称' }, { text: '造林' }],
        ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分'].map((text) => ({ text })),
        ...rows,
      ], 1),
    ],
  };
  const { reports } = reconstruct(layout);
  return reports[0]!.indicators.map((i) => [i.level1, i.level2, i.level3]);
}

const row = (name: string, page: number): In[] => [name, '≥1', '1', '5', '5'].map((text) => ({ text, page }));

describe('a level cell split by a page break', () => {
  it('joins the parts into the level word, on both pages', () => {
    expect(read([
      [{ text: '产出指', rowSpan: 2, page: 1 }, { text: '数量指标', rowSpan: 2, page: 1 }, ...row('造林面积', 1)],
      row('抚育面积', 1),
      [{ text: '标', rowSpan: 3, page: 2 }, { text: '', rowSpan: 1, page: 2 }, ...row('补植面积', 2)],
      [{ text: '质量指标', rowSpan: 2, page: 2 }, ...row('成活率', 2)],
      row('验收合格率', 2),
    ])).toEqual([
      ['产出指标', '数量指标', '造林面积'], ['产出指标', '数量指标', '抚育面积'], ['产出指标', '数量指标', '补植面积'],
      ['产出指标', '质量指标', '成活率'], ['产出指标', '质量指标', '验收合格率'],
    ]);
  });

  it('joins a level-2 part whose second half is a level word itself (`服务对象` + `满意度指标`)', () => {
    expect(read([
      [{ text: '满意度', page: 1 }, { text: '服务对象', page: 1 }, ...row('居民满意度', 1)],
      [{ text: '指标', page: 2 }, { text: '满意度指标', page: 2 }, ...row('医务人员满意度', 2)],
    ])).toEqual([
      ['满意度指标', '服务对象满意度指标', '居民满意度'], ['满意度指标', '服务对象满意度指标', '医务人员满意度'],
    ]);
  });

  it('keeps two level words on two pages apart', () => {
    expect(read([
      [{ text: '产出指标', page: 1 }, { text: '数量指标', page: 1 }, ...row('造林面积', 1)],
      [{ text: '效益指标', page: 2 }, { text: '生态效益指标', page: 2 }, ...row('森林覆盖率', 2)],
    ])).toEqual([['产出指标', '数量指标', '造林面积'], ['效益指标', '生态效益指标', '森林覆盖率']]);
  });

  it('joins nothing on one page', () => {
    expect(read([
      [{ text: '产出指', page: 1 }, { text: '数量指标', page: 1 }, ...row('造林面积', 1)],
      [{ text: '标', page: 1 }, { text: '数量指标', page: 1 }, ...row('抚育面积', 1)],
    ]).map((r) => r[0])).toEqual(['产出指', '标']);
  });
});
