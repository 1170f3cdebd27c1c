// Recording a received file: one source_files row per distinct sha256, and one queued run per file and
// extractor version. Receiving the same bytes again (any name, any time) creates nothing.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { documents, extractionRuns, sourceFiles } from './schema/index.ts';

export interface ReceivedFile {
  sha256: string;
  originalName: string;
  sizeBytes: number;
  /** ARCHIVE_DIR-relative path of the archived bytes */
  archivePath: string;
}

export interface IntakeResult {
  sourceFileId: number;
  /**
   * the queued run to hand on; null when this file's run for this extractor version has already started or
   * finished. A run still queued is handed out again: its hand-over may have failed (Redis down), and handing
   * it over twice is harmless (one job id per hash; a finished run is skipped).
   */
  runId: number | null;
  newFile: boolean;
}

export async function recordReceivedFile(db: Db, file: ReceivedFile, extractorVersion: string): Promise<IntakeResult> {
  return db.transaction(async (tx) => {
    // serialise intakes of the same bytes (two copies dropped at once) without locking anything else
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${file.sha256}))`);
    let [existing] = await tx.select({ id: sourceFiles.id }).from(sourceFiles).where(eq(sourceFiles.sha256, file.sha256));
    const newFile = !existing;
    if (!existing) {
      const [doc] = await tx.insert(documents).values({ label: file.originalName }).returning({ id: documents.id });
      [existing] = await tx
        .insert(sourceFiles)
        .values({ ...file, documentId: doc.id })
        .returning({ id: sourceFiles.id });
    }
    const [run] = await tx
      .select({ id: extractionRuns.id, status: extractionRuns.status })
      .from(extractionRuns)
      .where(and(eq(extractionRuns.sourceFileId, existing.id), eq(extractionRuns.extractorVersion, extractorVersion)))
      .limit(1);
    if (run) return { sourceFileId: existing.id, runId: run.status === 'queued' ? run.id : null, newFile };
    const [created] = await tx
      .insert(extractionRuns)
      .values({ sourceFileId: existing.id, extractorVersion, status: 'queued' })
      .returning({ id: extractionRuns.id });
    return { sourceFileId: existing.id, runId: created.id, newFile };
  });
}
