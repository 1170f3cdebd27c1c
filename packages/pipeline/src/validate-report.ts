// The validate stage: what the form itself gets wrong, as warnings. Keep what is printed; never correct it.
// Seed 004 prints 得分 30 against 分值 10; forms also add up wrongly or print a rate that is not B/A.
import type { FundingLine, Report, Warning, WarningCode, WarningLocation } from '@jixiao/contract';

const EPS = 0.051; // forms round to one decimal

export function validateReport(report: Report): Warning[] {
  const warnings: Warning[] = [];
  const where = report.projectName ?? report.title ?? report.organisation ?? 'form';
  const warn = (code: WarningCode, message: string, page: number | null = null, location?: WarningLocation): void => {
    warnings.push({ code, message: `${where}: ${message}`, page, ...(location ? { location } : {}) });
  };

  // a 单项指标得分 | 权重占比 | 折算得分 form rates each indicator out of 100, not out of its weight: like with like
  const outOf100 = scoresOutOf100(report);
  report.indicators.forEach((ind, i) => {
    const most = outOf100 ? 100 : ind.weight;
    if (most != null && ind.score != null && ind.score > most + 1e-9)
      warn('ScoreAboveWeight', `indicator ${i + 1} (${ind.level3 ?? ind.level2 ?? '?'}) scores ${ind.score} against ${outOf100 ? 'a most of 100' : `a weight of ${ind.weight}`}`, ind.page, { row: i + 1 });
  });
  for (const f of report.funding) {
    if (f.weight != null && f.score != null && f.score > f.weight + 1e-9) warn('ScoreAboveWeight', `funding line ${f.label} scores ${f.score} against a weight of ${f.weight}`, f.page ?? null);
    if (f.annualBudget && f.executed != null && f.executionRate != null) {
      const rate = f.executed / f.annualBudget;
      if (Math.abs(rate - f.executionRate) > 0.0051)
        warn('ExecutionRateMismatch', `funding line ${f.label} prints an execution rate of ${(f.executionRate * 100).toFixed(2)}% but B/A is ${(rate * 100).toFixed(2)}%`, f.page ?? null);
    }
  }

  // a 年度资金总额 line printed as 0 (or empty) while a 其中 line below it holds amounts: both are kept
  // as printed, and a person should look (authored-county-education prints 0 | 0 | 0 over 1862400.00)
  report.funding.forEach((total, i) => {
    if (!/(总额|合计|总计|总数)/.test(total.label) || /^其中/.test(total.label)) return;
    const amounts = (f: FundingLine) => [f.initialBudget, f.annualBudget, f.executed];
    if (amounts(total).some((a) => a != null && a !== 0)) return;
    const parts = report.funding.slice(i + 1).filter((f) => amounts(f).some((a) => a != null && a > 0));
    if (parts.length === 0) return;
    warn('FundingTotalZero', `funding line ${total.label} prints no amount (0 or empty) while ${parts.map((f) => f.label).join(', ')} below it ${parts.length > 1 ? 'hold' : 'holds'} amounts; both kept as printed`, total.page ?? null);
  });

  const weights = report.indicators.map((i) => i.weight).filter((w): w is number => w != null);
  const scores = report.indicators.map((i) => i.score).filter((s): s is number => s != null);
  const fundingWeight = sum(report.funding.map((f) => f.weight).filter((w): w is number => w != null).slice(0, 1));
  const fundingScore = sum(report.funding.map((f) => f.score).filter((s): s is number => s != null).slice(0, 1));
  if (scores.length && report.totalScore != null) {
    const indicatorsOnly = outOf100 ? weightedSum(report) : sum(scores);
    const withFunding = indicatorsOnly + fundingScore;
    if (Math.abs(indicatorsOnly - report.totalScore) > EPS && Math.abs(withFunding - report.totalScore) > EPS)
      warn('TotalMismatch', `the scores add up to ${round(indicatorsOnly)}${fundingScore ? ` (${round(withFunding)} with the funding score)` : ''} but the total printed is ${report.totalScore}`);
  }
  if (weights.length) {
    const w = sum(weights);
    if (Math.abs(w - 100) > EPS && Math.abs(w + fundingWeight - 100) > EPS)
      warn('WeightsNot100', `the weights add up to ${round(w)}${fundingWeight ? ` (${round(w + fundingWeight)} with the funding weight)` : ''}, not 100`);
  }
  return warnings;
}

/**
 * Whether the indicators' scores are out of 100 (each then counts weight × score / 100) rather than out of
 * their weights. The printed total decides where there is one: it is the weighted sum and not the plain sum.
 * Without a total, most scored rows above their weights and none above 100 say so: a form rated on weights
 * has at most a row or two above (seed 004 prints 得分 30 against 分值 10 once).
 */
function scoresOutOf100(report: Report): boolean {
  const scored = report.indicators.filter((i) => i.weight != null && i.score != null);
  const above = scored.filter((i) => i.score! > i.weight! + 1e-9).length;
  if (above === 0) return false;
  if (report.totalScore != null) {
    const plain = sum(scored.map((i) => i.score!));
    const tolerance = EPS * scored.length;
    return Math.abs(weightedSum(report) - report.totalScore) <= tolerance && Math.abs(plain - report.totalScore) > tolerance;
  }
  return above * 2 > scored.length && scored.every((i) => i.score! <= 100 + 1e-9);
}

/** Σ weight × score / 100 over the rows that print both. */
function weightedSum(report: Report): number {
  return sum(report.indicators.map((i) => (i.weight != null && i.score != null ? (i.weight * i.score) / 100 : 0)));
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
