// Placeholder API (the normaliser issue fills it in): cell text → contract Value; attained().
import type { Value } from '@jixiao/contract';

export interface NormaliseOptions {
  fiscalYear?: number | null;
  /** unit from a split table's 度量单位 column: a bare number takes it */
  unitHint?: string | null;
}

export function normaliseCell(text: string, _options: NormaliseOptions = {}): Value {
  const raw = (text ?? '').replace(/\s+/g, ' ').trim();
  if (raw === '') return { raw, kind: 'empty', op: null, value: null, unit: null, base: null, baseUnit: null };
  const n = Number(raw.replace(/,/g, ''));
  if (Number.isFinite(n)) return { raw, kind: 'number', op: null, value: n, unit: null, base: n, baseUnit: null };
  return { raw, kind: 'text', op: null, value: null, unit: null, base: null, baseUnit: null };
}

export function attained(_target: Value, _actual: Value): boolean | null {
  return null;
}

/** A plain number cell (weights, scores, funding amounts): '8.3' → 8.3, '82.6%' → 0.826, '-' '/' '' → null. */
export function parseAmount(text: string | null | undefined): number | null {
  if (text == null) return null;
  const t = text.replace(/[\s,，　]/g, '');
  if (t === '' || /^[-/—–－／\\]+$/.test(t)) return null;
  const pct = /^(-?\d+(?:\.\d+)?)[%％]$/.exec(t);
  if (pct) return Number(pct[1]) / 100;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
