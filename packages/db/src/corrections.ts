// Recording analyst corrections and reading them back. The caller (the API) parses what the analyst typed with the
// pipeline's own normaliser; this module keeps the history and says what a row looks like with corrections applied.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Indicator, Value } from '@jixiao/contract';
import type { Db } from './database.ts';
import {
  extractionRuns,
  indicatorCorrections,
  indicatorCorrectionsCurrent,
  indicatorFactsAll,
  type CorrectableField,
} from './schema/index.ts';

/** The stable key of an indicator row: document version (source file) + report position + row position. */
export interface RowKey {
  sourceFileId: number;
  reportOrdinal: number;
  rowOrdinal: number;
}

export interface CorrectableRow extends RowKey {
  level1: string | null;
  level2: string | null;
  level3: string | null;
  fiscalYear: number | null;
  /** the row as extracted (contract shape, from the run's stored Extraction) */
  extracted: Indicator;
  /** the row as shown now: the extraction with the corrections in force applied */
  current: { target: Value; actual: Value; weight: number | null; score: number | null; attained: boolean | null };
}

/** The filter selecting one row of indicator_facts_all by its stable key. */
export function factKeyIs(key: RowKey) {
  return and(
    eq(indicatorFactsAll.sourceFileId, key.sourceFileId),
    eq(indicatorFactsAll.reportOrdinal, key.reportOrdinal),
    eq(indicatorFactsAll.rowOrdinal, key.rowOrdinal),
  );
}

/** The row as indicator_facts_all shows it now (corrections applied), or null. */
export async function factRow(db: Db, key: RowKey) {
  const [fact] = await db.select().from(indicatorFactsAll).where(factKeyIs(key));
  return fact ?? null;
}

/** The row behind a key in the stored extraction, or null when the key names no row of the version's latest run. */
export async function correctableRow(db: Db, key: RowKey): Promise<CorrectableRow | null> {
  const [fact] = await db
    .select({ runId: indicatorFactsAll.runId, fiscalYear: indicatorFactsAll.fiscalYear, level1: indicatorFactsAll.level1, level2: indicatorFactsAll.level2, level3: indicatorFactsAll.level3 })
    .from(indicatorFactsAll)
    .where(factKeyIs(key));
  if (!fact) return null;
  const [run] = await db.select({ extraction: extractionRuns.extraction }).from(extractionRuns).where(eq(extractionRuns.id, fact.runId));
  const extracted = run?.extraction?.reports[key.reportOrdinal]?.indicators[key.rowOrdinal];
  if (!extracted) return null;
  const [c] = await db
    .select()
    .from(indicatorCorrectionsCurrent)
    .where(
      and(
        eq(indicatorCorrectionsCurrent.sourceFileId, key.sourceFileId),
        eq(indicatorCorrectionsCurrent.reportOrdinal, key.reportOrdinal),
        eq(indicatorCorrectionsCurrent.rowOrdinal, key.rowOrdinal),
      ),
    );
  const applies = c && c.level1 === fact.level1 && c.level2 === fact.level2 && c.level3 === fact.level3;
  return {
    ...key,
    level1: fact.level1,
    level2: fact.level2,
    level3: fact.level3,
    fiscalYear: fact.fiscalYear,
    extracted,
    current: applyCorrection(extracted, applies ? c : undefined),
  };
}

type CurrentCorrection = typeof indicatorCorrectionsCurrent.$inferSelect;

/** An extracted indicator with the corrections in force applied (the same rule as the indicator_facts view). */
export function applyCorrection(ind: Indicator, c: CurrentCorrection | undefined): CorrectableRow['current'] {
  if (!c) return { target: ind.target, actual: ind.actual, weight: ind.weight, score: ind.score, attained: ind.attained };
  return {
    target: c.target ?? ind.target,
    actual: c.actual ?? ind.actual,
    weight: c.hasWeight ? c.weight : ind.weight,
    score: c.hasScore ? c.score : ind.score,
    attained: c.target || c.actual ? c.attained : ind.attained,
  };
}

export interface NewCorrection extends RowKey {
  field: CorrectableField;
  level1: string | null;
  level2: string | null;
  level3: string | null;
  oldValue: string | null;
  /** null reverts the field to the extraction */
  newValue: string | null;
  newParsed: Value | null;
  newNumber: number | null;
  attainedAfter: boolean | null;
  correctedBy: string;
  note: string | null;
}

export async function recordCorrection(db: Db, correction: NewCorrection): Promise<{ id: number; correctedAt: Date }> {
  const [row] = await db
    .insert(indicatorCorrections)
    .values(correction)
    .returning({ id: indicatorCorrections.id, correctedAt: indicatorCorrections.correctedAt });
  return row!;
}

export type CorrectionRecord = typeof indicatorCorrections.$inferSelect;

/** Every edit made on a document version, newest first. */
export async function correctionHistory(db: Db, sourceFileId: number): Promise<CorrectionRecord[]> {
  return db
    .select()
    .from(indicatorCorrections)
    .where(eq(indicatorCorrections.sourceFileId, sourceFileId))
    .orderBy(desc(indicatorCorrections.id));
}

/** The corrections in force on the given versions, keyed `sourceFileId/reportOrdinal/rowOrdinal`. */
export async function currentCorrections(db: Db, sourceFileId: number): Promise<Map<string, CurrentCorrection>> {
  const rows = await db
    .select()
    .from(indicatorCorrectionsCurrent)
    .where(eq(indicatorCorrectionsCurrent.sourceFileId, sourceFileId))
    .orderBy(asc(indicatorCorrectionsCurrent.reportOrdinal), asc(indicatorCorrectionsCurrent.rowOrdinal));
  return new Map(rows.map((r) => [`${r.sourceFileId}/${r.reportOrdinal}/${r.rowOrdinal}`, r]));
}
