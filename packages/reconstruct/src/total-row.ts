// The score a total row (总分, 合计, 分总 …) prints. It prints the weight total and the score total in the
// indicator header's 分值 and 得分 columns, in whichever order the header puts them, so the score is read
// under the 得分 header, never by position (`合计 | 100 | 98.6` is weight then score only where 分值 comes first).
import { isNumberLike } from './clean-text.ts';
import { isGradeLabel, scoreText } from './form-labels.ts';
import { projectRow, rightAlignedRow } from './project-row.ts';
import type { Row } from './rows.ts';
import type { IndicatorHeader } from './table-headers.ts';

/** The total score, or null where the row prints none (it may follow on the next row). */
export function totalScoreOf(row: Row, indicators: IndicatorHeader | null): string | null {
  const own = totalPart(row);
  const cells = own.cells.filter((c) => c.anchored && c.text !== '');
  const label = cells[0]?.text.replace(/\s+/g, '') ?? '';
  const numbers = cells.slice(1).map((c) => valueText(c.raw || c.text)).filter((t) => isNumberLike(t));
  // a labelled total (综合得分 96, 自评总分 97.87) prints one value: the score
  if (/得分|自评总分|评价总分/.test(label) && label !== '总分') return numbers[0] ?? null;
  const scoreCol = indicators?.map.score;
  if (indicators && scoreCol !== undefined && row.table !== null) {
    // read in the header's columns: a PDF table joined over pages may print it a slot off, a one-cell-per-line
    // export drops the slots the label's merge covered
    const inColumns = rightAlignedRow(own, indicators.columns) ?? projectRow(own, indicators.columns);
    const atScore = valueText(inColumns[scoreCol]?.raw || inColumns[scoreCol]?.text || '');
    if (isNumberLike(atScore)) return atScore;
  }
  return numbers.length ? numbers[numbers.length - 1]! : null;
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
