// The header words the genre prints for one meaning, listed here from DOMAIN.md and issue 10 — kept apart from
// packages/reconstruct/src/header-vocabulary.ts on purpose: a word missing there makes the property test fail.
import type { FundingField, IndicatorColumnKey } from '../../fixtures/build/spec.ts';

/** Indicator-table column words; a key missing here keeps the header the form prints. */
export const INDICATOR_SYNONYMS: Partial<Record<IndicatorColumnKey, string[]>> = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  target: ['年度指标值', '指标值', '年度指标(A)', '预期指标值', '绩效目标', '年初目标值(A)', '全年预期指标值', '年初指标值', '年度指标值(A)'],
  actual: ['实际完成值', '全年实际完成值', '全年实际值(B)', '完成情况', '全年实际值', '完成值', '全年完成值'],
  weight: ['分值', '权重', '指标权重', '指标权重(分)'],
  score: ['得分', '指标得分', '指标得分(分)'],
  deviation: ['偏差原因分析及改进措施', '未完成原因分析', '未完成原因和改进措施', '未完成原因及拟采取的改进措施'],
  method: ['得分计算方法'],
  targetOp: ['指标性质'],
  targetValue: ['指标值'],
  targetUnit: ['度量单位', '计量单位'],
};

/** The level-3 column: 三级指标 under level columns, 指标名称 in a flat list. */
export const LEVEL3_SYNONYMS = { levelled: ['三级指标'], flat: ['指标名称'] };

/** The total row's label (the 合计 and 分总 for 总分). */
export const TOTAL_LABELS = ['总分', '合计', '分总'];

/** The label of a grade row. */
export const GRADE_LABELS = ['自评等级', '评价等次', '评价等级'];

/** Funding-block column words. */
export const FUNDING_SYNONYMS: Partial<Record<FundingField, string[]>> = {
  initialBudget: ['年初预算数'],
  annualBudget: ['全年预算数', '全年预算数(A)', '调整后预算数'],
  executed: ['全年执行数', '全年执行数(B)'],
  executionRate: ['执行率', '预算执行率', '执行率(B/A)', '执行率(B/A×100%)'],
  weight: ['分值'],
  score: ['得分'],
};
