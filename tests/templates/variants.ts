// One form re-printed another way: its indicator columns in another order and its header words swapped for
// their synonyms. The data (every cell of every row) is untouched, so the extraction must not change.
// Level columns (goal, level1, level2, level3) stay at the left in their order; everything right of them is
// permuted, the split target (指标性质 | 指标值 | 度量单位) moving as one block since its order is the contract's.
import fc from 'fast-check';
import type { FormSpec, IndicatorBlock, IndicatorColumnKey, ReportSpec } from '../../fixtures/build/spec.ts';
import { FUNDING_SYNONYMS, GRADE_LABELS, INDICATOR_SYNONYMS, LEVEL3_SYNONYMS, TOTAL_LABELS } from './synonyms.ts';

type Column = IndicatorBlock['columns'][number];

const LEFT: IndicatorColumnKey[] = ['goal', 'level1', 'level2', 'level3'];
const SPLIT: IndicatorColumnKey[] = ['targetOp', 'targetValue', 'targetUnit'];

export interface Variant {
  /** the movable blocks' new order (indexes into movableBlocks) */
  order: number[];
  /** the header printed for each indicator column key */
  headers: Partial<Record<IndicatorColumnKey, string>>;
  totalLabel: string;
  gradeLabel: string;
  fundingHeaders: string[];
  /** a readable summary for test names and failure messages */
  label?: string;
}

function indicatorsOf(spec: FormSpec): IndicatorBlock {
  const block = spec.reports[0]?.indicators;
  if (!block || spec.reports.length !== 1) throw new Error(`${spec.name}: the permutation test takes one-report forms with indicators`);
  return block;
}

/** The columns right of the level columns, grouped into the blocks that move together. */
export function movableBlocks(spec: FormSpec): Column[][] {
  const blocks: Column[][] = [];
  for (const column of indicatorsOf(spec).columns) {
    if (LEFT.includes(column.key)) continue;
    const last = blocks.at(-1);
    if (last && SPLIT.includes(column.key) && SPLIT.includes(last[0]!.key)) last.push(column);
    else blocks.push([column]);
  }
  return blocks;
}

/** The header words a column may print: its synonyms, and the header the form itself prints. */
export function headerChoices(spec: FormSpec, column: Column): string[] {
  const flat = !indicatorsOf(spec).columns.some((c) => c.key === 'level1' || c.key === 'level2');
  const words = column.key === 'level3' ? (flat ? LEVEL3_SYNONYMS.flat : LEVEL3_SYNONYMS.levelled) : INDICATOR_SYNONYMS[column.key];
  return [...new Set([column.header, ...(words ?? [])])];
}

function fundingChoices(report: ReportSpec): string[][] {
  return (report.funding?.columns ?? []).map((c) => [...new Set([c.header, ...(FUNDING_SYNONYMS[c.field as keyof typeof FUNDING_SYNONYMS] ?? [])])]);
}

/** Whether a variant prints 得分 left of 分值 — the genre never does, and a total row then reads differently. */
export function scoreFirst(spec: FormSpec, variant: Variant): boolean {
  const keys = variant.order.flatMap((i) => movableBlocks(spec)[i]!.map((c) => c.key));
  return keys.indexOf('score') < keys.indexOf('weight');
}

/** All the ways fast-check may re-print one form (`scoreBeforeWeight` picks one side of that split). */
export function variantArbitrary(spec: FormSpec, scoreBeforeWeight?: boolean): fc.Arbitrary<Variant> {
  const all = anyVariant(spec);
  return scoreBeforeWeight === undefined ? all : all.filter((v) => scoreFirst(spec, v) === scoreBeforeWeight);
}

function anyVariant(spec: FormSpec): fc.Arbitrary<Variant> {
  const report = spec.reports[0]!;
  const blocks = movableBlocks(spec);
  const columns = indicatorsOf(spec).columns;
  const headers = Object.fromEntries(columns.map((c) => [c.key, fc.constantFrom(...headerChoices(spec, c))]));
  return fc.record({
    order: fc.shuffledSubarray(blocks.map((_, i) => i), { minLength: blocks.length, maxLength: blocks.length }),
    headers: fc.record(headers) as fc.Arbitrary<Variant['headers']>,
    totalLabel: fc.constantFrom(...TOTAL_LABELS),
    gradeLabel: fc.constantFrom(...GRADE_LABELS),
    fundingHeaders: fc.tuple(...fundingChoices(report).map((choices) => fc.constantFrom(...choices))),
  });
}

/** The form as printed, as a Variant: the identity order and the form's own words. */
export function printedVariant(spec: FormSpec): Variant {
  const report = spec.reports[0]!;
  return {
    order: movableBlocks(spec).map((_, i) => i),
    headers: Object.fromEntries(indicatorsOf(spec).columns.map((c) => [c.key, c.header])),
    totalLabel: indicatorsOf(spec).totalLabel ?? '总分',
    gradeLabel: report.tail?.find(([label]) => GRADE_LABELS.includes(label))?.[0] ?? '自评等级',
    fundingHeaders: (report.funding?.columns ?? []).map((c) => c.header),
  };
}

/** The spec re-printed as the variant says; rows, values and totals are the same objects. */
export function applyVariant(spec: FormSpec, variant: Variant): FormSpec {
  const report = spec.reports[0]!;
  const block = indicatorsOf(spec);
  const blocks = movableBlocks(spec);
  const left = block.columns.filter((c) => LEFT.includes(c.key));
  const moved = variant.order.flatMap((i) => blocks[i]!);
  const columns = [...left, ...moved].map((c) => ({ ...c, header: variant.headers[c.key] ?? c.header }));
  const indicators: IndicatorBlock = {
    ...block,
    columns,
    totalLabel: block.totalLabel === null ? null : variant.totalLabel,
  };
  const tail = report.tail?.map(([label, text]): [string, string] => [GRADE_LABELS.includes(label) ? variant.gradeLabel : label, text]);
  const funding = report.funding && {
    ...report.funding,
    columns: report.funding.columns.map((c, i) => ({ ...c, header: variant.fundingHeaders[i] ?? c.header })),
  };
  return { ...spec, reports: [{ ...report, indicators, funding, ...(tail ? { tail } : {}) }] };
}

/** `三级指标 | 权重 | 年度指标值 …` — the printed indicator header row, for test output. */
export function describeVariant(spec: FormSpec, variant: Variant): string {
  const columns = indicatorsOf(applyVariant(spec, variant)).columns;
  return `${columns.map((c) => c.header.replace(/\n/g, '')).join('|')} ; ${variant.totalLabel} ; ${variant.fundingHeaders.map((h) => h.replace(/\n/g, '')).join('|')}`;
}
