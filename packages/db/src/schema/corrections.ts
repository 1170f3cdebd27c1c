// Analyst corrections, kept apart from the extraction. One row per edit (who, when, old and new value), never
// updated: the newest edit of a field wins, and an edit with new_value NULL puts the extracted value back.
// A correction is keyed by the document version (source_files row) and a stable row key: the report's position
// in the file and the row's position in the report, with the row's level1/2/3 as a guard. Indicator ids change
// on every re-run; this key does not, so a correction survives re-running the same version. If a newer extractor
// moves rows, the guard stops a correction from landing on a different indicator (it is then listed as unmatched).
import { bigint, bigserial, boolean, doublePrecision, index, integer, jsonb, pgTable, pgView, text, timestamp } from 'drizzle-orm/pg-core';
import type { Value } from '@jixiao/contract';
import { sourceFiles } from './documents.ts';

export const CORRECTABLE_FIELDS = ['target', 'actual', 'weight', 'score'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const indicatorCorrections = pgTable(
  'indicator_corrections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sourceFileId: bigint('source_file_id', { mode: 'number' })
      .notNull()
      .references(() => sourceFiles.id),
    reportOrdinal: integer('report_ordinal').notNull(),
    rowOrdinal: integer('row_ordinal').notNull(),
    level1: text('level1'),
    level2: text('level2'),
    level3: text('level3'),
    field: text('field').$type<CorrectableField>().notNull(),
    /** the value shown before this edit (the extraction's or an earlier correction's), as text */
    oldValue: text('old_value'),
    /** as the analyst typed it; NULL reverts the field to the extraction */
    newValue: text('new_value'),
    /** target/actual: the typed value parsed from new_value by the same normaliser the pipeline uses */
    newParsed: jsonb('new_parsed').$type<Value>(),
    /** weight/score: the number */
    newNumber: doublePrecision('new_number'),
    /** target/actual: attained() of the row's target and actual once this edit applies */
    attainedAfter: boolean('attained_after'),
    correctedBy: text('corrected_by').notNull(),
    correctedAt: timestamp('corrected_at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note'),
  },
  (t) => [index('indicator_corrections_key_idx').on(t.sourceFileId, t.reportOrdinal, t.rowOrdinal)],
);

/**
 * The corrections in force, one row per corrected indicator row: the newest edit of each field, reverted fields
 * left out. Created in a custom migration (drizzle-kit does not manage views); declared here to query it typed.
 */
export const indicatorCorrectionsCurrent = pgView('indicator_corrections_current', {
  sourceFileId: bigint('source_file_id', { mode: 'number' }).notNull(),
  reportOrdinal: integer('report_ordinal').notNull(),
  rowOrdinal: integer('row_ordinal').notNull(),
  level1: text('level1'),
  level2: text('level2'),
  level3: text('level3'),
  target: jsonb('target').$type<Value>(),
  actual: jsonb('actual').$type<Value>(),
  hasWeight: boolean('has_weight').notNull(),
  weight: doublePrecision('weight'),
  hasScore: boolean('has_score').notNull(),
  score: doublePrecision('score'),
  attained: boolean('attained'),
  fields: text('fields').array().notNull(),
  lastCorrectedAt: timestamp('last_corrected_at', { withTimezone: true }).notNull(),
}).existing();
