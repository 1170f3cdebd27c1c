// What reconstruction hands to the normalise stage: the form's cells as printed (strings), with provenance.
// Typed values (Value, numbers, attained) are made from these by the pipeline's normalise stage.
import type { Box, Goal, ReportKind, Warning } from '@jixiao/contract';

export interface IndicatorDraft {
  goal: string | null;
  level1: string | null;
  level2: string | null;
  level3: string | null;
  /** the target cell as printed; for split 指标性质|指标值|度量单位 tables, the three joined (contract rule) */
  target: string;
  actual: string;
  /** the unit column's unit in split tables: a bare-number actual takes it */
  unitHint: string | null;
  weight: string | null;
  score: string | null;
  deviation: string | null;
  core: boolean;
  page: number | null;
  box: Box | null;
  targetBox: Box | null;
  actualBox: Box | null;
  /** lowest OCR confidence of the row's value cells, where OCR read them */
  confidence: number | null;
}

export interface FundingDraft {
  label: string;
  /** the unit the amounts are in (from `(万元)` / `（元）`), or null */
  unit: string | null;
  initialBudget: string | null;
  annualBudget: string | null;
  executed: string | null;
  executionRate: string | null;
  weight: string | null;
  score: string | null;
  page: number | null;
  box: Box | null;
}

export interface ReportDraft {
  kind: ReportKind;
  title: string | null;
  organisation: string | null;
  implementingUnit: string | null;
  projectName: string | null;
  fiscalYear: number | null;
  funding: FundingDraft[];
  goals: Goal[];
  indicators: IndicatorDraft[];
  totalScore: string | null;
  grade: string | null;
  pages: [number, number] | null;
  warnings: Warning[];
}

export interface ReconstructResult {
  reports: ReportDraft[];
  warnings: Warning[];
}
