// What the database holds for one file, compared with what extractFile returns for the same bytes: the stored
// rows must be the extraction, report by report and indicator by indicator.
import { asc, eq, inArray } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Extraction } from '@jixiao/contract';
import { extractionRuns, indicators, reports, sourceFiles, type Db } from '@jixiao/db';

export async function storedFor(db: Db, sha256: string) {
  const [file] = await db.select().from(sourceFiles).where(eq(sourceFiles.sha256, sha256));
  if (!file) return null;
  const runs = await db.select().from(extractionRuns).where(eq(extractionRuns.sourceFileId, file.id));
  const reportRows = await db.select().from(reports).where(eq(reports.sourceFileId, file.id)).orderBy(asc(reports.ordinal));
  const indicatorRows = reportRows.length
    ? await db
        .select()
        .from(indicators)
        .where(inArray(indicators.reportId, reportRows.map((r) => r.id)))
        .orderBy(asc(indicators.reportId), asc(indicators.ordinal))
    : [];
  return { file, runs, reports: reportRows, indicators: indicatorRows };
}

export async function expectStoredEqualsExtraction(db: Db, extraction: Extraction): Promise<void> {
  const stored = await storedFor(db, extraction.source.sha256);
  const name = extraction.source.fileName;
  expect(stored, `${name} is recorded`).not.toBeNull();
  expect(stored!.runs.map((r) => r.status), `${name}: one finished run`).toEqual(['done']);
  expect(stored!.file.mediaType).toBe(extraction.source.mediaType);
  expect(stored!.reports.length, `${name}: reports`).toBe(extraction.reports.length);
  for (const [i, report] of extraction.reports.entries()) {
    const row = stored!.reports[i];
    expect({ kind: row.kind, organisation: row.organisation, fiscalYear: row.fiscalYear, projectName: row.projectName, totalScore: row.totalScore }).toEqual({
      kind: report.kind,
      organisation: report.organisation,
      fiscalYear: report.fiscalYear,
      projectName: report.projectName,
      totalScore: report.totalScore,
    });
    const rows = stored!.indicators.filter((r) => r.reportId === row.id);
    expect(rows.length, `${name} report ${i}: indicators`).toBe(report.indicators.length);
    // first, middle and last indicator of every report, typed columns against the contract values
    const n = report.indicators.length;
    const picks = n === 0 ? [] : [...new Set([0, Math.floor(n / 2), n - 1])];
    for (const k of picks) {
      const ind = report.indicators[k];
      const r = rows[k];
      expect({
        level1: r.level1,
        level2: r.level2,
        level3: r.level3,
        targetRaw: r.targetRaw,
        targetKind: r.targetKind,
        targetOp: r.targetOp,
        targetValue: r.targetValue,
        targetUnit: r.targetUnit,
        actualRaw: r.actualRaw,
        actualKind: r.actualKind,
        actualValue: r.actualValue,
        weight: r.weight,
        score: r.score,
        attained: r.attained,
        page: r.page,
      }).toEqual({
        level1: ind.level1,
        level2: ind.level2,
        level3: ind.level3,
        targetRaw: ind.target.raw,
        targetKind: ind.target.kind,
        targetOp: ind.target.op,
        targetValue: ind.target.value,
        targetUnit: ind.target.unit,
        actualRaw: ind.actual.raw,
        actualKind: ind.actual.kind,
        actualValue: ind.actual.value,
        weight: ind.weight,
        score: ind.score,
        attained: ind.attained,
        page: ind.page,
      });
    }
  }
}
