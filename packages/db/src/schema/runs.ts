// One attempt to extract one source file with one extractor version: status, error and timings per stage.
import { bigint, bigserial, boolean, doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Extraction } from '@jixiao/contract';
import { sourceFiles } from './documents.ts';

export const runStatus = pgEnum('run_status', ['queued', 'processing', 'done', 'failed']);
export type RunStatus = (typeof runStatus.enumValues)[number];

export const extractionRuns = pgTable(
  'extraction_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sourceFileId: bigint('source_file_id', { mode: 'number' })
      .notNull()
      .references(() => sourceFiles.id),
    status: runStatus('status').notNull().default('queued'),
    extractorVersion: text('extractor_version').notNull(),
    /** ExtractionError code (UnsupportedFormat, EncryptedPdf, …) or 'Internal' */
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    attempts: integer('attempts').notNull().default(0),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    readMs: doublePrecision('read_ms'),
    reconstructMs: doublePrecision('reconstruct_ms'),
    normaliseMs: doublePrecision('normalise_ms'),
    storeMs: doublePrecision('store_ms'),
    pageCount: integer('page_count'),
    ocr: boolean('ocr'),
    /** the contract Extraction as produced, kept so later issues can diff, re-store or correct without re-reading */
    extraction: jsonb('extraction').$type<Extraction>(),
  },
  (t) => [index('extraction_runs_source_file_idx').on(t.sourceFileId), index('extraction_runs_status_idx').on(t.status)],
);
