// Which way an indicator is better, for a target printed without a comparator (contract `attained`: at most
// on 成本指标 rows and on rates whose name says less is better, at least on every other rate and count).

/** Rate words whose smaller value is the better one: 财政供养人员控制率, 预算调整率, 结转结余率 … */
export const LESS_IS_BETTER_RATES = [
  '控制率', '调整率', '结余率', '变动率', '投诉率', '发生率', '事故率', '差错率', '失误率', '违规率', '返工率',
  '流失率', '误诊率', '死亡率', '感染率', '发病率', '空置率', '超支率', '逾期率', '不良率', '损耗率', '闲置率', '复发率',
  '辍学率', '失业率', '漏报率', '错误率', '偏差率', '结转率', '沉淀率',
];
