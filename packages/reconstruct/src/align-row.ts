// Text exports shift cells: seed 000 line 55 moves the goal cell one column right, line 75 drops it,
// seed 004's last form starts every row nine columns right of its header. Reading by position alone
// would put a level word into a value column, so each data row is placed at the offset where its cells
// fit the columns best: level words under level columns, numbers under weight/score, goal labels
// under the goal column. An offset of 0 wins ties; a form that prints cleanly is never moved.
import { isBlankCell, isNumberLike } from './clean-text.ts';
import type { IndicatorField } from './header-vocabulary.ts';
import { isGoalLabel, isLevel1Word, isLevel2Word } from './level-vocabulary.ts';

export type ColumnMap = Partial<Record<IndicatorField, number>>;

function fitOf(field: IndicatorField, text: string): number {
  if (isBlankCell(text)) return 0;
  const l1 = isLevel1Word(text);
  const l2 = isLevel2Word(text);
  const goal = isGoalLabel(text);
  const num = isNumberLike(text);
  switch (field) {
    case 'section':
    case 'goal':
      return goal ? 3 : l1 || l2 ? -3 : num ? -1 : 0;
    case 'level1':
      return l1 ? 3 : l2 ? -1 : goal ? -3 : num ? -3 : 0;
    case 'level2':
      return l2 ? 3 : l1 ? 0 : goal ? -3 : num ? -3 : 0;
    case 'level3':
      return l1 || l2 ? -2 : goal ? -3 : num ? -1.5 : 1;
    case 'weight':
    case 'score':
      // weights and scores are bare numbers; a percent there is a target or actual shifted in
      return num ? (/[%％]/.test(text) ? -0.5 : 1) : /^[-/—－／]+$/.test(text) ? 0.5 : -2;
    default:
      return l1 || l2 || goal ? -2 : 0;
  }
}

/** The offset to read a row at: cell for field f is row[map[f] + offset]. */
export function bestOffset(cells: string[], map: ColumnMap, headed: Set<number>): number {
  const fields = Object.entries(map) as [IndicatorField, number][];
  const mapped = new Set([...headed, ...fields.map(([, c]) => c)]);
  let best = 0;
  let bestScore = -Infinity;
  const n = cells.length;
  const limit = Math.max(n, ...fields.map(([, c]) => c + 1));
  // every offset asks the same (field, cell) questions again: answer each once
  // (a slot past either end of the row is blank, and a blank fits every field with 0)
  const printed = cells.map((t) => !isBlankCell(t));
  const fits = fields.map(([field]) => cells.map((t) => fitOf(field, t)));
  for (let d = 0; d <= limit; d++) {
    for (const offset of d === 0 ? [0] : [-d, d]) {
      let score = 0;
      fields.forEach(([, col], f) => (score += fits[f]![col + offset] ?? 0));
      // a printed cell that would fall outside every column is lost
      for (let i = 0; i < n; i++) if (printed[i] && !mapped.has(i - offset)) score -= 1.5;
      if (score > bestScore + 1e-9) {
        best = offset;
        bestScore = score;
      }
    }
  }
  return best;
}
