// The score a total row (总分, 合计, 分总 …) prints. It prints the weight total and the score total in the
// indicator header's 分值 and 得分 columns, in whichever order the header puts them, so the score is read
// under the 得分 header, never by position (`合计 | 100 | 98.6` is weight then score only where 分值 comes first).
import { isNumberLike } from './clean-text.ts';
import { isGradeLabel, scoreText } from './form-labels.ts';
import { projectRow, rightAlignedRow } from './project-row.ts';
import type { Row } from './rows.ts';
import type { IndicatorHeader } from './table-headers.ts';

export interface TotalScore {
  /** the score as printed, or null where the row prints none */
  score: string | null;
  /** false where the row prints no number at all: the score may follow on the next row (a wrapped export) */
  printed: boolean;
}

/**
 * The total score (contract `totalScore`): the number under the 得分 column. The weight total the same row
 * prints under 分值 (`自评总分 | 100 | 96.3`, the 100) is no score, so a row printing only that gives null.
 */
export function totalScoreOf(row: Row, indicators: IndicatorHeader | null): TotalScore {
  const own = totalPart(row);
  const cells = own.cells.filter((c) => c.anchored && c.text !== '');
  const label = cells[0]?.text.replace(/\s+/g, '') ?? '';
  const numbers = cells.slice(1).map((c) => valueText(c.raw || c.text)).filter((t) => isNumberLike(t));
  if (numbers.length === 0) return { score: null, printed: false };
  const scoreCol = indicators?.map.score;
  let underScore: string | null = null;
  let weightTotal: string | null = null;
  let merged = false;
  if (indicators && scoreCol !== undefined && row.table !== null) {
    // read in the header's columns: a PDF table joined over pages may print it a slot off, a one-cell-per-line
    // export drops the slots the label's merge covered
    const aligned = rightAlignedRow(own, indicators.columns);
    merged = aligned !== null;
    const inColumns = aligned ?? projectRow(own, indicators.columns);
    const at = (col: number | undefined) => (col === undefined ? '' : valueText(inColumns[col]?.raw || inColumns[col]?.text || ''));
    if (isNumberLike(at(scoreCol))) underScore = at(scoreCol);
    if (isNumberLike(at(indicators.map.weight))) weightTotal = at(indicators.map.weight);
  }
  // a labelled total (综合得分 96, 自评总分 97.87): the number beside the label, unless that is the weight total
  // under 分值 (`单位自评总分 | 100 | 98`); seed-001's 绩效自评综合得分 row prints a stray number further right
  // A row whose label merge a one-cell-per-line export dropped (`单位自评总分 | 100 | | 98 |`) prints nothing
  // beside its label: its cells are the header's last columns, so the 得分 column decides.
  if (/得分|自评总分|评价总分/.test(label) && label !== '总分' && !(merged && underScore !== null)) {
    if (numbers[0] !== weightTotal) return { score: numbers[0]!, printed: true };
    return { score: numbers[1] ?? null, printed: true };
  }
  if (underScore !== null) return { score: underScore, printed: true };
  // only the weight total under 分值, the 得分 cell left blank (合计 | … | 100 | )
  if (weightTotal !== null && numbers.length === 1) return { score: null, printed: true };
  // no column says which is which: a row printing two numbers prints the weight total first
  return { score: numbers[numbers.length - 1]!, printed: true };
}

/**
 * The row up to a grade label printed beside the total (`分总 | 100 | 98.7 | 自评等级 | 优`, or a grade row a
 * one-cell-per-line export joined onto a short total row): the grade and its value are no columns of the total.
 */
function totalPart(row: Row): Row {
  const at = row.cells.findIndex((c, i) => i > 0 && c.anchored && isGradeLabel(c.text));
  if (at < 0) return row;
  return { ...row, cells: row.cells.map((c, i) => (i < at ? c : { ...c, text: '', raw: '', present: false })) };
}

/**
 * A value cell's number: its first paragraph. A one-cell-per-line export can run the sentence under the table
 * into the last cell of a short total row (`98.6` ⏎⏎ `自评结论：…得分98.6分…`); the sentence is no part of the value.
 */
function valueText(text: string): string {
  return scoreText(text.split(/\n\s*\n/)[0]!.trim());
}
