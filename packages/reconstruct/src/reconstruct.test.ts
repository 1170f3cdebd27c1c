// The tricky pieces on small hand-made layouts: header words in any order, unknown headers warned,
// merged cells carried (empty text cells and real row spans alike), level cleaning, shifted rows, forms split.
import { describe, expect, it } from 'vitest';
import { tableFromRows, type Layout } from '@jixiao/layout';
import { cleanLevel } from './clean-text.ts';
import { FUNDING_HEADERS, headerField, INDICATOR_HEADERS } from './header-vocabulary.ts';
import { reconstruct } from './reconstruct.ts';

const layoutOf = (...blocks: Layout['blocks']): Layout => ({ pageCount: null, pages: [], blocks });
const para = (text: string) => ({ type: 'paragraph' as const, text, page: null, box: null });
const table = (rows: string[][]) => tableFromRows(rows.map((r) => r.map((text) => ({ text }))));

describe('header vocabulary', () => {
  it.each([
    ['全年实际值(B)', 'actual'], ['年度指标(A)', 'target'], ['分值(10分)', 'weight'], ['全年实际完 成值', 'actual'],
    ['一级 指标', 'level1'], ['指标权重', 'weight'], ['得分计算方法', 'ignore'], ['未完成原因和改进措施', 'deviation'],
    // DOMAIN.md, seen in more provinces: two-line headers, 评分标准/指标解释 columns, 单项指标得分 | 权重占比 | 折算得分
    ['绩效\n目标值', 'target'], ['指标解释', 'ignore'], ['评分标准', 'ignore'], ['权重占比(%)', 'weight'], ['单项指标得分', 'score'],
    ['折算得分', 'ignore'], ['符号', 'comparator'], ['值', 'target'], ['单位', 'unit'],
  ])('%s → %s', (text, field) => expect(headerField(INDICATOR_HEADERS, text)).toBe(field));
  it('does not map a word it does not know', () => expect(headerField(INDICATOR_HEADERS, '佐证材料')).toBeNull());
});

describe('funding header words', () => {
  it.each([
    ['年初部门预算安排金额①', 'initialBudget'], ['年中调整金额②', 'ignore'], ['小计③=①+②', 'annualBudget'],
    ['年度拨付金额④', 'executed'], ['支出实现率⑤', 'executionRate'], ['本年度结余金额⑥', 'ignore'], ['资金结余率⑦', 'ignore'],
    ['资金构成(元)', 'label'], ['预算执行进度(%)', 'executionRate'], ['到位数', 'ignore'],
  ])('%s → %s', (text, field) => expect(headerField(FUNDING_HEADERS, text)).toBe(field));
});

describe('cleanLevel', () => {
  it.each([
    ['产出 指标 (50分)', '产出指标'], ['满意度指标（10分）', '满意度指标'], ['指标1:审查检查相关费用', '审查检查相关费用'],
    ['指标1：财政供养控制率', '财政供养控制率'], ['1. 积极组织人员进入医保', '积极组织人员进入医保'], ['服务对象\n满意度指\n标', '服务对象满意度指标'],
  ])('%s → %s', (raw, clean) => expect(cleanLevel(raw)).toBe(clean));
});

const HEADER = ['年度指标完成情况', '一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分', '佐证材料'];

describe('reconstruct', () => {
  it('reads columns in any order, carries merged cells down and warns about an unknown header', () => {
    const { reports } = reconstruct(layoutOf(para('项目支出绩效自评表'), para('(2022年度)'), table([
      ['项目名称', '道路养护', '主管部门', '某市交通局'],
      HEADER,
      ['绩效目标1', '产出指标 (50分)', '数量指标', '养护里程', '10', '≥266米', '270米', '10', ''],
      ['', '', '', '养护次数', '5', '12次', '12次', '5', ''],
      ['', '', '质量指标', '合格率', '5', '≥95%', '96%', '5', ''],
      ['总分', '', '', '', '20', '', '', '20', ''],
    ])));
    expect(reports).toHaveLength(1);
    const r = reports[0]!;
    expect([r.kind, r.projectName, r.organisation, r.fiscalYear, r.totalScore]).toEqual(['project', '道路养护', '某市交通局', 2022, '20']);
    expect(r.indicators.map((i) => [i.goal, i.level1, i.level2, i.level3, i.weight, i.target, i.actual, i.score])).toEqual([
      ['绩效目标1', '产出指标', '数量指标', '养护里程', '10', '≥266米', '270米', '10'],
      ['绩效目标1', '产出指标', '数量指标', '养护次数', '5', '12次', '12次', '5'],
      ['绩效目标1', '产出指标', '质量指标', '合格率', '5', '≥95%', '96%', '5'],
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual([expect.stringContaining('"佐证材料"')]);
  });

  it('takes a real row span like empty cells below it', () => {
    const spanned = tableFromRows([
      HEADER.slice(0, 8).map((text) => ({ text })),
      [{ text: '' }, { text: '产出指标', rowSpan: 2 }, { text: '数量指标', rowSpan: 2 }, { text: 'A' }, { text: '1' }, { text: '1个' }, { text: '1个' }, { text: '1' }],
      [{ text: '' }, { text: 'B' }, { text: '2' }, { text: '2个' }, { text: '2个' }, { text: '2' }],
    ]);
    const { reports } = reconstruct(layoutOf(para('整体支出绩效自评表'), para('部门名称：某局'), spanned));
    expect(reports[0]!.indicators.map((i) => [i.level1, i.level2, i.level3])).toEqual([['产出指标', '数量指标', 'A'], ['产出指标', '数量指标', 'B']]);
  });

  it('realigns a row whose goal cell moved right or went missing (seed 000)', () => {
    const h = ['年度指标完成情况', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', ''];
    const { reports } = reconstruct(layoutOf(para('整体支出绩效自评表'), table([
      h,
      ['', '绩效目标4', '产出指标', '数量指标', '规则上线数', '=56类', '56类', '2', '2', ''],
      ['效益指标', '社会效益指标', '信息化水平', '逐步提高', '已提高', '1', '1', ''],
    ])));
    expect(reports[0]!.indicators.map((i) => [i.goal, i.level1, i.level2, i.level3, i.target, i.weight])).toEqual([
      ['绩效目标4', '产出指标', '数量指标', '规则上线数', '=56类', '2'],
      ['绩效目标4', '效益指标', '社会效益指标', '信息化水平', '逐步提高', '1'],
    ]);
  });

  it('splits forms at each title and at a 项目名称 block after a finished form', () => {
    const form = (name: string) => table([['项目名称', name], HEADER.slice(0, 8), ['', '产出指标', '数量指标', 'x', '10', '1个', '1个', '10']]);
    const { reports } = reconstruct(layoutOf(para('项目支出绩效自评表'), form('甲'), form('乙'), para('项目支出绩效自评表'), form('丙')));
    expect(reports.map((r) => r.projectName)).toEqual(['甲', '乙', '丙']);
  });
});

describe('the fiscal year', () => {
  it('is read from a year line under a title the title test does not know', () => {
    const { reports } = reconstruct(layoutOf(para('某县2021年农业生产发展资金绩效目标自评'), para('（2021年度）'), table([
      ['项目名称', '农业生产发展', '主管部门', '某县农业农村局'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '示范区建立', '≥1个', '1个', '10', '10'],
    ])));
    expect(reports.map((r) => r.fiscalYear)).toEqual([2021]);
  });
});

describe('placeholder rows', () => {
  it('are no indicators: `指标1: / / /` and `……` in an unused slot', () => {
    const { reports } = reconstruct(layoutOf(para('项目支出绩效自评表'), table([
      ['项目名称', '农业生产发展', '主管部门', '某县农业农村局'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '示范区建立', '≥1个', '1个', '10', '10'],
      ['', '', '指标1:', '/', '/', '/', '/'],
      ['', '', '……', '……', '……', '', ''],
      ['', '质量指标', '验收合格率', '', '', '10', '10'],
    ])));
    expect(reports[0]!.indicators.map((i) => [i.level2, i.level3])).toEqual([['数量指标', '示范区建立'], ['质量指标', '验收合格率']]);
  });
});
