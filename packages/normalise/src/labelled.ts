// A value preceded by the name of what it measures: `药品网采率≥90%`, `耗材网采率81%`. The label ends
// where the first comparator starts, or (only inside a compound cell) where the first digit starts.
import { firstComparatorIndex } from './comparators.ts';
import { isAsciiDigit } from './numbers.ts';
import { parseValue, type Parsed } from './parse-value.ts';

const MAX_LABEL = 30;
const LABEL_STOP = /[,;、。]/;

export interface LabelledParse {
  label: string;
  parsed: Parsed;
}

function cleanLabel(label: string): string {
  return label.replace(/[:：]+$/, '');
}

function tryAt(s: string, k: number, fiscalYear: number | null): LabelledParse | null {
  if (k <= 0 || k > MAX_LABEL) return null;
  const label = cleanLabel(s.slice(0, k));
  if (label.length === 0 || LABEL_STOP.test(label)) return null;
  const parsed = parseValue(s.slice(k), fiscalYear);
  return parsed ? { label, parsed } : null;
}

/**
 * `s` as label + value. A label that runs straight into the number (`耗材网采率81%`) is accepted
 * with `digitSplit: 'any'` only inside a compound cell, where every part must be such a value; a
 * single cell (`'rate'`) accepts it only after a measure noun (率, 度, 比例, 数, 量, 额).
 */
export function parseLabelled(s: string, fiscalYear: number | null, digitSplit: 'any' | 'rate'): LabelledParse | null {
  const k = firstComparatorIndex(s);
  const byComparator = k > 0 ? tryAt(s, k, fiscalYear) : null;
  if (byComparator) return byComparator;
  let d = 0;
  while (d < s.length && !isAsciiDigit(s.charCodeAt(d))) d++;
  if (d >= s.length) return null;
  // a minus or plus sign belongs to the number
  if (d > 0 && (s[d - 1] === '-' || s[d - 1] === '+')) d--;
  // outside a compound, only a measure noun may run straight into its number (`完成率100%`, `满意度90%`)
  if (digitSplit === 'rate' && !RATE_NOUN.test(s.slice(0, d))) return null;
  return tryAt(s, d, fiscalYear);
}

const RATE_NOUN = /^[\u4e00-\u9fff]{0,10}(?:率|度|比例|占比|比重|数|量|额)$/;
