// Templates beyond the seeds (issue 10), each on a small hand-made layout: split comparator columns, flat
// indicator lists, other header words and column orders, marks, funding variants, kinds from blocks, and
// unknown headers. Tables are built with tableFromRows, as a DOCX/HTML reader would give them.
import { describe, expect, it } from 'vitest';
import { tableFromRows, type Layout } from '@jixiao/layout';
import { reconstruct } from './reconstruct.ts';

const layoutOf = (...blocks: Layout['blocks']): Layout => ({ pageCount: null, pages: [], blocks });
const para = (text: string) => ({ type: 'paragraph' as const, text, page: null, box: null });
const table = (rows: (string | { text: string; rowSpan?: number; colSpan?: number })[][]) =>
  tableFromRows(rows.map((r) => r.map((c) => (typeof c === 'string' ? { text: c } : c))));
const only = (layout: Layout) => {
  const { reports } = reconstruct(layout);
  expect(reports).toHaveLength(1);
  return reports[0]!;
};

describe('split comparator | value | unit columns', () => {
  it.each([
    ['≥', '266', '米', '≥266米'], ['≧', '735', '人次', '≧735人次'], ['≤', '24', '小时', '≤24小时'], ['≦', '5', '天', '≦5天'],
    ['=', '100', '%', '=100%'], ['＝', '42', '所', '＝42所'], ['═', '100', '%', '═100%'], ['﹦', '1', '项', '﹦1项'],
    ['>=', '90', '%', '>=90%'], ['<=', '3.2', '万元', '<=3.2万元'], ['', '明显提升', '', '明显提升'], ['定量', '12', '次', '12次'],
  ])('%s | %s | %s → %s', (op, value, unit, joined) => {
    const r = only(layoutOf(para('项目支出绩效自评表'), table([
      ['项目名称', '道路养护'],
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '全年完成值', '分值', '得分'],
      ['产出指标', '数量指标', '养护里程', op, value, unit, '270', '10', '10'],
    ])));
    const i = r.indicators[0]!;
    expect([i.target, i.actual, i.unitHint]).toEqual([joined, '270', unit || null]);
  });

  it('keeps an actual that carries its own comparator as printed', () => {
    const r = only(layoutOf(para('项目支出绩效自评表'), table([
      ['项目名称', '道路养护'],
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '全年实际值', '分值', '得分'],
      ['产出指标', '数量指标', '养护里程', '≥', '266', '米', '≥266米', '10', '10'],
      ['', '质量指标', '验收合格', '=', '100', '%', '达成预期指标', '10', '9'],
    ])));
    expect(r.indicators.map((i) => [i.level2, i.target, i.actual])).toEqual([['数量指标', '≥266米', '≥266米'], ['质量指标', '=100%', '达成预期指标']]);
  });
});

describe('a flat 指标名称 list', () => {
  const flat = () => only(layoutOf(para('部门预算项目绩效自评表'), table([
    ['项目名称', '乡镇道路维护'],
    ['序号', '指标名称', '指标性质', '年初指标值', '调整指标值', '全年完成值', '得分系数', '指标权重(分)', '指标得分(分)', '是否核心指标'],
    ['1', '★道路养护里程', '定量', '≥266米', '≥270米', '281米', '1', '20', '20', '是'],
    ['', '其中：国道养护里程', '定量', '≥100米', '', '110米', '', '', '', ''],
    ['2', '群众满意度', '定性', '≥90%', '', '93%', '1', '10', '10', '否'],
    ['合计', '', '', '', '', '', '', '30', '30', ''],
  ])));

  it('reads rows with no levels, ignoring 调整指标值 / 得分系数, 年初指标值 and 全年完成值 as target and actual', () => {
    const r = flat();
    expect(r.kind).toBe('project');
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score])).toEqual([
      [null, null, '★道路养护里程', '≥266米', '281米', '20', '20'],
      [null, null, '其中：国道养护里程', '≥100米', '110米', null, null],
      [null, null, '群众满意度', '≥90%', '93%', '10', '10'],
    ]);
    expect(r.totalScore).toBe('30');
    expect(r.warnings).toEqual([]);
  });

  it('marks ★ rows core, keeping the name as printed; 其中 sub-rows are rows with no weight or score', () => {
    expect(flat().indicators.map((i) => i.core)).toEqual([true, false, false]);
  });

  it('takes a numbered heading row (`一、产出指标`) as the level of the `1、…` rows under it, which keep their numbers', () => {
    const r = only(layoutOf(para('项目支出绩效自评表'), table([
      ['项目名称', '乡镇道路维护'],
      ['指标名称', '年初目标值(A)', '完成值', '权重', '指标得分'],
      [{ text: '一、产出指标', colSpan: 5 }],
      ['1、道路养护里程', '≥266米', '281米', '20', '20'],
      [{ text: '二、满意度指标', colSpan: 5 }],
      ['1、群众满意度', '≥90%', '93%', '10', '10'],
    ])));
    expect(r.indicators.map((i) => [i.level1, i.level3, i.target, i.weight])).toEqual([
      ['产出指标', '1、道路养护里程', '≥266米', '20'],
      ['满意度指标', '1、群众满意度', '≥90%', '10'],
    ]);
  });
});

describe('other words and orders', () => {
  it('reads 权重 before the target, 得分计算方法 between columns, rows grouped under 年度绩效目标1 (40分)', () => {
    const r = only(layoutOf(para('项目支出绩效自评表'), para('(2023年度)'), table([
      ['项目名称', '农村客运补贴', '自评总分', '88.5'],
      ['一级指标', '二级指标', '三级指标', '权重', '年初目标值(A)', '全年实际值', '得分计算方法', '指标得分', '未完成原因及拟采取的改进措施'],
      [{ text: '年度绩效目标1 (40分)', colSpan: 9 }],
      ['产出指标', '数量指标', '通客车建制村数', '20', '=735个', '735个', '完成记满分', '20', ''],
      ['', '时效指标', '补贴拨付时间', '20', '2023年6月前', '2023年7月', '每延迟一月扣5分', '15', '资金到位晚'],
      [{ text: '年度绩效目标2 (60分)', colSpan: 9 }],
      ['效益指标', '社会效益指标', '群众出行便利度', '60', '明显提升', '完成', '', '53.5', ''],
    ]), para('经评价，该项目绩效自评等级为良。')));
    expect([r.totalScore, r.grade, r.fiscalYear]).toEqual(['88.5', '良', 2023]);
    expect(r.indicators.map((i) => [i.goal, i.level1, i.level2, i.level3, i.weight, i.target, i.actual, i.score, i.deviation])).toEqual([
      ['年度绩效目标1', '产出指标', '数量指标', '通客车建制村数', '20', '=735个', '735个', '20', null],
      ['年度绩效目标1', '产出指标', '时效指标', '补贴拨付时间', '20', '2023年6月前', '2023年7月', '15', '资金到位晚'],
      ['年度绩效目标2', '效益指标', '社会效益指标', '群众出行便利度', '60', '明显提升', '完成', '53.5', null],
    ]);
  });

  it.each([['合计'], ['分总'], ['总分']])('reads the total from a %s row and the grade from a row', (label) => {
    const r = only(layoutOf(para('项目支出绩效自评表'), table([
      ['项目名称', '甲'],
      ['一级指标', '二级指标', '三级指标', '指标值', '完成值', '分值', '得分'],
      ['产出指标', '数量指标', 'x', '1个', '1个', '100', '97'],
      [label, '', '', '', '', '100', '97'],
      ['评价等次', '优'],
    ])));
    expect([r.totalScore, r.grade]).toEqual(['97', '优']);
  });

  it('skips a header word it does not know, with a warning quoting it, never mapping it by position', () => {
    const r = only(layoutOf(para('项目支出绩效自评表'), table([
      ['项目名称', '甲'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '指标解释说明', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', 'x', '≥5个', '按件计', '6个', '10', '10'],
    ])));
    expect(r.indicators.map((i) => [i.target, i.actual, i.weight, i.score, i.deviation])).toEqual([['≥5个', '6个', '10', '10', null]]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'UnknownColumn', message: expect.stringContaining('"指标解释说明"') })]);
  });
});

describe('funding variants', () => {
  it('reads 项目资金（元）, 调整后预算数, 预算执行率, `/` cells and local funding lines, as printed', () => {
    const r = only(layoutOf(para('项目支出绩效自评表'), table([
      ['项目名称', '义务教育补助'],
      ['项目资金（元）', '', '年初预算数', '调整后预算数', '全年执行数', '预算执行率', '分值', '得分'],
      ['', '年度资金总额：', '0', '0', '0', '0', '10', '9.9'],
      ['', '其中：中央补助', '1200000.00', '1250000.00', '1240000.00', '99.2%', '/', '/'],
      ['', '省级资金', '/', '/', '/', '/', '/', '/'],
      ['', '县级资金', '600000.00', '612400.00', '603776.00', '98.6%', '/', '/'],
    ])));
    expect(r.funding.map((f) => [f.label, f.unit, f.initialBudget, f.annualBudget, f.executed, f.executionRate, f.weight, f.score])).toEqual([
      ['年度资金总额', '元', '0', '0', '0', '0', '10', '9.9'],
      ['其中：中央补助', '元', '1200000.00', '1250000.00', '1240000.00', '99.2%', '/', '/'],
      ['省级资金', '元', '/', '/', '/', '/', '/', '/'],
      ['县级资金', '元', '600000.00', '612400.00', '603776.00', '98.6%', '/', '/'],
    ]);
  });

  it.each([['资金情况（万元）', '万元'], ['预算执行情况(20分)', '万元']])('takes the unit of a %s table', (caption, unit) => {
    const r = only(layoutOf(para('整体支出绩效自评表'), table([
      ['部门名称', '某局'],
      [caption, '年初预算数', '全年预算数', '全年执行数', '执行率', '分值', '得分'],
      ['部门预算总额', '100', '120', '114', '95%', '20', '19'],
    ])));
    expect(r.funding.map((f) => [f.label, f.unit, f.annualBudget])).toEqual([['部门预算总额', unit, '120']]);
  });
});

describe('kinds and heads', () => {
  it('takes the kind from the blocks when the title does not say it', () => {
    const r = only(layoutOf(para('绩效目标自评表'), table([
      ['转移支付名称', '农村公路养护补助'], ['中央主管部门', '交通运输部'],
      ['一级指标', '二级指标', '三级指标', '指标值', '完成值', '分值', '得分'],
      ['产出指标', '数量指标', 'x', '1个', '1个', '10', '10'],
    ])));
    expect([r.kind, r.title, r.projectName]).toEqual(['transfer_payment', '绩效目标自评表', '农村公路养护补助']);
  });

  it('reads a title and its year line run into one paragraph', () => {
    const r = only(layoutOf(para('项目支出绩效自评表（2023年度）'), table([
      ['项目名称', '道路养护'],
      ['一级指标', '二级指标', '三级指标', '指标值', '完成值', '分值', '得分'],
      ['产出指标', '数量指标', 'x', '1个', '1个', '10', '10'],
    ])));
    expect([r.title, r.fiscalYear, r.kind]).toEqual(['项目支出绩效自评表', 2023, 'project']);
  });

  it('keeps a numeric code before a unit name as printed', () => {
    const r = only(layoutOf(para('项目支出绩效自评表'), table([
      ['项目名称', '道路养护', '实施单位', '219-青山镇人民政府'],
      ['一级指标', '二级指标', '三级指标', '指标值', '完成值', '分值', '得分'],
      ['产出指标', '数量指标', 'x', '1个', '1个', '10', '10'],
    ])));
    expect(r.implementingUnit).toBe('219-青山镇人民政府');
  });
});
