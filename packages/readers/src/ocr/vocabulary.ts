// The fixed words of the forms (DOMAIN.md: indicator levels and column headers). A cell that reads as one of
// them with a character wrong (数晶指标, 质呈指标 on the fixtures) is snapped to it: these words are printed the
// same on every form, so a near miss is an OCR error, never a different word.
const WORDS = [
  '产出指标', '效益指标', '满意度指标', '成本指标',
  '数量指标', '质量指标', '时效指标', '社会效益指标', '经济效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标',
  // the older template's level-2 words (seed-001) and the newer template's cost split
  '社会公众或服务对象满意度', '经济成本指标', '社会成本指标', '生态环境成本指标',
  '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '全年实际完成值', '指标值', '分值', '得分', '总分',
  '偏差原因分析及改进措施', '未完成原因分析', '年初预算数', '全年预算数', '全年执行数', '执行率', '年度资金总额',
  '产出目标', '效益目标', '绩效指标', '年度绩效目标', '实际完成情况', '预期目标',
];

export const isFormWord = (text: string): boolean => WORDS.includes(text);

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * `text` snapped to a form word when it is one substitution away (two for words of six characters or more),
 * keeping a bracketed note after it (`产出指标(50分)`). Only same-length near misses: a dropped or added
 * character may be a different, real word.
 */
export function snapToVocabulary(text: string): string {
  const m = /^([\u4e00-\u9fff]{4,12})([(（].*)?$/.exec(text);
  if (!m) return text;
  const word = m[1]!;
  if (WORDS.includes(word)) return text;
  const allowed = word.length >= 6 ? 2 : 1;
  const near = WORDS.filter((w) => w.length === word.length && distance(w, word) <= allowed);
  return near.length === 1 ? near[0]! + (m[2] ?? '') : text;
}
