// Header words say what a column means; the cells under them confirm it. Two things only the data can
// settle, both seen on seed 001's 整体支出绩效定量目标 table (评价内容 | 绩效目标 | 完成情况 over rows
// `产出目标 | 质量指标 | 指标1：财政供养控制率 | 5`):
//  - a header that covers several level columns (评价内容, 指标) spans as many columns as the data rows print
//    there. A text export loses the span, so the rows are wider than the header: the header words after
//    it line up with the rows' last columns, and each column it covers is the level its words say.
//  - a column's header word can name the wrong field for this template. A target-worded column holding
//    indicator names where the table has no level-3 column is the level-3 column; an actual-worded column
//    holding only bare numbers in a table with no target, weight or score column is the score (an actual
//    with nothing to measure it against cannot be read as one; the score is what every form prints).
import { isBlankCell, isNumberLike } from './clean-text.ts';
import type { IndicatorField } from './header-vocabulary.ts';
import { isGoalLabel, isLevel1Word, isLevel2Word } from './level-vocabulary.ts';
import type { Row } from './rows.ts';
import type { IndicatorHeader } from './table-headers.ts';

export function resolveColumns(h: IndicatorHeader, header: Row, data: Row[]): void {
  const rows = data.map((r) => r.cells.map((c) => c.text)).filter((cells) => cells.filter((t) => !isBlankCell(t)).length >= 2);
  if (h.map.levels !== undefined) expandLevels(h, header, rows);
  if (rows.length === 0) return;
  const column = (f: IndicatorField): string[] => {
    const col = h.map[f];
    return col === undefined ? [] : rows.map((cells) => cells[col] ?? '').filter((t) => !isBlankCell(t));
  };
  const mostly = (texts: string[], test: (t: string) => boolean): boolean => texts.length > 0 && texts.filter(test).length >= texts.length * 0.8;

  if (h.map.level3 === undefined && h.map.target !== undefined && mostly(column('target'), isIndicatorName)) {
    h.map.level3 = h.map.target;
    delete h.map.target;
  }
  const noOtherScore = h.map.score === undefined && h.map.weight === undefined && h.map.target === undefined;
  if (noOtherScore && h.map.actual !== undefined && mostly(column('actual'), (t) => isNumberLike(t) && !/[%％]/.test(t) && Number(t) <= 100)) {
    h.map.score = h.map.actual;
    delete h.map.actual;
  }
}

/** A cell naming an indicator rather than giving a value: `指标1：财政供养控制率`, or longer text that is no value. */
function isIndicatorName(text: string): boolean {
  if (/^指标\s*\d+\s*[:：]/.test(text)) return true;
  return !/^[≥≤≧≦＞＜><=＝═]/.test(text) && !/\d/.test(text.slice(0, 1)) && Array.from(text).length >= 6;
}

function expandLevels(h: IndicatorHeader, header: Row, rows: string[][]): void {
  const at = h.map.levels!;
  delete h.map.levels;
  const after = (Object.entries(h.map) as [IndicatorField, number][]).filter(([, c]) => c > at);
  const headerEnd = Math.max(at, ...[...h.headed], ...after.map(([, c]) => c)) + 1;
  // how far the words after the spanning header sit left of the columns the data prints
  const widths = rows.map((cells) => cells.reduce((last, t, i) => (isBlankCell(t) ? last : i + 1), 0));
  const width = mode(widths) ?? headerEnd;
  let shift = Math.max(0, width - headerEnd);
  if (rows.length === 0) {
    // no rows to measure: a spanning header with empty slots after it spans them, else it stands for three
    const spanned = (header.cells[at + 1]?.text ?? '') === '' && (header.cells[at + 2]?.text ?? '') === '';
    shift = spanned ? 0 : 2;
  }
  for (const [f, c] of after) h.map[f] = c + shift;
  const headed = [...h.headed].map((c) => (c > at ? c + shift : c));
  h.headed.clear();
  for (const c of headed) h.headed.add(c);
  const next = Math.min(...after.map(([, c]) => c + shift), width);
  const span = rows.length ? next - at : 3;
  const cols = Array.from({ length: Math.max(1, span) }, (_, k) => at + k);
  for (const c of cols) h.headed.add(c);
  if (rows.length === 0) {
    [h.map.level1, h.map.level2, h.map.level3] = [at, at + 1, at + 2];
    return;
  }
  // each covered column is the level its words say; a column of other text is level 3
  const counts = cols.map((c) => {
    const texts = rows.map((cells) => cells[c] ?? '').filter((t) => !isBlankCell(t) && !isGoalLabel(t));
    return { c, l1: texts.filter(isLevel1Word).length, l2: texts.filter((t) => isLevel2Word(t) && !isLevel1Word(t)).length, other: texts.filter((t) => !isLevel1Word(t) && !isLevel2Word(t)).length };
  });
  const pick = (key: 'l1' | 'l2' | 'other', taken: Set<number>): number | undefined => {
    const best = counts.filter((x) => !taken.has(x.c) && x[key] > 0).sort((a, b) => b[key] - a[key] || a.c - b.c)[0];
    return best?.c;
  };
  const taken = new Set<number>();
  for (const [key, field] of [['l1', 'level1'], ['l2', 'level2'], ['other', 'level3']] as const) {
    const c = pick(key, taken);
    if (c === undefined) continue;
    taken.add(c);
    h.map[field] = c;
  }
  // keep the levels in reading order: a level-3 column left of level 2 is a level-2 column's overflow
  if (h.map.level3 !== undefined && h.map.level2 !== undefined && h.map.level3 < h.map.level2) delete h.map.level3;
}

function mode(xs: number[]): number | null {
  const counts = new Map<number, number>();
  for (const x of xs) if (x > 0) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: number | null = null;
  let n = 0;
  for (const [x, k] of counts) if (k > n || (k === n && x > best!)) [best, n] = [x, k];
  return best;
}
