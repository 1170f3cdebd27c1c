// One line of a funding table (资金投入情况, 项目资金(万元), 预算执行情况 …) read under its header's columns, and the
// numbering row some templates print under that header. The columns are the header's, in whatever order it
// prints them; the rules below are for cells the header does not explain.
import type { FundingDraft } from './draft.ts';
import { cleanText, compact, isNumberLike, numberCell, stripColon } from './clean-text.ts';
import { headerUnit } from './header-vocabulary.ts';
import { rowBox, type Row } from './rows.ts';
import type { FundingHeader } from './table-headers.ts';

/**
 * Budget tables that print no unit are in 万元, the unit every template's money columns default to
 * (authored-city-transport: `预算执行情况(10分)` with no `(万元)` anywhere on the form).
 */
const DEFAULT_FUNDING_UNIT = '万元';

/** The line a row prints, or null where the row is no funding line (the table has ended). */
export function fundingLine(h: FundingHeader, row: Row, unitHint: string | null): FundingDraft | null {
  const cells = row.cells.map((c) => c.text);
  // a caption merged down the table's side (`预算执行情况(10分)` spanning every line) is not a line's label
  const labelAt = cells.findIndex((t, c) => t !== '' && !isAmount(t) && row.cells[c]!.anchored);
  const labelText = labelAt >= 0 ? stripColon(cleanText(cells[labelAt]!)) : '';
  const amounts = [...h.cols.entries()].filter(([, f]) => f !== 'label' && f !== 'ignore');
  // a label printed over the first amount column pushes the amounts right (seed 004's last form)
  const offset = labelAt >= h.firstAmountCol ? labelAt + 1 - h.firstAmountCol : 0;
  const read = (col: number): string | null => {
    const t = numberCell(cells[col + offset] ?? '');
    return t === '' ? null : t;
  };
  const anyAmount = amounts.some(([c]) => isAmount(cells[c + offset] ?? ''));
  if (labelAt >= 0 && labelAt >= h.firstAmountCol + offset) return null;
  const labelKey = compact(labelText);
  if (!anyAmount && !(labelKey && /(资金|拨款|补助|结转|结余|支出|经费|合计|总计|总额)/.test(labelKey) && !/管理情况|说明|原因/.test(labelKey))) return null;
  // `部门预算金额(万元)`: the unit printed on the label is the line's unit, and not part of its label
  const labelUnit = headerUnit(labelText);
  const unit = h.unit ?? labelUnit ?? unitHint ?? DEFAULT_FUNDING_UNIT;
  const label = labelText.replace(new RegExp(`\\s*[(（]\\s*${unit}\\s*[)）]$`), '');
  const line: FundingDraft = {
    label: label || h.label || '',
    unit,
    initialBudget: null, annualBudget: null, executed: null, executionRate: null, weight: null, score: null,
    page: row.page, box: rowBox(row),
  };
  for (const [col, field] of amounts) (line as unknown as Record<string, string | null>)[field] = read(col);
  // a score is never a percentage: a table with no 执行率 header that prints `100%` under 得分 has lost that
  // header, and the percentage is the execution rate; the score is then the number printed right of it,
  // if any (seed 004 forms 3 and 4: `分值(10分) | 得分` over `10 | 100%` and `10 | 100% | | 10`)
  const scoreCol = amounts.find(([, f]) => f === 'score')?.[0];
  if (scoreCol !== undefined && !amounts.some(([, f]) => f === 'executionRate') && /[%％]$/.test(line.score ?? '')) {
    line.executionRate = line.score;
    const after = cells.slice(scoreCol + offset + 1).map(numberCell).find((t) => isNumberLike(t) && !/[%％]/.test(t));
    line.score = after ?? null;
  } else if (scoreCol !== undefined && line.score === null && line.weight !== null && isNumberLike(numberCell(line.weight))) {
    // a line with a weight prints its score, even one cell right of 得分 (seed 004's last form: `10 | 100% | | 10`)
    const after = cells.slice(scoreCol + offset + 1).map(numberCell).find((t) => t !== '');
    if (after !== undefined && isNumberLike(after) && !/[%％]/.test(after)) line.score = after;
  }
  return line;
}

/**
 * A numbering row `1 | 2 | 3 | 4 | 5=4/3` says what an unknown column is: `5=4/3` is column 4 over
 * column 3, an execution rate whatever its header calls it (seed 003's 预算执行数). Returns the headers it
 * explained, whose unknown-column warnings no longer hold.
 */
export function resolveRatioColumns(h: FundingHeader, cells: string[]): string[] {
  const explained: string[] = [];
  cells.forEach((t, col) => {
    if (!/^\d+=\d+\/\d+$/.test(compact(t)) || !h.unknownCols.has(col) || [...h.cols.values()].includes('executionRate')) return;
    h.cols.set(col, 'executionRate');
    explained.push(h.unknownCols.get(col)!);
  });
  return explained;
}

function isAmount(text: string): boolean {
  const t = compact(text);
  return isNumberLike(t) || /^[-/—－／]+$/.test(t);
}

/** `1 | 2 | 3 | 4 | 5=4/3`: the column numbering some templates print under the header (seed 003). */
export function isNumberingRow(cells: string[]): boolean {
  const printed = cells.filter((t) => t.trim() !== '');
  return printed.length >= 3 && printed.every((t) => /^\d+(\s*=\s*[\d+\-*/×÷()]+)?$/.test(compact(t))) && printed.some((t) => /=/.test(t)) || (printed.length >= 3 && printed.every((t, i) => compact(t) === String(i + 1)));
}
