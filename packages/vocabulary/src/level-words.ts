// The words indicator tables print in their level columns (DOMAIN.md). Reconstruction tells a level cell from
// a value with them and realigns rows a text export shifted; OCR snaps a near miss to them.

export const LEVEL1_WORDS = [
  '产出指标', '效益指标', '效果指标', '满意度指标', '成本指标', '产出目标', '效益目标', '满意度目标', '社会公众或服务对象满意度指标',
  // process indicators mixed with output and outcome ones (DOMAIN.md, "Seen in more provinces")
  '决策指标', '过程指标', '管理指标', '项目决策', '项目管理', '预算执行',
];

export const LEVEL2_WORDS = [
  '数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '经济效益指标', '生态效益指标', '可持续影响指标',
  '可持续发展指标', '可持续性指标', '服务对象满意度指标', '服务对象满意度', '满意度指标', '社会效益', '经济效益',
  '生态效益', '可持续影响', '社会公众或服务对象满意度', '经济成本指标', '社会成本指标', '生态环境成本指标',
  '数量目标', '质量目标', '时效目标', '成本目标',
];

/** Level-1 stems: `产出指标`, `效果目标`, `满意度指标（10分）` all start with one of these and 指标/目标. */
export const LEVEL1_STEMS = ['产出', '效益', '效果', '满意度', '决策', '过程'];

/** The level words that mark a cost row: a bare target there is a ceiling (contract `attained`). */
export const COST_LEVEL_WORDS = ['成本指标', '经济成本指标', '社会成本指标', '生态环境成本指标', '成本目标'];
