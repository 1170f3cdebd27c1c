// Header cells looked up in the form vocabulary (@jixiao/vocabulary holds the words). Matching is on compact
// text (no spaces, half-width brackets); a word with its bracket part (`全年实际值(B)`) is tried first, then
// without any bracket part (`分值(10分)` → 分值), then without a numbered formula column's marks
// (`小计③=①+②` → 小计, `支出实现率⑤` → 支出实现率).
import { compact } from './clean-text.ts';

export {
  FUNDING_HEADERS, GOAL_HEADERS, INDICATOR_HEADERS, ROW_LABELS, SUB_HEADER_WORDS,
  type FundingField, type GoalField, type IndicatorField,
} from '@jixiao/vocabulary';

type Table<F extends string> = Record<F, string[]>;

const indexes = new WeakMap<object, Map<string, string>>();

function indexOf<F extends string>(table: Table<F>): Map<string, F> {
  let idx = indexes.get(table) as Map<string, F> | undefined;
  if (!idx) {
    idx = new Map();
    for (const [field, words] of Object.entries(table) as [F, string[]][]) for (const w of words) if (!idx.has(compact(w))) idx.set(compact(w), field);
    indexes.set(table, idx);
  }
  return idx;
}

/** The header key: compact, and without a trailing unit/point part such as `(万元)` `(10分)` `(40)`. */
function withoutBrackets(text: string): string {
  return text.replace(/\([^()]*\)/g, '').replace(/[:：]$/, '');
}

/** `年初部门预算安排金额①`, `小计③=①+②`: the circled column number and the formula after it. */
function withoutNumbering(text: string): string {
  return text.replace(/[\u2460-\u2473](?:[=＝][\u2460-\u2473+＋\-×*/÷]+)?/g, '');
}

/** The field a header cell names in the given vocabulary, or null for a word the table does not know. */
export function headerField<F extends string>(table: Table<F>, text: string): F | null {
  const idx = indexOf(table);
  const c = compact(text).replace(/[:：]$/, '');
  if (c === '') return null;
  return idx.get(c) ?? idx.get(withoutBrackets(c)) ?? idx.get(withoutBrackets(withoutNumbering(c))) ?? null;
}

/** The unit a header names: `项目资金 (万元)`, `资金投入情况（元）`. */
export function headerUnit(text: string): string | null {
  const m = /[(（]\s*(万元|元|亿元|千元)\s*[)）]/.exec(text);
  return m ? m[1]! : null;
}
