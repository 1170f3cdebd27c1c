// The words indicator tables print in their level columns. Used to tell a level cell from a value and to
// realign rows a text export shifted (seed 000 line 55: a goal cell moved right; line 75: a goal cell
// missing). Matching is on compact text without a point budget, so `产出 指标 (50分)` is 产出指标.
import { cleanLevel, compact } from './clean-text.ts';

const LEVEL1 = ['产出指标', '效益指标', '效果指标', '满意度指标', '成本指标', '产出目标', '效益目标', '满意度目标', '社会公众或服务对象满意度指标'];
const LEVEL2 = [
  '数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '经济效益指标', '生态效益指标', '可持续影响指标',
  '可持续发展指标', '可持续性指标', '服务对象满意度指标', '服务对象满意度', '满意度指标', '社会效益', '经济效益',
  '生态效益', '可持续影响', '社会公众或服务对象满意度', '经济成本指标', '社会成本指标', '生态环境成本指标',
];

function key(text: string): string {
  return compact(cleanLevel(text));
}

const level1Set = new Set(LEVEL1);
const level2Set = new Set(LEVEL2);

export function isLevel1Word(text: string): boolean {
  const k = key(text);
  return level1Set.has(k) || /^(产出|效益|效果|满意度)(指标|目标)/.test(k);
}

export function isLevel2Word(text: string): boolean {
  return level2Set.has(key(text));
}

/** A goal-group label such as 绩效目标1 / 目标2 / 年度绩效目标1 (40分). */
export function isGoalLabel(text: string): boolean {
  return /^(年度)?(绩效)?目标\s*[0-9一二三四五六七八九十]+/.test(key(text));
}
