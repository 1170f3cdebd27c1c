// The life of an extraction run: queued → processing → done | failed, and the queries `jixiao status` shows.
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { extractionRuns, indicators, reports, sourceFiles, type RunStatus } from './schema/index.ts';

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
  const [run] = await db
    .update(extractionRuns)
    .set({ status: 'processing', startedAt: sql`now()`, attempts: sql`${extractionRuns.attempts} + 1` })
    .where(and(eq(extractionRuns.id, runId), inArray(extractionRuns.status, ['queued', 'processing'])))
    .returning({ sourceFileId: extractionRuns.sourceFileId, attempts: extractionRuns.attempts });
  if (!run) return null;
  const [file] = await db
    .select({
      sha256: sourceFiles.sha256,
      fileName: sourceFiles.originalName,
      archivePath: sourceFiles.archivePath,
      archiveMemberPath: sourceFiles.archiveMemberPath,
    })
    .from(sourceFiles)
    .where(eq(sourceFiles.id, run.sourceFileId));
  return { runId, ...run, ...file };
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
