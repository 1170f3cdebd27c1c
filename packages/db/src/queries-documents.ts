// The analysts' document queries: a filtered list (one row per document, showing its current version, or its
// newest when none has finished) and one document with its versions, runs, failures, warnings and rows.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PageGeometry } from '@jixiao/contract';
import type { Db } from './database.ts';
import { documents, extractionRuns, fundingLines, indicatorFactsAll, reports, sourceFiles, warnings, type RunStatus } from './schema/index.ts';

export interface DocumentFilter {
  organisation?: string;
  fiscalYear?: number;
  kind?: string;
  status?: RunStatus;
  hasWarnings?: boolean;
}

export interface DocumentSummary {
  documentId: number;
  label: string;
  versions: number;
  sourceFileId: number;
  version: number;
  fileName: string;
  mediaType: string | null;
  sizeBytes: number;
  status: RunStatus | null;
  errorCode: string | null;
  errorMessage: string | null;
  finishedAt: string | null;
  organisation: string | null;
  fiscalYear: number | null;
  kind: string | null;
  reports: number;
  indicators: number;
  warnings: number;
}

const contains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

export async function listDocuments(db: Db, filter: DocumentFilter, page: { limit: number; offset: number }): Promise<{ total: number; rows: DocumentSummary[] }> {
  const where: SQL[] = [sql`true`];
  if (filter.organisation) where.push(sql`s.organisation ILIKE ${contains(filter.organisation)}`);
  if (filter.fiscalYear !== undefined) where.push(sql`s."fiscalYear" = ${filter.fiscalYear}`);
  if (filter.kind) where.push(sql`s.kind = ${filter.kind}`);
  if (filter.status) where.push(sql`s.status = ${filter.status}`);
  if (filter.hasWarnings === true) where.push(sql`s.warnings > 0`);
  if (filter.hasWarnings === false) where.push(sql`s.warnings = 0`);
  const summaries = sql`
    WITH v AS (
      SELECT DISTINCT ON (sf.document_id) sf.*
      FROM source_files sf
      ORDER BY sf.document_id, sf.is_current DESC, sf.document_version DESC
    )
    SELECT
      d.id::int AS "documentId", d.label,
      (SELECT count(*) FROM source_files x WHERE x.document_id = d.id)::int AS "versions",
      v.id::int AS "sourceFileId", v.document_version AS "version", v.original_name AS "fileName",
      v.media_type AS "mediaType", v.size_bytes::float8 AS "sizeBytes",
      lr.status::text AS "status", lr.error_code AS "errorCode", lr.error_message AS "errorMessage",
      to_char(lr.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "finishedAt",
      rep.organisation, rep.fiscal_year AS "fiscalYear", rep.kind,
      coalesce(rep.reports, 0)::int AS "reports", coalesce(rep.indicators, 0)::int AS "indicators",
      coalesce(wn.n, 0)::int AS "warnings"
    FROM documents d
    JOIN v ON v.document_id = d.id
    LEFT JOIN LATERAL (SELECT * FROM extraction_runs er WHERE er.source_file_id = v.id ORDER BY er.id DESC LIMIT 1) lr ON true
    LEFT JOIN LATERAL (
      SELECT min(r.organisation) AS organisation, min(r.fiscal_year) AS fiscal_year, min(r.kind) AS kind,
             count(*) AS reports, (SELECT count(*) FROM indicators i JOIN reports r2 ON r2.id = i.report_id WHERE r2.source_file_id = v.id) AS indicators
      FROM reports r WHERE r.source_file_id = v.id
    ) rep ON true
    LEFT JOIN LATERAL (
      SELECT count(*) AS n FROM warnings w
      WHERE w.run_id = (SELECT max(er.id) FROM extraction_runs er WHERE er.source_file_id = v.id AND er.status = 'done')
    ) wn ON true`;
  const filtered = sql`SELECT * FROM (${summaries}) s WHERE ${sql.join(where, sql` AND `)}`;
  const counted = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM (${filtered}) c`));
  const rows = rowsOf<DocumentSummary>(await db.execute(sql`${filtered} ORDER BY s."documentId" DESC LIMIT ${page.limit} OFFSET ${page.offset}`));
  return { total: counted[0]!.n, rows };
}

export async function documentVersions(db: Db, documentId: number) {
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
  if (!doc) return null;
  const versions = await db
    .select({
      sourceFileId: sourceFiles.id,
      version: sourceFiles.documentVersion,
      isCurrent: sourceFiles.isCurrent,
      fileName: sourceFiles.originalName,
      sha256: sourceFiles.sha256,
      mediaType: sourceFiles.mediaType,
      sizeBytes: sourceFiles.sizeBytes,
      firstSeenAt: sourceFiles.firstSeenAt,
      archiveMemberPath: sourceFiles.archiveMemberPath,
    })
    .from(sourceFiles)
    .where(eq(sourceFiles.documentId, documentId))
    .orderBy(desc(sourceFiles.documentVersion), desc(sourceFiles.id));
  const runs = versions.length
    ? await db
        .select({
          runId: extractionRuns.id,
          sourceFileId: extractionRuns.sourceFileId,
          status: extractionRuns.status,
          extractorVersion: extractionRuns.extractorVersion,
          errorCode: extractionRuns.errorCode,
          errorMessage: extractionRuns.errorMessage,
          attempts: extractionRuns.attempts,
          queuedAt: extractionRuns.queuedAt,
          finishedAt: extractionRuns.finishedAt,
          pageCount: extractionRuns.pageCount,
          ocr: extractionRuns.ocr,
        })
        .from(extractionRuns)
        .where(inArray(extractionRuns.sourceFileId, versions.map((v) => v.sourceFileId)))
        .orderBy(desc(extractionRuns.id))
    : [];
  return { document: doc, versions: versions.map((v) => ({ ...v, runs: runs.filter((r) => r.sourceFileId === v.sourceFileId) })) };
}

/** Where a version's bytes are kept (ARCHIVE_DIR-relative), for the download and page routes. */
export async function versionFile(db: Db, sourceFileId: number) {
  const [file] = await db
    .select({ sha256: sourceFiles.sha256, archivePath: sourceFiles.archivePath, fileName: sourceFiles.originalName, mediaType: sourceFiles.mediaType, documentId: sourceFiles.documentId })
    .from(sourceFiles)
    .where(eq(sourceFiles.id, sourceFileId));
  return file ?? null;
}

/** How the last finished read straightened one page before OCR (turn, skew), or null where it was read as published. */
export async function pageGeometry(db: Db, sourceFileId: number, page: number): Promise<PageGeometry | null> {
  const [lastDone] = await db
    .select({ geometry: sql<PageGeometry[] | null>`${extractionRuns.extraction} -> 'source' -> 'pageGeometry'` })
    .from(extractionRuns)
    .where(and(eq(extractionRuns.sourceFileId, sourceFileId), eq(extractionRuns.status, 'done')))
    .orderBy(desc(extractionRuns.id))
    .limit(1);
  return lastDone?.geometry?.find((g) => g.page === page) ?? null;
}

/** The extracted content of one version: its reports, funding, indicators (corrections applied) and warnings. */
export async function versionContent(db: Db, sourceFileId: number) {
  const [lastDone] = await db
    .select({ runId: extractionRuns.id, pageCount: extractionRuns.pageCount, ocr: extractionRuns.ocr })
    .from(extractionRuns)
    .where(and(eq(extractionRuns.sourceFileId, sourceFileId), eq(extractionRuns.status, 'done')))
    .orderBy(desc(extractionRuns.id))
    .limit(1);
  const reportRows = await db.select().from(reports).where(eq(reports.sourceFileId, sourceFileId)).orderBy(asc(reports.ordinal));
  const funding = reportRows.length
    ? await db.select().from(fundingLines).where(inArray(fundingLines.reportId, reportRows.map((r) => r.id))).orderBy(asc(fundingLines.reportId), asc(fundingLines.ordinal))
    : [];
  const indicators = await db
    .select()
    .from(indicatorFactsAll)
    .where(eq(indicatorFactsAll.sourceFileId, sourceFileId))
    .orderBy(asc(indicatorFactsAll.reportOrdinal), asc(indicatorFactsAll.rowOrdinal));
  const warningRows = lastDone
    ? await db.select({ code: warnings.code, message: warnings.message, page: warnings.page }).from(warnings).where(eq(warnings.runId, lastDone.runId)).orderBy(asc(warnings.ordinal))
    : [];
  return {
    runId: lastDone?.runId ?? null,
    pageCount: lastDone?.pageCount ?? null,
    ocr: lastDone?.ocr ?? null,
    reports: reportRows.map((r) => ({ ...r, funding: funding.filter((f) => f.reportId === r.id) })),
    indicators,
    warnings: warningRows,
  };
}

/** node-postgres and PGlite both answer execute() with `{ rows }`; drizzle's shared type does not say so. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** A run's status, for callers polling a reprocess they asked for. */
export async function runState(db: Db, runId: number) {
  const [run] = await db
    .select({ runId: extractionRuns.id, sourceFileId: extractionRuns.sourceFileId, status: extractionRuns.status, errorCode: extractionRuns.errorCode, errorMessage: extractionRuns.errorMessage })
    .from(extractionRuns)
    .where(eq(extractionRuns.id, runId));
  return run ?? null;
}
