// Store one Extraction as rows, in one transaction, and close its run as done. Either every row of the
// file is there or none is: a crash halfway leaves the run 'processing' and the retry starts clean.
// A file holds the rows of one run only: a re-run replaces the previous run's rows in the same transaction.
// Returns null when the run was already done (nothing stored).
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import type { Extraction } from '@jixiao/contract';
import type { Db } from './database.ts';
import { fundingRow, goalRow, indicatorRow, reportRow, warningRow } from './rows.ts';
import { contentKey, joinDocumentByContent, promoteIfNewest, reportKeys } from './versions.ts';
import { extractionRuns, fundingLines, goals, indicators, reports, sourceFiles, warnings } from './schema/index.ts';

export interface StageTimings {
  readMs: number;
  reconstructMs: number;
  normaliseMs: number;
}

export interface StoredCounts {
  reports: number;
  fundingLines: number;
  goals: number;
  indicators: number;
  warnings: number;
  storeMs: number;
}

export async function saveExtraction(
  db: Db,
  run: { runId: number; sourceFileId: number },
  extraction: Extraction,
  timings: StageTimings,
): Promise<StoredCounts | null> {
  const t0 = performance.now();
  const counts = await db.transaction(async (tx) => {
    // Lock the run first. A job whose worker stalled (lock lost) can be run twice at once; the second
    // transaction waits here, then finds the run done and stores nothing.
    const [open] = await tx
      .select({ id: extractionRuns.id })
      .from(extractionRuns)
      .where(and(eq(extractionRuns.id, run.runId), ne(extractionRuns.status, 'done')))
      .for('update');
    if (!open) return null;
    // one writer per file at a time, so a delete-then-insert never interleaves with another run's
    await tx.select({ id: sourceFiles.id }).from(sourceFiles).where(eq(sourceFiles.id, run.sourceFileId)).for('update');
    const [newer] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.sourceFileId, run.sourceFileId), gt(reports.runId, run.runId)))
      .limit(1);
    // a later run of the same file already stored its rows: this one finishes without replacing them
    if (!newer) await tx.delete(reports).where(eq(reports.sourceFileId, run.sourceFileId));
    const c = { reports: 0, fundingLines: 0, goals: 0, indicators: 0, warnings: 0 };
    for (const [ordinal, report] of (newer ? [] : extraction.reports).entries()) {
      const [{ id: reportId }] = await tx
        .insert(reports)
        .values(reportRow(report, ordinal, run.runId, run.sourceFileId))
        .returning({ id: reports.id });
      c.reports++;
      if (report.funding.length > 0) {
        await tx.insert(fundingLines).values(report.funding.map((f, i) => fundingRow(f, i, reportId)));
        c.fundingLines += report.funding.length;
      }
      if (report.goals.length > 0) {
        await tx.insert(goals).values(report.goals.map((g, i) => goalRow(g, i, reportId)));
        c.goals += report.goals.length;
      }
      if (report.indicators.length > 0) {
        const rows = report.indicators.map((ind, i) => indicatorRow(ind, i, reportId));
        // Postgres takes at most 65,535 parameters per statement: ~45 columns × 500 rows stays well under
        for (let i = 0; i < rows.length; i += 500) await tx.insert(indicators).values(rows.slice(i, i + 500));
        c.indicators += report.indicators.length;
      }
    }
    if (extraction.warnings.length > 0) {
      await tx.insert(warnings).values(extraction.warnings.map((w, i) => warningRow(w, i, run.runId)));
      c.warnings = extraction.warnings.length;
    }
    await tx.update(sourceFiles).set({ mediaType: extraction.source.mediaType }).where(eq(sourceFiles.id, run.sourceFileId));
    if (!newer) {
      await joinDocumentByContent(tx, run.sourceFileId, contentKey(reportKeys(extraction.reports)));
      await promoteIfNewest(tx, run.sourceFileId);
    }
    await tx
      .update(extractionRuns)
      .set({
        status: 'done',
        errorCode: null,
        errorMessage: null,
        finishedAt: sql`now()`,
        ...timings,
        storeMs: performance.now() - t0,
        pageCount: extraction.source.pageCount,
        ocr: extraction.source.ocr,
        extraction,
      })
      .where(eq(extractionRuns.id, run.runId));
    return c;
  });
  return counts && { ...counts, storeMs: performance.now() - t0 };
}
