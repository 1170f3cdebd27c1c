// A logical document and the files whose bytes we received. A later version of the same document (new bytes,
// same identity: see docs/versions.md) is a new source_files row pointing at the same documents row with the
// next document_version; analyst corrections can hang off documents too.
import { bigint, bigserial, boolean, index, integer, pgTable, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const documents = pgTable('documents', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** a human label for the logical document; the first file's name until someone names it */
  label: text('label').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sourceFiles = pgTable(
  'source_files',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** null only for an archive member that could not be unpacked (no bytes to hash) */
    sha256: text('sha256').unique(),
    documentId: bigint('document_id', { mode: 'number' })
      .notNull()
      .references(() => documents.id),
    originalName: text('original_name').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** detected from the bytes by the extractor; null until a run has looked */
    mediaType: text('media_type'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** where the bytes are kept: ARCHIVE_DIR-relative path ab/cd/<sha256>; null when there are no bytes */
    archivePath: text('archive_path'),
    /**
     * where the file came from, relative to the inbox (or the folder given to `jixiao ingest`); for a member of a
     * ZIP, the ZIP's path then `!/` and the path inside. Same logical path, new bytes → a new version.
     */
    logicalPath: text('logical_path'),
    /** for a member of a ZIP: `archive.zip!/二〇二一/项目自评表.pdf` (nested archives joined with `!/`) */
    archiveMemberPath: text('archive_member_path'),
    /** for a member of a ZIP: the ZIP's own source_files row */
    containerId: bigint('container_id', { mode: 'number' }).references((): AnyPgColumn => sourceFiles.id),
    /** 1, 2, … within the document, in order of arrival */
    documentVersion: integer('document_version').notNull().default(1),
    /** the document's newest version whose extraction finished: the one views and exports show */
    isCurrent: boolean('is_current').notNull().default(false),
  },
  (t) => [
    index('source_files_document_idx').on(t.documentId),
    index('source_files_logical_path_idx').on(t.logicalPath),
    index('source_files_container_idx').on(t.containerId),
  ],
);
