// One printed cell → one contract Value. Total: any string (or anything else) gives a Value, never a throw.
// Order of readings, first that fits wins: empty → placeholder → one value → label + value →
// compound → a lone comparator → text.
import type { Value, ValueKind } from '@jixiao/contract';
import { comparatorOnly } from './comparators.ts';
import { parseCompound } from './compound.ts';
import { collapseWhitespace, compact, foldChars } from './fold.ts';
import { parseLabelled } from './labelled.ts';
import { parseValue, type Parsed } from './parse-value.ts';
import { unitFromHint } from './units.ts';

export interface NormaliseOptions {
  /** the report's fiscal year: dates printed without a year (`12月底前`, `年底前`) take it */
  fiscalYear?: number | null;
  /** unit from a split table's 度量单位 column (or the target's unit, see README): a bare number takes it */
  unitHint?: string | null;
}

/** Longer cells are narrative (seed 000's 实际完成值 paragraphs): no value is that long, so do not parse them. */
const MAX_VALUE_LENGTH = 120;
const PLACEHOLDER = /^[-/\\*_~.·]+$/;

function blank(raw: string, kind: ValueKind): Value {
  return { raw, kind, op: null, value: null, unit: null, base: null, baseUnit: null };
}

function toValue(raw: string, p: Parsed, label: string | null): Value {
  const v: Value = { raw, kind: p.kind, op: p.op, value: p.value, unit: p.unit, base: p.base, baseUnit: p.baseUnit };
  if (p.kind === 'range') {
    v.min = p.min ?? null;
    v.max = p.max ?? null;
  }
  if (p.kind === 'date') v.date = p.date ?? null;
  if (label !== null) v.label = label;
  if (p.note) v.note = p.note;
  return v;
}

/**
 * A bare number takes the hinted unit (`735` + `人次` → 735 人次). Not when the number is a decimal
 * fraction and the unit a percent (`0.96` under `%` is ambiguous: 0.96% or 96%?), and never for dates.
 */
function applyHint(p: Parsed, hint: string | null | undefined): Parsed {
  if (!hint || p.unit !== null || (p.kind !== 'number' && p.kind !== 'range')) return p;
  if (p.kind === 'number' && p.value === null) return p;
  const info = unitFromHint(compact(foldChars(collapseWhitespace(hint))));
  if (!info || info.baseUnit === null) return p;
  if (info.kind === 'percent' && p.fraction) return p;
  const note = p.note ? `${p.note};unit_from_hint` : 'unit_from_hint';
  if (p.kind === 'range') return { ...p, unit: info.unit, baseUnit: info.baseUnit, note };
  const base = p.value! * 10 ** info.exp;
  return {
    ...p,
    kind: info.kind,
    unit: info.unit,
    base: info.exp === 0 ? p.value : Number(base.toPrecision(15)),
    baseUnit: info.baseUnit,
    note,
  };
}

const VALUE_CHARS = new Uint8Array(0x10000);
for (let c = 48; c <= 57; c++) VALUE_CHARS[c] = 1;
for (const ch of '〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟年月季') VALUE_CHARS[ch.charCodeAt(0)] = 1;

function mayHoldValue(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (VALUE_CHARS[s.charCodeAt(i)] === 1) return true;
  return false;
}

function normaliseRaw(raw: string, options: NormaliseOptions): Value {
  if (raw === '') return blank(raw, 'empty');
  if (raw.length > MAX_VALUE_LENGTH) return blank(raw, 'text');
  const fiscalYear = typeof options.fiscalYear === 'number' && Number.isInteger(options.fiscalYear) ? options.fiscalYear : null;
  const folded = foldChars(raw);
  const c = compact(folded);
  if (PLACEHOLDER.test(c)) return { ...blank(raw, 'empty'), note: 'placeholder' };

  // No digit, Chinese numeral or 年/月/季 anywhere: no value can be read (qualitative text such as 有所提升).
  if (!mayHoldValue(c)) {
    const op = comparatorOnly(c);
    return op ? { ...blank(raw, 'text'), op } : blank(raw, 'text');
  }

  const single = parseValue(c, fiscalYear);
  if (single) return toValue(raw, applyHint(single, options.unitHint), null);

  const labelled = parseLabelled(c, fiscalYear, 'rate');
  if (labelled) return toValue(raw, labelled.parsed, labelled.label);

  const parts = parseCompound(raw, folded, fiscalYear);
  if (parts) {
    return { ...blank(raw, 'compound'), parts: parts.map((p) => toValue(p.raw, p.parsed, p.label ?? null)).map(withLabel) };
  }

  const op = comparatorOnly(c);
  return op ? { ...blank(raw, 'text'), op } : blank(raw, 'text');
}

function withLabel(v: Value): Value {
  return 'label' in v ? v : { ...v, label: null };
}

export function normaliseCell(text: string, options: NormaliseOptions = {}): Value {
  let raw = '';
  try {
    raw = collapseWhitespace(typeof text === 'string' ? text : String(text ?? ''));
    return normaliseRaw(raw, options ?? {});
  } catch {
    // Totality: a parser bug must cost one cell its typing, never the whole report.
    return blank(raw, 'text');
  }
}
