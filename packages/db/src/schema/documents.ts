// A logical document and the files whose bytes we received. A later version of the same document (new bytes)
// is a new source_files row pointing at the same documents row; analyst corrections can hang off documents too.
import { bigint, bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
    sha256: text('sha256').notNull().unique(),
    documentId: bigint('document_id', { mode: 'number' })
      .notNull()
      .references(() => documents.id),
    originalName: text('original_name').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** detected from the bytes by the extractor; null until a run has looked */
    mediaType: text('media_type'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** where the bytes are kept: ARCHIVE_DIR-relative path ab/cd/<sha256> */
    archivePath: text('archive_path').notNull(),
  },
  (t) => [index('source_files_document_idx').on(t.documentId)],
);
