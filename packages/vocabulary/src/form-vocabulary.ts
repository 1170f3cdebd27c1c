// The form vocabulary as one value: what readers receive through their options (ReadOptions.vocabulary) and
// what reconstruction and the normaliser read. A new template's wording is an edit to the word lists beside
// this file; everything that knows form words takes them from here.
import { LESS_IS_BETTER_RATES } from './direction.ts';
import { FUNDING_HEADERS, GOAL_HEADERS, INDICATOR_HEADERS, ROW_LABELS } from './header-words.ts';
import { COST_LEVEL_WORDS, LEVEL1_STEMS, LEVEL1_WORDS, LEVEL2_WORDS } from './level-words.ts';

export interface FormVocabulary {
  indicatorHeaders: typeof INDICATOR_HEADERS;
  fundingHeaders: typeof FUNDING_HEADERS;
  goalHeaders: typeof GOAL_HEADERS;
  rowLabels: typeof ROW_LABELS;
  level1: string[];
  level1Stems: string[];
  level2: string[];
  costLevels: string[];
  lessIsBetterRates: string[];
  /** funding-line labels every template prints */
  fundingLines: string[];
}

export const FORM_VOCABULARY: FormVocabulary = {
  indicatorHeaders: INDICATOR_HEADERS,
  fundingHeaders: FUNDING_HEADERS,
  goalHeaders: GOAL_HEADERS,
  rowLabels: ROW_LABELS,
  level1: LEVEL1_WORDS,
  level1Stems: LEVEL1_STEMS,
  level2: LEVEL2_WORDS,
  costLevels: COST_LEVEL_WORDS,
  lessIsBetterRates: LESS_IS_BETTER_RATES,
  fundingLines: ['年度资金总额', '其中：财政拨款', '上年结转资金', '其他资金'],
};

/** The header words of columns that hold plain numbers: weights and scores. */
export function numericHeaderWords(v: FormVocabulary = FORM_VOCABULARY): string[] {
  return [...v.indicatorHeaders.weight, ...v.indicatorHeaders.score];
}

/**
 * The words printed the same on every form, the ones a near miss may be snapped to (OCR): the principal
 * level words and the headers every template shares, each also in the lists above (form-vocabulary.test.ts).
 * Variant spellings (效果指标 beside 效益指标) are left out on purpose: two words one character apart make every
 * near miss of either ambiguous.
 */
export const FIXED_FORM_WORDS = [
  '产出指标', '效益指标', '满意度指标', '成本指标',
  '数量指标', '质量指标', '时效指标', '社会效益指标', '经济效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标',
  // the older template's level-2 words (seed-001) and the newer template's cost split
  '社会公众或服务对象满意度', '经济成本指标', '社会成本指标', '生态环境成本指标',
  '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '全年实际完成值', '指标值', '分值', '得分', '总分',
  '偏差原因分析及改进措施', '未完成原因分析', '年初预算数', '全年预算数', '全年执行数', '执行率', '年度资金总额',
  '产出目标', '效益目标', '绩效指标', '年度绩效目标', '实际完成情况', '预期目标',
];

/** Every word the vocabulary knows, for checking that a derived list stays inside it. */
export function allFormWords(v: FormVocabulary = FORM_VOCABULARY): Set<string> {
  const tables = [v.indicatorHeaders, v.fundingHeaders, v.goalHeaders, v.rowLabels] as Record<string, string[]>[];
  return new Set([...tables.flatMap((t) => Object.values(t).flat()), ...v.level1, ...v.level2, ...v.fundingLines]);
}
