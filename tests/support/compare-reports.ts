// Compares an extraction's reports with a hand-checked expected.json, field by field, and tallies
// per-field accuracy. Shared by the text, DOCX/HTML, PDF and OCR suites: page, pages and boxes are not
// compared (they differ per format). Indicator rows are paired in order by a sequence alignment, so a
// missing or an extra row costs that row, not every row after it.
import type { FundingLine, Goal, Indicator, Report, Value } from '@jixiao/contract';

export interface Tally {
  correct: number;
  total: number;
}

export interface Comparison {
  fields: Record<string, Tally>;
  missingReports: number;
  spuriousReports: number;
  missingRows: number;
  spuriousRows: number;
  /** one line per wrong field: where, what was expected, what came out */
  mismatches: string[];
}

const REPORT_FIELDS = ['kind', 'title', 'organisation', 'implementingUnit', 'projectName', 'fiscalYear', 'totalScore', 'grade'] as const;
const FUNDING_FIELDS = ['label', 'unit', 'initialBudget', 'annualBudget', 'executed', 'executionRate', 'weight', 'score'] as const;
const GOAL_FIELDS = ['index', 'target', 'actual'] as const;
const INDICATOR_FIELDS = ['goal', 'level1', 'level2', 'level3', 'weight', 'score', 'deviation'] as const;
const VALUE_EXTRAS = ['kind', 'op', 'value', 'unit', 'base', 'baseUnit', 'min', 'max', 'date'] as const;

export function emptyComparison(): Comparison {
  return { fields: {}, missingReports: 0, spuriousReports: 0, missingRows: 0, spuriousRows: 0, mismatches: [] };
}

export function compareReports(actual: Report[], expected: Report[], into: Comparison = emptyComparison()): Comparison {
  const c = into;
  const n = Math.max(actual.length, expected.length);
  for (let r = 0; r < n; r++) {
    const a = actual[r];
    const e = expected[r];
    if (!e) {
      c.spuriousReports++;
      continue;
    }
    const where = `report ${r + 1}`;
    if (!a) {
      c.missingReports++;
      for (const f of REPORT_FIELDS) tally(c, `report.${f}`, false, `${where}.${f}`, e[f], undefined);
      for (const _ of e.indicators) c.missingRows++;
      countIndicatorFields(c, e.indicators.length);
      continue;
    }
    for (const f of REPORT_FIELDS) {
      // a title is compared without its white space: printed titles space words freely (`临湘市 2021 年度…`,
      // seed-001 NOTES.md) and a PDF keeps no trace of those spaces
      if (f === 'title') check(c, 'report.title', `${where}.title`, squash(a.title), squash(e.title));
      else check(c, `report.${f}`, `${where}.${f}`, a[f], e[f]);
    }
    compareList(c, 'funding', where, a.funding, e.funding, FUNDING_FIELDS as unknown as (keyof FundingLine)[]);
    compareList(c, 'goals', where, a.goals, e.goals, GOAL_FIELDS as unknown as (keyof Goal)[]);
    compareIndicators(c, where, a.indicators, e.indicators);
  }
  return c;
}

function compareList<T extends object>(c: Comparison, name: string, where: string, a: T[], e: T[], fields: (keyof T)[]): void {
  check(c, `${name}.count`, `${where}.${name}.length`, a.length, e.length);
  e.forEach((row, i) => {
    for (const f of fields) check(c, `${name}.${String(f)}`, `${where}.${name}[${i}].${String(f)}`, a[i]?.[f], row[f]);
  });
}

function compareIndicators(c: Comparison, where: string, a: Indicator[], e: Indicator[]): void {
  const pairs = align(a, e);
  for (const [ai, ei] of pairs) {
    if (ei === null) {
      c.spuriousRows++;
      c.mismatches.push(`${where}.indicators: extra row ${ai! + 1} (${a[ai!]!.level3 ?? ''} | ${a[ai!]!.target.raw})`);
      continue;
    }
    const exp = e[ei]!;
    const got = ai === null ? undefined : a[ai];
    const at = `${where}.indicators[${ei}]`;
    if (!got) {
      c.missingRows++;
      c.mismatches.push(`${at}: missing row (${exp.level3 ?? ''} | ${exp.target.raw})`);
    }
    for (const f of INDICATOR_FIELDS) check(c, `indicator.${f}`, `${at}.${f}`, got?.[f], exp[f], !got);
    for (const side of ['target', 'actual'] as const) {
      const ev = exp[side] as Value;
      const av = got?.[side] as Value | undefined;
      check(c, `indicator.${side}.raw`, `${at}.${side}.raw`, av?.raw, ev.raw, !got);
      for (const x of VALUE_EXTRAS) if (x in ev) check(c, `indicator.${side}.${x}`, `${at}.${side}.${x}`, av?.[x], ev[x], !got);
      if (ev.parts) check(c, `indicator.${side}.parts`, `${at}.${side}.parts`, JSON.stringify(av?.parts?.map(strip) ?? null), JSON.stringify(ev.parts.map(strip)), !got);
    }
    if ('attained' in exp) check(c, 'indicator.attained', `${at}.attained`, got?.attained, exp.attained, !got);
  }
}

function squash(text: string | null): string | null {
  return text === null ? null : text.replace(/\s+/g, '');
}

function strip(v: Value): Partial<Value> {
  const { raw, kind, op, value, unit, label } = v;
  return { raw, kind, op, value, unit, label };
}

function countIndicatorFields(c: Comparison, rows: number): void {
  for (let i = 0; i < rows; i++) for (const f of [...INDICATOR_FIELDS, 'target.raw', 'actual.raw']) tally(c, `indicator.${f}`, false, '', null, null, true);
}

/** Needleman-Wunsch over rows: pairs (actualIndex|null, expectedIndex|null) in order. */
function align(a: Indicator[], e: Indicator[]): [number | null, number | null][] {
  const sim = (x: Indicator, y: Indicator): number =>
    (x.level3 === y.level3 ? 2 : 0) + (x.target.raw === y.target.raw ? 1 : 0) + (x.actual.raw === y.actual.raw ? 1 : 0) + (x.level2 === y.level2 ? 0.5 : 0) + (x.weight === y.weight ? 0.5 : 0);
  const n = a.length;
  const m = e.length;
  const gap = -1;
  const dp: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i + j) * gap));
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) dp[i]![j] = Math.max(dp[i - 1]![j - 1]! + sim(a[i - 1]!, e[j - 1]!) - 1, dp[i - 1]![j]! + gap, dp[i]![j - 1]! + gap);
  const out: [number | null, number | null][] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && dp[i]![j] === dp[i - 1]![j - 1]! + sim(a[i - 1]!, e[j - 1]!) - 1) out.push([--i, --j]);
    else if (i > 0 && dp[i]![j] === dp[i - 1]![j]! + gap) out.push([--i, null]);
    else out.push([null, --j]);
  }
  return out.reverse();
}

function same(a: unknown, e: unknown): boolean {
  if (typeof a === 'number' && typeof e === 'number') return Math.abs(a - e) < 1e-9;
  return (a ?? null) === (e ?? null);
}

function check(c: Comparison, field: string, where: string, a: unknown, e: unknown, forceWrong = false): void {
  tally(c, field, !forceWrong && same(a, e), where, e, a, forceWrong);
}

function tally(c: Comparison, field: string, ok: boolean, where: string, e: unknown, a: unknown, quiet = false): void {
  const t = (c.fields[field] ??= { correct: 0, total: 0 });
  t.total++;
  if (ok) t.correct++;
  else if (!quiet && where) c.mismatches.push(`${where}: expected ${JSON.stringify(e)} got ${JSON.stringify(a)}`);
}

export function accuracy(t: Tally): number {
  return t.total === 0 ? 1 : t.correct / t.total;
}

/** A per-field accuracy table, one line per field, for test output and reports. */
export function formatAccuracy(title: string, c: Comparison): string {
  const lines = [`${title}: rows missing ${c.missingRows}, extra ${c.spuriousRows}; reports missing ${c.missingReports}, extra ${c.spuriousReports}`];
  for (const [field, t] of Object.entries(c.fields).sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`  ${field.padEnd(28)} ${(accuracy(t) * 100).toFixed(1).padStart(6)}%  ${t.correct}/${t.total}`);
  return lines.join('\n');
}

export function printAccuracy(title: string, c: Comparison): void {
  process.stdout.write(`${formatAccuracy(title, c)}\n`);
}
