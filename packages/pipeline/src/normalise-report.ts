// The normalise stage: a ReportDraft (cells as printed) → a contract Report (typed values).
import type { FundingLine, Indicator, Report, Warning } from '@jixiao/contract';
import { attained, directionOf, normaliseCell, parseAmount, parseFundingAmount, parseRate } from '@jixiao/normalise';
import type { ReportDraft } from '@jixiao/reconstruct';

export function normaliseReport(draft: ReportDraft): { report: Report; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const fiscalYear = draft.fiscalYear;
  const indicators: Indicator[] = draft.indicators.map((d) => {
    const target = normaliseCell(d.target, { fiscalYear });
    const actual = normaliseCell(d.actual, { fiscalYear, unitHint: d.unitHint ?? target.unit });
    const row: Indicator = {
      goal: d.goal,
      level1: d.level1,
      level2: d.level2,
      level3: d.level3,
      target,
      actual,
      weight: parseAmount(d.weight),
      score: parseAmount(d.score),
      deviation: d.deviation,
      attained: attained(target, actual, directionOf(d)),
      page: d.page,
    };
    if (d.core) row.core = true;
    if (d.box) row.box = d.box;
    if (d.targetBox) row.targetBox = d.targetBox;
    if (d.actualBox) row.actualBox = d.actualBox;
    if (d.confidence != null) row.confidence = d.confidence;
    return row;
  });
  const funding: FundingLine[] = draft.funding.map((f) => ({
    label: f.label,
    unit: f.unit,
    initialBudget: parseFundingAmount(f.initialBudget, f.unit),
    annualBudget: parseFundingAmount(f.annualBudget, f.unit),
    executed: parseFundingAmount(f.executed, f.unit),
    executionRate: parseRate(f.executionRate),
    weight: parseAmount(f.weight),
    score: parseAmount(f.score),
    page: f.page,
    ...(f.box ? { box: f.box } : {}),
  }));
  const report: Report = {
    kind: draft.kind,
    title: draft.title,
    organisation: draft.organisation,
    implementingUnit: draft.implementingUnit,
    projectName: draft.projectName,
    fiscalYear,
    funding,
    goals: draft.goals,
    indicators,
    totalScore: parseAmount(draft.totalScore),
    grade: draft.grade,
    pages: draft.pages,
  };
  return { report, warnings };
}
