// The life of an extraction run: queued → processing → done | failed, and the queries `jixiao status` shows.
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { WarningCode } from '@jixiao/contract';
import type { Db } from './database.ts';
import { extractionRuns, indicators, reports, sourceFiles, warnings, type RunStatus } from './schema/index.ts';

export interface StartedRun {
  runId: number;
  sourceFileId: number;
  sha256: string | null;
  fileName: string;
  /** where the bytes are kept; null for an archive member that could not be unpacked */
  archivePath: string | null;
  /** `archive.zip!/path` for a member of a ZIP */
  archiveMemberPath: string | null;
  attempts: number;
}

/**
 * Mark a run as processing and return what the stages need, or null when the run is already finished
 * (a job delivered twice, or retried after its result was stored).
 */
export async function startRun(db: Db, runId: number): Promise<StartedRun | null> {
  // one statement: the run taken and its file read together (two round trips a file added up over a big ZIP)
  const [run] = await db
    .update(extractionRuns)
    .set({ status: 'processing', startedAt: sql`now()`, attempts: sql`${extractionRuns.attempts} + 1` })
    .from(sourceFiles)
    .where(and(eq(extractionRuns.id, runId), inArray(extractionRuns.status, ['queued', 'processing']), eq(sourceFiles.id, extractionRuns.sourceFileId)))
    .returning({
      sourceFileId: extractionRuns.sourceFileId,
      attempts: extractionRuns.attempts,
      sha256: sourceFiles.sha256,
      fileName: sourceFiles.originalName,
      archivePath: sourceFiles.archivePath,
      archiveMemberPath: sourceFiles.archiveMemberPath,
    });
  return run ? { runId, ...run } : null;
}

export async function markRunFailed(db: Db, runId: number, code: string, message: string): Promise<void> {
  await db
    .update(extractionRuns)
    .set({ status: 'failed', errorCode: code, errorMessage: message, finishedAt: sql`now()` })
    .where(eq(extractionRuns.id, runId));
}

export async function runCountsByStatus(db: Db): Promise<Record<RunStatus, number>> {
  const rows = await db.select({ status: extractionRuns.status, n: count() }).from(extractionRuns).groupBy(extractionRuns.status);
  const counts: Record<RunStatus, number> = { queued: 0, processing: 0, done: 0, failed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

export interface FailedRun {
  runId: number;
  fileName: string;
  archiveMemberPath: string | null;
  sha256: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  finishedAt: Date | null;
}

export async function recentFailures(db: Db, limit = 10): Promise<FailedRun[]> {
  return db
    .select({
      runId: extractionRuns.id,
      fileName: sourceFiles.originalName,
      archiveMemberPath: sourceFiles.archiveMemberPath,
      sha256: sourceFiles.sha256,
      errorCode: extractionRuns.errorCode,
      errorMessage: extractionRuns.errorMessage,
      finishedAt: extractionRuns.finishedAt,
    })
    .from(extractionRuns)
    .innerJoin(sourceFiles, eq(sourceFiles.id, extractionRuns.sourceFileId))
    .where(eq(extractionRuns.status, 'failed'))
    .orderBy(desc(extractionRuns.finishedAt), desc(extractionRuns.id))
    .limit(limit);
}

export interface RunOutcome {
  runId: number;
  status: RunStatus;
  fileName: string;
  archiveMemberPath: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  reports: number;
  indicators: number;
}

/** Status and row counts of the given runs (what `jixiao ingest` sums up at the end). */
export async function runOutcomes(db: Db, runIds: number[]): Promise<RunOutcome[]> {
  if (runIds.length === 0) return [];
  const runs = await db
    .select({
      runId: extractionRuns.id,
      status: extractionRuns.status,
      fileName: sourceFiles.originalName,
      archiveMemberPath: sourceFiles.archiveMemberPath,
      errorCode: extractionRuns.errorCode,
      errorMessage: extractionRuns.errorMessage,
    })
    .from(extractionRuns)
    .innerJoin(sourceFiles, eq(sourceFiles.id, extractionRuns.sourceFileId))
    .where(inArray(extractionRuns.id, runIds));
  const reportCounts = await db
    .select({ runId: reports.runId, reports: sql<number>`count(distinct ${reports.id})`, indicators: count(indicators.id) })
    .from(reports)
    .leftJoin(indicators, eq(indicators.reportId, reports.id))
    .where(inArray(reports.runId, runIds))
    .groupBy(reports.runId);
  const byRun = new Map(reportCounts.map((r) => [r.runId, r]));
  return runs.map((r) => ({
    ...r,
    reports: Number(byRun.get(r.runId)?.reports ?? 0),
    indicators: Number(byRun.get(r.runId)?.indicators ?? 0),
  }));
}

/** Warnings that leave a read file needing a person's look even though it gave rows (a table laid out from text lines, not rules, may have its columns wrong). */
export const REVIEW_WARNING_CODES: readonly string[] = [WarningCode.OcrLowConfidence, WarningCode.TableFromTextLines];

export interface RunToLookAt {
  runId: number;
  fileName: string;
  archiveMemberPath: string | null;
  finishedAt: Date | null;
  /** `no-form`: read, but nothing was found in it; `review`: rows found, some read with doubt */
  why: 'no-form' | 'review';
  /** the warning that says why: for a file with no form, the first that is not NoFormsFound (a broken page,
   * no text layer…), else NoFormsFound itself; for review, the first review warning */
  code: string;
  message: string;
  /** how many warnings of that code the run has */
  count: number;
}

/**
 * Finished runs that yielded nothing or need review: the newest run of each file only (a re-run supersedes),
 * the given runs, or the `limit` most recent.
 */
export async function runsToLookAt(db: Db, options: { runIds?: number[]; limit?: number } = {}): Promise<RunToLookAt[]> {
  if (options.runIds && options.runIds.length === 0) return [];
  const newest = sql`NOT EXISTS (SELECT 1 FROM ${extractionRuns} later WHERE later.source_file_id = ${extractionRuns.sourceFileId} AND later.id > ${extractionRuns.id})`;
  const noReports = sql`NOT EXISTS (SELECT 1 FROM ${reports} WHERE ${reports.runId} = ${extractionRuns.id})`;
  const reviewCodes = sql.join(REVIEW_WARNING_CODES.map((c) => sql`${c}`), sql`, `);
  const doubtful = sql`EXISTS (SELECT 1 FROM ${warnings} WHERE ${warnings.runId} = ${extractionRuns.id} AND ${warnings.code} IN (${reviewCodes}))`;
  const runs = await db
    .select({
      runId: extractionRuns.id,
      fileName: sourceFiles.originalName,
      archiveMemberPath: sourceFiles.archiveMemberPath,
      finishedAt: extractionRuns.finishedAt,
      noForm: sql<boolean>`${noReports}`,
    })
    .from(extractionRuns)
    .innerJoin(sourceFiles, eq(sourceFiles.id, extractionRuns.sourceFileId))
    .where(
      and(
        eq(extractionRuns.status, 'done'),
        options.runIds ? inArray(extractionRuns.id, options.runIds) : newest,
        sql`(${noReports} OR ${doubtful})`,
      ),
    )
    .orderBy(desc(extractionRuns.finishedAt), desc(extractionRuns.id))
    .limit(options.limit ?? 1_000_000);
  if (runs.length === 0) return [];
  const found = await db
    .select({ runId: warnings.runId, code: warnings.code, message: warnings.message })
    .from(warnings)
    .where(inArray(warnings.runId, runs.map((r) => r.runId)))
    .orderBy(warnings.runId, warnings.ordinal);
  const byRun = new Map<number, typeof found>();
  for (const w of found) byRun.set(w.runId, [...(byRun.get(w.runId) ?? []), w]);
  return runs.map(({ noForm, ...run }) => {
    const own = byRun.get(run.runId) ?? [];
    const reason = noForm
      ? (own.find((w) => w.code !== WarningCode.NoFormsFound) ?? own[0])
      : own.find((w) => REVIEW_WARNING_CODES.includes(w.code));
    return {
      ...run,
      why: noForm ? 'no-form' : 'review',
      code: reason?.code ?? WarningCode.NoFormsFound,
      message: reason?.message ?? `${run.fileName}: no self-evaluation form was found in this file`,
      count: own.filter((w) => w.code === reason?.code).length,
    };
  });
}
