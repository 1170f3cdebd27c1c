// Plain number cells: weights (分值), scores (得分), funding amounts and execution rates.
// '8.3' → 8.3, '82.6%' → 0.826, '1,262.84　' → 1262.84, '１０' → 10, '-' '/' '—' '' → null.
// A trailing unit word the column header already states (`10分`, `15万元`) is dropped and the number
// kept as printed (no ×10⁴: the FundingLine carries the unit).
import { collapseWhitespace, compact, foldChars } from './fold.ts';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const UNIT_WORDS = ['万元', '千元', '亿元', '元', '分'];

export function parseAmount(text: string | null | undefined): number | null {
  try {
    if (text == null) return null;
    let t = compact(foldChars(collapseWhitespace(String(text))));
    if (t.length === 0 || t.length > 40) return null;
    // thousands separators (and the stray commas OCR puts there)
    if (t.includes(',')) t = t.replace(/,/g, '');
    let scale = 0;
    if (t.endsWith('%')) {
      scale = -2;
      t = t.slice(0, -1);
    } else if (t.endsWith('‰')) {
      scale = -3;
      t = t.slice(0, -1);
    } else {
      for (const w of UNIT_WORDS) {
        if (t.length > w.length && t.endsWith(w)) {
          t = t.slice(0, -w.length);
          break;
        }
      }
    }
    if (!NUMBER.test(t)) return null;
    const n = Number(scale === 0 ? t : `${t}e${scale}`);
    return Number.isFinite(n) ? n : null;
  } catch {
    return null;
  }
}

/**
 * An execution rate as a fraction: `82.6%` → 0.826, a fraction as printed (`0.958`, `1.0259`), and a bare number
 * above 2 as a percentage printed without its sign (`95.8` under 支出实现率⑤, DOMAIN.md): no rate is 200% or more.
 */
export function parseRate(text: string | null | undefined): number | null {
  const n = parseAmount(text);
  if (n === null || /[%％‰]/.test(String(text)) || n <= 2) return n;
  return Number((n / 100).toPrecision(12));
}

/**
 * A funding amount in its block's unit: as parseAmount, and a suffix that is the leading part of that unit is
 * dropped too (`1873.66万` in a (万元) block is 1873.66: the 万 repeats the unit). In a (元) block `15万` is no
 * amount of that unit and stays null.
 */
export function parseFundingAmount(text: string | null | undefined, unit: string | null): number | null {
  const n = parseAmount(text);
  if (n !== null || text == null || !unit) return n;
  const t = compact(foldChars(collapseWhitespace(String(text))));
  for (let k = unit.length - 1; k > 0; k--) {
    if (t.length > k && t.endsWith(unit.slice(0, k))) return parseAmount(t.slice(0, -k));
  }
  return null;
}
