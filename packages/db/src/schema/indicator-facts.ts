// The analyst's views: one row per indicator with its report's context. indicator_facts holds the current
// version of each document only; indicator_facts_all every version (docs/versions.md).
// Created in custom migrations (migrations/0003_indicator_facts_versions.sql); declared here only so code can
// query them typed.
import { bigint, boolean, doublePrecision, integer, jsonb, pgView, text, timestamp } from 'drizzle-orm/pg-core';
import type { Box } from '@jixiao/contract';

// a function, not one object: each view gets its own column builders
const factColumns = () => ({
  indicatorId: bigint('indicator_id', { mode: 'number' }).notNull(),
  reportId: bigint('report_id', { mode: 'number' }).notNull(),
  runId: bigint('run_id', { mode: 'number' }).notNull(),
  sourceFileId: bigint('source_file_id', { mode: 'number' }).notNull(),
  documentId: bigint('document_id', { mode: 'number' }).notNull(),
  documentVersion: integer('document_version').notNull(),
  isCurrent: boolean('is_current').notNull(),
  sha256: text('sha256').notNull(),
  fileName: text('file_name').notNull(),
  archiveMemberPath: text('archive_member_path'),
  organisation: text('organisation'),
  implementingUnit: text('implementing_unit'),
  fiscalYear: integer('fiscal_year'),
  reportKind: text('report_kind').notNull(),
  projectName: text('project_name'),
  reportTitle: text('report_title'),
  goal: text('goal'),
  level1: text('level1'),
  level2: text('level2'),
  level3: text('level3'),
  targetRaw: text('target_raw').notNull(),
  targetKind: text('target_kind').notNull(),
  targetOp: text('target_op'),
  targetValue: doublePrecision('target_value'),
  targetUnit: text('target_unit'),
  targetDate: text('target_date'),
  actualRaw: text('actual_raw').notNull(),
  actualKind: text('actual_kind').notNull(),
  actualOp: text('actual_op'),
  actualValue: doublePrecision('actual_value'),
  actualUnit: text('actual_unit'),
  actualDate: text('actual_date'),
  weight: doublePrecision('weight'),
  score: doublePrecision('score'),
  attained: boolean('attained'),
  deviation: text('deviation'),
  core: boolean('core'),
  page: integer('page'),
  confidence: doublePrecision('confidence'),
  // issue 9 (migrations/0005_corrections_views.sql): provenance, and corrections applied over the extraction
  reportOrdinal: integer('report_ordinal').notNull(),
  rowOrdinal: integer('row_ordinal').notNull(),
  box: jsonb('box').$type<Box>(),
  targetBox: jsonb('target_box').$type<Box>(),
  actualBox: jsonb('actual_box').$type<Box>(),
  corrected: boolean('corrected').notNull(),
  correctedFields: text('corrected_fields').array(),
  lastCorrectedAt: timestamp('last_corrected_at', { withTimezone: true }),
  extractedTargetRaw: text('extracted_target_raw').notNull(),
  extractedActualRaw: text('extracted_actual_raw').notNull(),
  extractedWeight: doublePrecision('extracted_weight'),
  extractedScore: doublePrecision('extracted_score'),
  extractedAttained: boolean('extracted_attained'),
});

export const indicatorFacts = pgView('indicator_facts', factColumns()).existing();
export const indicatorFactsAll = pgView('indicator_facts_all', factColumns()).existing();
