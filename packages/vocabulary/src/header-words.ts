// Every column word the forms print, and what it means. Adding a province's wording is one line here.
// Matching is on compact text (no spaces, half-width brackets); a word with its bracket part
// (`全年实际值(B)`) is tried first, then without any bracket part (`分值(10分)` → 分值).
export type IndicatorField =
  | 'section' // the table's own label column (`年度指标完成情况`): holds goal groups where there are any
  | 'goal' | 'level1' | 'level2' | 'level3' | 'levels'
  | 'comparator' | 'target' | 'unit' | 'actual' | 'weight' | 'score' | 'deviation' | 'core' | 'ignore';

export type FundingField = 'label' | 'initialBudget' | 'annualBudget' | 'executed' | 'executionRate' | 'weight' | 'score' | 'ignore';

export type GoalField = 'section' | 'index' | 'target' | 'actual' | 'indicators' | 'ignore';

export const INDICATOR_HEADERS: Record<Exclude<IndicatorField, never>, string[]> = {
  section: ['年度指标完成情况', '年度绩效指标完成情况', '绩效指标', '年度绩效指标', '项目支出绩效指标', '绩效指标完成情况', '指标完成情况', '年度绩效指标完成情况', '整体支出绩效定量目标及实施计划完成情况'],
  goal: ['绩效目标序号', '目标序号', '对应目标', '年度绩效目标'],
  level1: ['一级指标'],
  level2: ['二级指标'],
  level3: ['三级指标', '指标名称', '绩效指标名称', '具体指标'],
  levels: ['评价内容', '指标'],
  comparator: ['指标性质', '符号'],
  target: ['年度指标值', '指标值', '年度指标', '预期指标值', '绩效目标', '年初目标值', '全年预期指标值', '年初指标值', '目标值', '年度目标值', '绩效指标值', '预期目标值', '年度指标值(A)', '年度指标(A)', '年初目标值(A)',
    // a split 符号 | 值 | 单位 target; a two-line `绩效` ⏎ `目标值` header cell
    '值', '绩效目标值'],
  unit: ['度量单位', '计量单位', '单位'],
  actual: ['实际完成值', '全年实际完成值', '全年实际值', '全年实际', '完成情况', '完成值', '全年完成值', '实际完成情况', '实际值', '实际完成', '全年实际值(B)', '全年实际(B)', '实际完成值(B)'],
  // 单项指标得分 | 权重占比(%) | 折算得分: the weight is the 权重占比 (DOMAIN.md)
  weight: ['分值', '权重', '指标权重', '权重(分)', '指标分值', '权重分值', '权重占比', '项目权重'],
  score: ['得分', '指标得分', '自评得分', '评分', '单项指标得分', '自评分'],
  deviation: ['偏差原因分析及改进措施', '未完成原因分析', '未完成原因和改进措施', '未完成原因及拟采取的改进措施', '偏差原因分析', '未完成情况分析', '原因分析', '偏差原因及改进措施', '未完成原因分析及改进措施', '偏差原因'],
  core: ['是否核心指标', '核心指标'],
  ignore: ['得分计算方法', '评分标准', '计分方法', '得分系数', '调整指标值', '备注', '序号', '指标解释', '完成率', '折算得分', '复核分',
    // a two-line header's adjusted value beside the original (年度指标值 over 年初 / 调整后): 年初 is the target
    '年度指标值(调整后)', '指标值(调整后)', '目标值(调整后)'],
};

/**
 * Words a header's second line prints under a group cell (年度指标值 over 年初 / 调整后): each column is read as
 * `group(word)`, so `年度指标值(年初)` is a target and `年度指标值(调整后)` is ignored.
 */
export const SUB_HEADER_WORDS = ['年初', '调整后', '调整前', '年初设定', '调整'];

export const FUNDING_HEADERS: Record<FundingField, string[]> = {
  label: ['类别', '项目', '资金来源', '预算执行情况', '项目资金', '资金投入情况', '资金情况', '部门预算金额', '项目资金(万元)', '资金投入情况(万元)', '资金构成'],
  // numbered formula columns (年初部门预算安排金额① | 年中调整金额② | 小计③=①+② | 年度拨付金额④ | 支出实现率⑤) are
  // looked up without their numbers and formula (headerKey)
  initialBudget: ['年初预算数', '年初预算', '年初预算数(A)', '年初部门预算安排金额', '年初预算安排金额'],
  annualBudget: ['全年预算数', '调整预算数', '调整后预算数', '全年预算', '预算数', '全年预算数(A)', '调整后预算数(A)', '小计'],
  executed: ['全年执行数', '决算数', '执行数', '全年执行数(B)', '实际执行数', '预算执行数(B)', '年度拨付金额'],
  executionRate: ['执行率', '预算执行率', '执行率(B/A)', '执行率(B/A×100%)', '执行率(B/A*100%)', '支出实现率', '预算执行进度'],
  weight: ['分值'],
  score: ['得分'],
  ignore: ['得分计算方法', '备注', '偏差原因分析及改进措施', '年中调整金额', '到位数', '本年度结余金额', '资金结余率'],
};

export const GOAL_HEADERS: Record<GoalField, string[]> = {
  section: ['年度绩效目标完成情况', '年度目标完成情况', '年度主要目标完成情况', '项目年度目标', '项目绩效目标', '年度主要产出', '总体情况', '整体支出绩效定性目标及实施计划完成情况', '年度总体目标', '总体目标完成情况'],
  index: ['目标序号', '序号'],
  target: ['年度绩效目标', '预期目标', '年初设定目标', '年初绩效目标', '总体目标', '年度目标', '绩效目标', '年度总体目标', '年度任务'],
  // a goal table that lists each goal's indicators in a column of its own (seed 003)
  indicators: ['绩效指标及指标值', '绩效指标', '主要绩效指标'],
  actual: ['实际完成情况', '全年实际完成情况', '年度总体目标完成情况综述', '年度整体目标完成情况概述', '年度目标完成情况综述', '年度主要目标任务完成情况综述', '实际完成', '完成情况', '目标完成情况'],
  ignore: ['偏差原因分析及改进措施', '未完成原因分析', '存在问题和改进措施', '职责', '部门职责'],
};

/** Label cells that start a row of their own: the form's total and its grade. */
export const ROW_LABELS = {
  // 自评得分 printed in the head beside the project name (DOMAIN.md); 财政审核评分 beside it is the reviewer's
  total: ['总分', '合计', '总计', '分总', '单位自评总分', '自评总分', '自评得分', '绩效自评总分', '绩效自评综合得分', '综合得分', '评价总分', '自评得分合计', '得分合计'],
  grade: ['评价等次', '评价等级', '自评等级', '自评等次', '绩效等级', '绩效评价等级', '等次', '等级', '绩效自评等级', '自评结果等级', '绩效评价等次'],
};
