// Level cells, told by the words indicator tables print in their level columns (@jixiao/vocabulary). Used to
// tell a level cell from a value and to realign rows a text export shifted (seed 000 line 55: a goal cell
// moved right; line 75: a goal cell missing). Matching is on compact text without a point budget, so `产出 指标 (50分)` is 产出指标.
import { LEVEL1_STEMS, LEVEL1_WORDS, LEVEL2_WORDS } from '@jixiao/vocabulary';
import { cleanLevel, compact } from './clean-text.ts';

function key(text: string): string {
  return compact(cleanLevel(text));
}

const level1Set = new Set(LEVEL1_WORDS);
const level2Set = new Set(LEVEL2_WORDS);
const LEVEL1_STEM = new RegExp(`^(${LEVEL1_STEMS.join('|')})(指标|目标)`);

export function isLevel1Word(text: string): boolean {
  const k = key(text);
  return level1Set.has(k) || LEVEL1_STEM.test(k);
}

export function isLevel2Word(text: string): boolean {
  return level2Set.has(key(text));
}

/** A goal-group label such as 绩效目标1 / 目标2 / 年度绩效目标1 (40分). */
export function isGoalLabel(text: string): boolean {
  return /^(年度)?(绩效)?目标\s*[0-9一二三四五六七八九十]+/.test(key(text));
}
