// Recording a received file: one source_files row per distinct sha256, and one queued run per file and
// extractor version. Receiving the same bytes again (any name, any time) creates nothing. New bytes under a
// logical path already seen become the next version of that path's document (docs/versions.md).
import { and, desc, eq, isNull, max, sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { documents, extractionRuns, sourceFiles } from './schema/index.ts';

export interface ReceivedFile {
  sha256: string;
  originalName: string;
  sizeBytes: number;
  /** ARCHIVE_DIR-relative path of the archived bytes */
  archivePath: string;
  /** inbox-relative path (for a ZIP member: the ZIP's then `!/` and the member's); the identity of versions */
  logicalPath?: string | null;
  /** for a member of a ZIP: `archive.zip!/folder/file.pdf` */
  archiveMemberPath?: string | null;
  /** for a member of a ZIP: the ZIP's source file */
  containerId?: number | null;
  /** known at intake for containers (application/zip); otherwise set by the run that reads the bytes */
  mediaType?: string | null;
}

export interface IntakeResult {
  sourceFileId: number;
  /**
   * the queued run to hand on; null when this file's run for this extractor version has already started or
   * finished (or, for a ZIP, when no run was asked for). A run still queued is handed out again: its hand-over
   * may have failed (Redis down), and handing it over twice is harmless (one job per run; a finished run is skipped).
   */
  runId: number | null;
  newFile: boolean;
  documentId: number;
  documentVersion: number;
  /** the name the bytes first came under (a copy under another name keeps the first) */
  originalName: string;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export async function recordReceivedFile(
  db: Db,
  file: ReceivedFile,
  extractorVersion: string,
  options: { createRun?: boolean } = {},
): Promise<IntakeResult> {
  const createRun = options.createRun ?? true;
  return db.transaction(async (tx) => {
    // serialise intakes of the same bytes (two copies dropped at once) without locking anything else
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${file.sha256}))`);
    let [existing] = await tx
      .select({ id: sourceFiles.id, documentId: sourceFiles.documentId, documentVersion: sourceFiles.documentVersion, originalName: sourceFiles.originalName })
      .from(sourceFiles)
      .where(eq(sourceFiles.sha256, file.sha256));
    const newFile = !existing;
    if (!existing) existing = await insertVersion(tx, file);
    const base = { sourceFileId: existing.id, newFile, documentId: existing.documentId, documentVersion: existing.documentVersion, originalName: existing.originalName };
    if (!createRun) return { ...base, runId: null };
    // a file recorded just now has no run yet: one query less for each of a big ZIP's members
    const [run] = newFile
      ? []
      : await tx
          .select({ id: extractionRuns.id, status: extractionRuns.status })
          .from(extractionRuns)
          .where(and(eq(extractionRuns.sourceFileId, existing.id), eq(extractionRuns.extractorVersion, extractorVersion)))
          .orderBy(desc(extractionRuns.id))
          .limit(1);
    if (run) return { ...base, runId: run.status === 'queued' ? run.id : null };
    const [created] = await tx
      .insert(extractionRuns)
      .values({ sourceFileId: existing.id, extractorVersion, status: 'queued' })
      .returning({ id: extractionRuns.id });
    return { ...base, runId: created.id };
  });
}

/** A new source file: the next version of the document last seen at its logical path, or version 1 of a new one. */
async function insertVersion(tx: Tx, file: ReceivedFile & { sha256: string | null }) {
  const { documentId, documentVersion } = await placeInDocument(tx, file.logicalPath ?? null, file.originalName);
  const [row] = await tx
    .insert(sourceFiles)
    .values({
      sha256: file.sha256,
      originalName: file.originalName,
      sizeBytes: file.sizeBytes,
      archivePath: file.archivePath,
      logicalPath: file.logicalPath ?? null,
      archiveMemberPath: file.archiveMemberPath ?? null,
      containerId: file.containerId ?? null,
      mediaType: file.mediaType ?? null,
      documentId,
      documentVersion,
    })
    .returning({ id: sourceFiles.id, documentId: sourceFiles.documentId, documentVersion: sourceFiles.documentVersion, originalName: sourceFiles.originalName });
  return row;
}

async function placeInDocument(tx: Tx, logicalPath: string | null, label: string) {
  if (logicalPath) {
    // two different files arriving at one path at once must not both become version 2
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'path:' + logicalPath}))`);
    const [seen] = await tx
      .select({ documentId: sourceFiles.documentId })
      .from(sourceFiles)
      .where(eq(sourceFiles.logicalPath, logicalPath))
      .orderBy(desc(sourceFiles.id))
      .limit(1);
    if (seen) return { documentId: seen.documentId, documentVersion: await nextVersion(tx, seen.documentId) };
  }
  const [doc] = await tx.insert(documents).values({ label }).returning({ id: documents.id });
  return { documentId: doc.id, documentVersion: 1 };
}

/** The next version number of a document; locks the document row until the transaction ends. */
export async function nextVersion(tx: Tx, documentId: number): Promise<number> {
  await tx.select({ id: documents.id }).from(documents).where(eq(documents.id, documentId)).for('update');
  const [{ v }] = await tx.select({ v: max(sourceFiles.documentVersion) }).from(sourceFiles).where(eq(sourceFiles.documentId, documentId));
  return (v ?? 0) + 1;
}

export interface FailedArrival {
  /** for a member of a ZIP: the ZIP's source file; null for a file received on its own */
  containerId: number | null;
  /** `archive.zip!/path/in/archive` for a member; null for a file received on its own */
  archiveMemberPath: string | null;
  logicalPath: string;
  originalName: string;
  code: string;
  message: string;
}

export interface FailedArrivalResult {
  sourceFileId: number;
  documentId: number;
  documentVersion: number;
  failedRunId: number | null;
}

/**
 * A file that arrived with no bytes to keep: a member of a ZIP that could not be unpacked (traversal name,
 * damaged, too large…) or an empty file. A source file without bytes and a failed run carrying the code and
 * message, recorded once per place it arrived at (archive and member path, or logical path), never merged with
 * another such file by hash: two empty files are two failures. `failedRunId` is null when it was recorded before.
 */
export async function recordFailedArrival(db: Db, failure: FailedArrival, extractorVersion: string): Promise<FailedArrivalResult> {
  const place = failure.containerId === null ? `file:${failure.logicalPath}` : `member:${failure.containerId}:${failure.archiveMemberPath}`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${place}))`);
    const [seen] = await tx
      .select({ sourceFileId: sourceFiles.id, documentId: sourceFiles.documentId, documentVersion: sourceFiles.documentVersion })
      .from(sourceFiles)
      .where(
        failure.containerId === null
          ? and(isNull(sourceFiles.containerId), isNull(sourceFiles.sha256), eq(sourceFiles.logicalPath, failure.logicalPath))
          : and(eq(sourceFiles.containerId, failure.containerId), eq(sourceFiles.archiveMemberPath, failure.archiveMemberPath!)),
      );
    if (seen) return { ...seen, failedRunId: null };
    const { documentId, documentVersion } = await placeInDocument(tx, failure.logicalPath, failure.originalName);
    const [row] = await tx
      .insert(sourceFiles)
      .values({
        sha256: null,
        originalName: failure.originalName,
        sizeBytes: 0,
        archivePath: null,
        logicalPath: failure.logicalPath,
        archiveMemberPath: failure.archiveMemberPath,
        containerId: failure.containerId,
        documentId,
        documentVersion,
      })
      .returning({ id: sourceFiles.id });
    const [run] = await tx
      .insert(extractionRuns)
      .values({
        sourceFileId: row.id,
        extractorVersion,
        status: 'failed',
        errorCode: failure.code,
        errorMessage: failure.message,
        finishedAt: sql`now()`,
      })
      .returning({ id: extractionRuns.id });
    return { sourceFileId: row.id, documentId, documentVersion, failedRunId: run.id };
  });
}
