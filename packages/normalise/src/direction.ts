// Which way a target printed without a comparator reads (contract `attained`): "at most" on 成本指标 rows and on
// rates whose name says less is better (控制率, 调整率, 结余率 …), "at least" on every other rate and count.
// The words come from the form vocabulary.
import { FORM_VOCABULARY, type FormVocabulary } from '@jixiao/vocabulary';
import { compact } from './fold.ts';

export type Direction = 'atLeast' | 'atMost';

export interface IndicatorNames {
  level1?: string | null;
  level2?: string | null;
  level3?: string | null;
}

/** A level word without its point budget: `成本指标（20分）` → 成本指标. */
function levelWord(text: string | null | undefined): string {
  return compact(text ?? '').replace(/[(（][^()（）]*[)）]$/, '');
}

export function directionOf(names: IndicatorNames, v: FormVocabulary = FORM_VOCABULARY): Direction {
  if ([names.level1, names.level2].some((l) => v.costLevels.includes(levelWord(l)))) return 'atMost';
  const name = compact(names.level3 ?? '');
  return v.lessIsBetterRates.some((w) => name.includes(w)) ? 'atMost' : 'atLeast';
}
