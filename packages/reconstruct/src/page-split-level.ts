// A level cell merged down over rows on both sides of a page break prints part of its text on each page: the
// PDF shows `产出指` over the last rows of one page and `标` over the first rows of the next, or `满意度` | `服务对象`
// then `指标` | `满意度指标` (a LibreOffice PDF of a permuted template form, issue 10). Read by page, the second
// part looks like a new level and the rows above keep a word that is none. The two parts are one cell when the
// part carried from the previous page is no level word and the two joined are one.
import type { IndicatorDraft } from './draft.ts';
import { compact } from './clean-text.ts';
import { isLevel1Word, isLevel2Word } from './level-vocabulary.ts';

/** The whole level word, where `carried` (previous page) and `printed` (this page's first rows) are its two parts. */
export function levelAcrossPages(level: 'level1' | 'level2', carried: string | null, printed: string, samePage: boolean): string | null {
  if (samePage || !carried || !printed) return null;
  const isWord = level === 'level1' ? isLevel1Word : isLevel2Word;
  if (isWord(carried)) return null;
  const joined = compact(carried + printed);
  return isWord(joined) ? joined : null;
}

/** The rows read before the break keep the first part: they take the whole word (the latest rows holding it). */
export function renameLevel(indicators: IndicatorDraft[], level: 'level1' | 'level2', part: string, whole: string): void {
  for (let i = indicators.length - 1; i >= 0 && indicators[i]![level] === part; i--) indicators[i]![level] = whole;
}
