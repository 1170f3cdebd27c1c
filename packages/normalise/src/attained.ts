// Does the actual satisfy the target? Both sides become intervals on one axis (base units, or days
// for dates); the answer is true when every reading of the actual lies inside the target's interval,
// false when none does, and null when it depends or the two cannot be put on one axis.
//
// Rules an analyst can check (README.md repeats them):
// - target with a comparator: ge [t,∞), gt (t,∞), le (-∞,t], lt (-∞,t), eq [t,t], approx [0.95t,1.05t];
//   a range target: [min,max].
// - bare target (no comparator): counts and percent read as "at least" (`100%` vs `100%`, `12次` vs
//   `12次` → true; `96%` vs `95%` → false), or "at most" where the row's direction says so (a 成本指标 row, a
//   less-is-better rate such as 控制率: direction.ts); dates read as deadlines (`2021年12月` met by
//   `2021年12月前`); money outside a cost row is ambiguous (an output amount may be a floor): equal → true, else null.
// - `30余项` (note more_than) is (30,∞) on either side.
// - an actual with its own comparator is its interval (`>95%` meets target `>95%`: (95,∞) ⊆ (95,∞)).
// - text, empty, a missing number, different base units (人 vs 人次, % vs 个百分点, unitless vs %),
//   different rate qualifiers (每人每月) or change words (提高5个百分点 vs 5个百分点) → null. The form's own score is never consulted.
// - compound: parts paired by label, else by position when the counts match; all true → true,
//   any false → false, otherwise null.
import type { Value } from '@jixiao/contract';
import type { Direction } from './direction.ts';
import { lookupUnit } from './units.ts';

interface Interval {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
}

interface Axis {
  key: string;
  iv: Interval;
  /** true for a bare money target: only equality decides */
  onlyEqual: boolean;
}

const APPROX = 0.05;

function fromOp(op: Value['op'], lo: number, hi: number): Interval {
  switch (op) {
    case 'ge': return { lo, loOpen: false, hi: Infinity, hiOpen: true };
    case 'gt': return { lo: hi, loOpen: true, hi: Infinity, hiOpen: true };
    case 'le': return { lo: -Infinity, loOpen: true, hi, hiOpen: false };
    case 'lt': return { lo: -Infinity, loOpen: true, hi: lo, hiOpen: true };
    case 'approx': {
      const d = Math.max(Math.abs(lo), Math.abs(hi)) * APPROX;
      return { lo: lo - d, loOpen: false, hi: hi + d, hiOpen: false };
    }
    default: return { lo, loOpen: false, hi, hiOpen: false };
  }
}

// Day keys that sort like dates; calendar gaps (no 31 June) do not matter for ordering.
function dayKey(y: number, m: number, d: number): number {
  return y * 372 + (m - 1) * 31 + (d - 1);
}

function dateSpan(v: Value): [number, number] | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(v.date ?? '');
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (m[3]) return [dayKey(y, mo, Number(m[3])), dayKey(y, mo, Number(m[3]))];
  if (v.note?.includes('year_only')) return [dayKey(y, 1, 1), dayKey(y, 12, 31)];
  return [dayKey(y, mo, 1), dayKey(y, mo, 31)];
}

/** Notes that change what the number measures: a rate (per:每人每月) or a change (change:increase). */
function rateKey(v: Value): string {
  if (!v.note) return '';
  let key = '';
  for (const n of v.note.split(';')) if (n.startsWith('per:') || n.startsWith('change:')) key += n + ';';
  return key;
}

// 个百分点 and % share the base unit 'ratio' but are not the same quantity; rates compare only with like rates
function axisKey(v: Value): string {
  return `${v.baseUnit ?? ''}|${v.unit === '个百分点' ? 'pp' : ''}|${rateKey(v)}`;
}

function axisOf(v: Value, role: 'target' | 'actual', direction: Direction = 'atLeast'): Axis | null {
  const more = v.note?.includes('more_than') ?? false;
  if (v.kind === 'date') {
    const span = dateSpan(v);
    if (!span) return null;
    // a bare target date is a deadline
    const op = v.op ?? (role === 'target' ? 'le' : null);
    return { key: 'date', iv: fromOp(op, span[0], span[1]), onlyEqual: false };
  }
  if (v.kind === 'range') {
    if (v.min == null || v.max == null) return null;
    const exp = v.unit ? (lookupUnit(v.unit)?.exp ?? 0) : 0;
    const lo = v.min * 10 ** exp;
    const hi = v.max * 10 ** exp;
    return { key: axisKey(v), iv: fromOp(v.op === 'approx' ? 'approx' : null, lo, hi), onlyEqual: false };
  }
  if (v.kind !== 'number' && v.kind !== 'percent' && v.kind !== 'money') return null;
  if (v.base == null || !Number.isFinite(v.base)) return null;
  const b = v.base;
  let op = v.op;
  if (more && op === null) op = 'gt';
  let onlyEqual = false;
  if (role === 'target' && op === null) {
    if (direction === 'atMost') op = 'le';
    else if (v.kind === 'money') onlyEqual = true;
    else op = 'ge';
  }
  return { key: axisKey(v), iv: fromOp(op, b, b), onlyEqual };
}

function tol(x: number): number {
  return Number.isFinite(x) ? Math.max(Math.abs(x) * 1e-9, 1e-12) : 0;
}

function within(a: Interval, t: Interval): boolean {
  const loOk = a.lo > t.lo + tol(t.lo) || (Math.abs(a.lo - t.lo) <= tol(t.lo) && (!t.loOpen || a.loOpen)) || t.lo === -Infinity;
  const hiOk = a.hi < t.hi - tol(t.hi) || (Math.abs(a.hi - t.hi) <= tol(t.hi) && (!t.hiOpen || a.hiOpen)) || t.hi === Infinity;
  return loOk && hiOk;
}

function separated(a: Interval, t: Interval): boolean {
  // a entirely left of t, or entirely right of t
  const left = a.hi < t.lo - tol(t.lo) || (Math.abs(a.hi - t.lo) <= tol(t.lo) && (a.hiOpen || t.loOpen));
  const right = a.lo > t.hi + tol(t.hi) || (Math.abs(a.lo - t.hi) <= tol(t.hi) && (a.loOpen || t.hiOpen));
  return left || right;
}

function decide(target: Axis, actual: Axis): boolean | null {
  if (target.key !== actual.key) return null;
  if (within(actual.iv, target.iv)) return true;
  if (target.onlyEqual) return null;
  return separated(actual.iv, target.iv) ? false : null;
}

function pairParts(target: Value[], actual: Value[]): [Value, Value][] | null {
  const byLabel = new Map<string, Value>();
  for (const a of actual) if (a.label) byLabel.set(a.label, a);
  const pairs: [Value, Value][] = [];
  let allLabelled = true;
  for (const t of target) {
    const a = t.label ? byLabel.get(t.label) : undefined;
    if (!a) {
      allLabelled = false;
      break;
    }
    pairs.push([t, a]);
  }
  if (allLabelled) return pairs;
  if (target.length !== actual.length) return null;
  return target.map((t, i) => [t, actual[i]]);
}

function attainedSafe(target: Value, actual: Value, direction: Direction): boolean | null {
  if (target.kind === 'compound') {
    if (actual.kind !== 'compound' || !target.parts || !actual.parts) return null;
    const pairs = pairParts(target.parts, actual.parts);
    if (!pairs || pairs.length === 0) return null;
    let all = true;
    for (const [t, a] of pairs) {
      const r = attainedSafe(t, a, direction);
      if (r === false) return false;
      if (r !== true) all = false;
    }
    return all ? true : null;
  }
  if (actual.kind === 'compound') return null;
  const t = axisOf(target, 'target', direction);
  const a = axisOf(actual, 'actual');
  if (!t || !a) return null;
  return decide(t, a);
}

/** `direction` is how a target printed without a comparator reads (directionOf the row's names). */
export function attained(target: Value, actual: Value, direction: Direction = 'atLeast'): boolean | null {
  try {
    return attainedSafe(target, actual, direction);
  } catch {
    return null;
  }
}
