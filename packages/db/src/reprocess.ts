// What `jixiao reprocess` and the watcher's start-up reconciliation select, and the new runs they queue.
// Only files with stored bytes are re-run: a ZIP is a container (its members are the files) and a member that
// could not be unpacked has no bytes.
import { and, desc, eq, exists, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { extractionRuns, reports, sourceFiles } from './schema/index.ts';

export interface ReprocessFilter {
  /** a source file's sha256, or a document id (every version of it) */
  target?: string;
  /** files whose latest run failed */
  failed?: boolean;
  /** files whose latest finished run was made by an extractor older than this version */
  olderThanVersion?: string;
  organisation?: string;
  year?: number;
  all?: boolean;
}

export interface RerunTarget {
  sourceFileId: number;
  sha256: string;
  fileName: string;
}

/** The files a filter selects, each with its latest run's status and extractor version. */
export async function selectForReprocess(db: Db, filter: ReprocessFilter): Promise<RerunTarget[]> {
  const conditions = [isNotNull(sourceFiles.sha256), isNotNull(sourceFiles.archivePath), exists(runsOf())];
  if (filter.target) {
    conditions.push(
      /^[0-9a-f]{64}$/i.test(filter.target)
        ? eq(sourceFiles.sha256, filter.target.toLowerCase())
        : eq(sourceFiles.documentId, Number(filter.target)),
    );
  }
  if (filter.organisation) conditions.push(exists(reportsOf(eq(reports.organisation, filter.organisation))));
  if (filter.year !== undefined) conditions.push(exists(reportsOf(eq(reports.fiscalYear, filter.year))));
  const files = await db
    .select({ sourceFileId: sourceFiles.id, sha256: sourceFiles.sha256, fileName: sourceFiles.originalName })
    .from(sourceFiles)
    .where(and(...conditions))
    .orderBy(sourceFiles.id);
  if (!filter.failed && !filter.olderThanVersion) return files as RerunTarget[];
  const latest = await latestRuns(db, files.map((f) => f.sourceFileId));
  return (files as RerunTarget[]).filter((f) => {
    const runs = latest.get(f.sourceFileId) ?? [];
    if (filter.failed && runs[0]?.status !== 'failed') return false;
    if (filter.olderThanVersion) {
      const done = runs.find((r) => r.status === 'done');
      if (done && compareVersions(done.extractorVersion, filter.olderThanVersion) >= 0) return false;
    }
    return true;
  });

  function runsOf() {
    return db.select({ one: sql`1` }).from(extractionRuns).where(eq(extractionRuns.sourceFileId, sourceFiles.id));
  }
  function reportsOf(condition: ReturnType<typeof eq>) {
    return db.select({ one: sql`1` }).from(reports).where(and(eq(reports.sourceFileId, sourceFiles.id), condition));
  }
}

async function latestRuns(db: Db, sourceFileIds: number[]) {
  const byFile = new Map<number, { status: string; extractorVersion: string }[]>();
  for (let i = 0; i < sourceFileIds.length; i += 1000) {
    const rows = await db
      .select({ sourceFileId: extractionRuns.sourceFileId, status: extractionRuns.status, extractorVersion: extractionRuns.extractorVersion })
      .from(extractionRuns)
      .where(inArray(extractionRuns.sourceFileId, sourceFileIds.slice(i, i + 1000)))
      .orderBy(desc(extractionRuns.id));
    for (const r of rows) byFile.set(r.sourceFileId, [...(byFile.get(r.sourceFileId) ?? []), r]);
  }
  return byFile;
}

/** Dotted numeric versions: 0.1.0 < 0.1.10 < 0.2.0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * A new queued run for a file, or the run already waiting for it (asking twice queues one run). The run's
 * result replaces the file's rows when it finishes (saveExtraction), so re-running never duplicates them.
 */
export async function queueRerun(db: Db, sourceFileId: number, extractorVersion: string): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.select({ id: sourceFiles.id }).from(sourceFiles).where(eq(sourceFiles.id, sourceFileId)).for('update');
    const [waiting] = await tx
      .select({ id: extractionRuns.id })
      .from(extractionRuns)
      .where(and(eq(extractionRuns.sourceFileId, sourceFileId), eq(extractionRuns.status, 'queued')))
      .orderBy(desc(extractionRuns.id))
      .limit(1);
    if (waiting) return waiting.id;
    const [run] = await tx.insert(extractionRuns).values({ sourceFileId, extractorVersion, status: 'queued' }).returning({ id: extractionRuns.id });
    return run.id;
  });
}

export interface UnfinishedRun {
  runId: number;
  sha256: string;
  fileName: string;
}

/**
 * Runs not finished (queued, or processing when their worker died): what the watcher hands on again at start,
 * so a job lost with Redis, or never handed over, is not forgotten.
 */
export async function unfinishedRuns(db: Db): Promise<UnfinishedRun[]> {
  const rows = await db
    .select({ runId: extractionRuns.id, sha256: sourceFiles.sha256, fileName: sourceFiles.originalName })
    .from(extractionRuns)
    .innerJoin(sourceFiles, eq(sourceFiles.id, extractionRuns.sourceFileId))
    .where(and(inArray(extractionRuns.status, ['queued', 'processing']), isNotNull(sourceFiles.sha256)))
    .orderBy(extractionRuns.id);
  return rows as UnfinishedRun[];
}
