// Contract objects → table rows. Pure: the mapping analysts rely on (typed value columns) lives in one place.
import type { FundingLine, Goal, Indicator, Report, Value, Warning } from '@jixiao/contract';
import type { fundingLines, goals, indicators, reports, warnings } from './schema/index.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export function reportRow(report: Report, ordinal: number, runId: number, sourceFileId: number): Insert<typeof reports> {
  return {
    runId,
    sourceFileId,
    ordinal,
    kind: report.kind,
    title: report.title,
    organisation: report.organisation,
    implementingUnit: report.implementingUnit,
    projectName: report.projectName,
    fiscalYear: report.fiscalYear,
    totalScore: report.totalScore,
    grade: report.grade,
    pageFrom: report.pages?.[0] ?? null,
    pageTo: report.pages?.[1] ?? null,
  };
}

export function fundingRow(line: FundingLine, ordinal: number, reportId: number): Insert<typeof fundingLines> {
  return {
    reportId,
    ordinal,
    label: line.label,
    unit: line.unit,
    initialBudget: line.initialBudget,
    annualBudget: line.annualBudget,
    executed: line.executed,
    executionRate: line.executionRate,
    weight: line.weight,
    score: line.score,
    page: line.page ?? null,
    box: line.box ?? null,
  };
}

export function goalRow(goal: Goal, ordinal: number, reportId: number): Insert<typeof goals> {
  return { reportId, ordinal, goalIndex: goal.index, target: goal.target, actual: goal.actual };
}

/** A contract Value as the twelve typed columns that share a prefix (target… or actual…). */
function valueColumns(v: Value) {
  return {
    Raw: v.raw,
    Kind: v.kind,
    Op: v.op,
    Value: v.value,
    Unit: v.unit,
    Base: v.base ?? null,
    BaseUnit: v.baseUnit ?? null,
    Min: v.min ?? null,
    Max: v.max ?? null,
    Date: v.date ?? null,
    Label: v.label ?? null,
    Note: v.note ?? null,
    Parts: v.parts && v.parts.length > 0 ? v.parts : null,
  };
}

function prefixed<P extends string, T extends Record<string, unknown>>(prefix: P, cols: T) {
  return Object.fromEntries(Object.entries(cols).map(([k, v]) => [prefix + k, v])) as { [K in keyof T & string as `${P}${K}`]: T[K] };
}

export function indicatorRow(ind: Indicator, ordinal: number, reportId: number): Insert<typeof indicators> {
  return {
    reportId,
    ordinal,
    goal: ind.goal,
    level1: ind.level1,
    level2: ind.level2,
    level3: ind.level3,
    ...prefixed('target', valueColumns(ind.target)),
    ...prefixed('actual', valueColumns(ind.actual)),
    weight: ind.weight,
    score: ind.score,
    deviation: ind.deviation,
    attained: ind.attained,
    core: ind.core ?? null,
    page: ind.page,
    confidence: ind.confidence ?? null,
    box: ind.box ?? null,
    targetBox: ind.targetBox ?? null,
    actualBox: ind.actualBox ?? null,
  };
}

export function warningRow(w: Warning, ordinal: number, runId: number): Insert<typeof warnings> {
  return { runId, ordinal, code: w.code, message: w.message, page: w.page ?? null };
}
