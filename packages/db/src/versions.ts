// The version rules applied when a run finishes (docs/versions.md): a file that arrived as a new document but
// holds the same reports (organisation + fiscal year + kind + project) as another document's current version
// joins that document as its next version; and the newest finished version of a document is its current one.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Report } from '@jixiao/contract';
import type { Db } from './database.ts';
import { nextVersion } from './intake.ts';
import { documents, reports, sourceFiles } from './schema/index.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

interface ReportKey {
  organisation: string | null;
  fiscalYear: number | null;
  kind: string;
  projectName: string | null;
}

/**
 * The content identity of a file: its reports' keys, sorted, as one string. null when any report lacks an
 * organisation or a fiscal year (or there is none): such a file is identified by its path only.
 */
export function contentKey(keys: ReportKey[]): string | null {
  if (keys.length === 0 || keys.some((k) => !k.organisation || k.fiscalYear === null)) return null;
  return JSON.stringify(keys.map((k) => [k.organisation, k.fiscalYear, k.kind, k.projectName ?? '']).sort());
}

export const reportKeys = (rs: Report[]): ReportKey[] =>
  rs.map((r) => ({ organisation: r.organisation, fiscalYear: r.fiscalYear, kind: r.kind, projectName: r.projectName }));

/**
 * When the file is the only file of its document and another document's current version has the same content
 * key, move the file into that document as its next version (its own, now empty, document is removed).
 */
export async function joinDocumentByContent(tx: Tx, sourceFileId: number, key: string | null): Promise<void> {
  if (!key) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'content:' + key}))`);
  const [file] = await tx
    .select({ documentId: sourceFiles.documentId })
    .from(sourceFiles)
    .where(eq(sourceFiles.id, sourceFileId));
  const siblings = await tx.select({ id: sourceFiles.id }).from(sourceFiles).where(eq(sourceFiles.documentId, file.documentId));
  if (siblings.length > 1) return; // already a versioned document: its identity is settled
  const [first] = JSON.parse(key) as [string, number, string, string][];
  const candidates = await tx
    .selectDistinct({ sourceFileId: sourceFiles.id, documentId: sourceFiles.documentId })
    .from(reports)
    .innerJoin(sourceFiles, eq(sourceFiles.id, reports.sourceFileId))
    .where(
      and(
        eq(sourceFiles.isCurrent, true),
        ne(sourceFiles.documentId, file.documentId),
        eq(reports.organisation, first[0]),
        eq(reports.fiscalYear, first[1]),
        eq(reports.kind, first[2]),
        sql`coalesce(${reports.projectName}, '') = ${first[3]}`,
      ),
    );
  for (const c of candidates) {
    const theirs = await tx
      .select({ organisation: reports.organisation, fiscalYear: reports.fiscalYear, kind: reports.kind, projectName: reports.projectName })
      .from(reports)
      .where(eq(reports.sourceFileId, c.sourceFileId));
    if (contentKey(theirs) !== key) continue;
    const version = await nextVersion(tx, c.documentId);
    await tx.update(sourceFiles).set({ documentId: c.documentId, documentVersion: version }).where(eq(sourceFiles.id, sourceFileId));
    await tx.delete(documents).where(eq(documents.id, file.documentId));
    return;
  }
}

/** Make the file its document's current version unless a newer version is current already. */
export async function promoteIfNewest(tx: Tx, sourceFileId: number): Promise<boolean> {
  const [file] = await tx
    .select({ documentId: sourceFiles.documentId, version: sourceFiles.documentVersion })
    .from(sourceFiles)
    .where(eq(sourceFiles.id, sourceFileId));
  await tx.select({ id: documents.id }).from(documents).where(eq(documents.id, file.documentId)).for('update');
  const current = await tx
    .select({ id: sourceFiles.id, version: sourceFiles.documentVersion })
    .from(sourceFiles)
    .where(and(eq(sourceFiles.documentId, file.documentId), eq(sourceFiles.isCurrent, true)));
  if (current.some((c) => c.version > file.version)) return false;
  const others = current.filter((c) => c.id !== sourceFileId).map((c) => c.id);
  if (others.length > 0) await tx.update(sourceFiles).set({ isCurrent: false }).where(inArray(sourceFiles.id, others));
  await tx.update(sourceFiles).set({ isCurrent: true }).where(eq(sourceFiles.id, sourceFileId));
  return true;
}
