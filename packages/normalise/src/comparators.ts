// Comparators as printed before or after a number, in symbol, ASCII and word forms. The texts here
// are already folded (fold.ts): `＞=` arrives as `>=`, `≧` as `≥`, `═` and `﹦` as `=`.
import type { Op } from '@jixiao/contract';
import { collapseWhitespace, compact as compactFolded, foldChars } from './fold.ts';

export interface Affix {
  text: string;
  /** null for filler words that introduce a value without changing its meaning (达到, 控制在) */
  op: Op | null;
}

const PREFIXES: Affix[] = [
  // ge
  { text: '>=', op: 'ge' }, { text: '≥', op: 'ge' }, { text: '=>', op: 'ge' },
  { text: '大于或等于', op: 'ge' }, { text: '大于等于', op: 'ge' }, { text: '高于或等于', op: 'ge' },
  { text: '不低于', op: 'ge' }, { text: '不少于', op: 'ge' }, { text: '不小于', op: 'ge' },
  { text: '不得低于', op: 'ge' }, { text: '不得少于', op: 'ge' }, { text: '至少', op: 'ge' },
  { text: '不早于', op: 'ge' },
  // gt
  { text: '>', op: 'gt' }, { text: '大于', op: 'gt' }, { text: '超过', op: 'gt' }, { text: '高于', op: 'gt' },
  { text: '多于', op: 'gt' }, { text: '晚于', op: 'gt' },
  // le
  { text: '<=', op: 'le' }, { text: '≤', op: 'le' }, { text: '=<', op: 'le' },
  { text: '小于或等于', op: 'le' }, { text: '小于等于', op: 'le' }, { text: '低于或等于', op: 'le' },
  { text: '不高于', op: 'le' }, { text: '不超过', op: 'le' }, { text: '不大于', op: 'le' }, { text: '不多于', op: 'le' },
  { text: '不得超过', op: 'le' }, { text: '不得高于', op: 'le' }, { text: '未超过', op: 'le' }, { text: '没有超过', op: 'le' },
  { text: '至多', op: 'le' }, { text: '最多', op: 'le' }, { text: '不晚于', op: 'le' }, { text: '不迟于', op: 'le' },
  // 截至/截止 introduce a deadline (`截至12月底`)
  { text: '截至', op: 'le' }, { text: '截止', op: 'le' },
  // lt
  { text: '<', op: 'lt' }, { text: '小于', op: 'lt' }, { text: '低于', op: 'lt' }, { text: '少于', op: 'lt' },
  { text: '不足', op: 'lt' }, { text: '早于', op: 'lt' },
  // eq
  { text: '==', op: 'eq' }, { text: '=', op: 'eq' }, { text: '等于', op: 'eq' },
  // approx
  { text: '≈', op: 'approx' }, { text: '约为', op: 'approx' }, { text: '大约', op: 'approx' }, { text: '约', op: 'approx' },
  { text: '接近', op: 'approx' }, { text: '近', op: 'approx' },
  // fillers: keep the value, add no comparator (an analyst reads `达成预期指标95%` as 95%)
  { text: '达成预期指标', op: null }, { text: '达到预期指标', op: null }, { text: '达成', op: null },
  { text: '达到', op: null }, { text: '达', op: null }, { text: '实现', op: null }, { text: '完成', op: null },
  { text: '累计', op: null }, { text: '共计', op: null }, { text: '共', op: null }, { text: '合计', op: null },
  { text: '全年', op: null }, { text: '控制在', op: null }, { text: '维持在', op: null }, { text: '保持在', op: null },
  { text: '保持', op: null }, { text: '为', op: null }, { text: '在', op: null },
];

const SUFFIXES: Affix[] = [
  { text: '及以上', op: 'ge' }, { text: '以上', op: 'ge' },
  { text: '及以下', op: 'le' }, { text: '以下', op: 'le' }, { text: '以内', op: 'le' }, { text: '之内', op: 'le' },
  { text: '内', op: 'le' },
  { text: '左右', op: 'approx' }, { text: '上下', op: 'approx' },
  { text: '之间', op: null }, { text: '。', op: null },
  // `100%完成`, `100%覆盖`: the value is the number; the verb adds nothing a comparison needs
  { text: '完成', op: null }, { text: '覆盖', op: null }, { text: '达标', op: null },
];

function byFirstChar(list: Affix[]): Map<string, Affix[]> {
  const map = new Map<string, Affix[]>();
  for (const a of list) {
    const k = a.text[0];
    const bucket = map.get(k) ?? [];
    bucket.push(a);
    map.set(k, bucket);
  }
  // longest first, so `>=` wins over `>` and `达成预期指标` over `达`
  for (const bucket of map.values()) bucket.sort((x, y) => y.text.length - x.text.length);
  return map;
}

const PREFIX_INDEX = byFirstChar(PREFIXES);
const SUFFIX_INDEX = new Map<string, Affix[]>();
for (const a of SUFFIXES) {
  const k = a.text[a.text.length - 1];
  const bucket = SUFFIX_INDEX.get(k) ?? [];
  bucket.push(a);
  SUFFIX_INDEX.set(k, bucket);
}
for (const bucket of SUFFIX_INDEX.values()) bucket.sort((x, y) => y.text.length - x.text.length);

const OP_START = new Uint8Array(0x10000);
for (const a of PREFIXES) if (a.op) OP_START[a.text.charCodeAt(0)] = 1;

/** The comparator or filler that starts `s` at `at`, or null. */
export function matchPrefix(s: string, at: number): Affix | null {
  const bucket = PREFIX_INDEX.get(s[at]);
  if (!bucket) return null;
  for (const a of bucket) if (s.startsWith(a.text, at)) return a;
  return null;
}

/** The comparator that ends `s` before index `end`, or null. */
export function matchSuffix(s: string, end: number): Affix | null {
  if (end <= 0) return null;
  const bucket = SUFFIX_INDEX.get(s[end - 1]);
  if (!bucket) return null;
  for (const a of bucket) {
    const start = end - a.text.length;
    if (start >= 0 && s.startsWith(a.text, start)) return a;
  }
  return null;
}

/** True for a cell that is nothing but a comparator (`＞` in a 指标性质 column). */
export function comparatorOnly(s: string): Op | null {
  const a = matchPrefix(s, 0);
  return a && a.op && a.text.length === s.length ? a.op : null;
}

/**
 * The comparator a cell prints and nothing else, as printed (not yet folded): `≧`, `═`, `>=`, `至少`,
 * `不得低于` in a split 指标性质 column. `定量`, `定性`, `正向` are no comparators. Reconstruction tests a
 * 指标性质 cell with this, so both stages read comparators from the one table above.
 */
export function cellComparator(printed: string): Op | null {
  return comparatorOnly(compactFolded(foldChars(collapseWhitespace(printed))));
}

/** Index of the first comparator symbol or word in `s` (where a label such as `药品网采率` ends), or -1. */
export function firstComparatorIndex(s: string): number {
  for (let i = 0; i < s.length; i++) {
    if (OP_START[s.charCodeAt(i)] !== 1) continue;
    const a = matchPrefix(s, i);
    if (a && a.op) return i;
  }
  return -1;
}
