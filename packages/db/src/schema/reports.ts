// The contract Report and its parts (funding lines, goals), one row each, under the run that produced them.
import { bigint, bigserial, doublePrecision, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { Box } from '@jixiao/contract';
import { sourceFiles } from './documents.ts';
import { extractionRuns } from './runs.ts';

export const reports = pgTable(
  'reports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: bigint('run_id', { mode: 'number' })
      .notNull()
      .references(() => extractionRuns.id, { onDelete: 'cascade' }),
    sourceFileId: bigint('source_file_id', { mode: 'number' })
      .notNull()
      .references(() => sourceFiles.id),
    /** position of the form in its file, from 0 */
    ordinal: integer('ordinal').notNull(),
    kind: text('kind').notNull(),
    title: text('title'),
    organisation: text('organisation'),
    implementingUnit: text('implementing_unit'),
    projectName: text('project_name'),
    fiscalYear: integer('fiscal_year'),
    totalScore: doublePrecision('total_score'),
    grade: text('grade'),
    pageFrom: integer('page_from'),
    pageTo: integer('page_to'),
  },
  (t) => [
    index('reports_run_idx').on(t.runId),
    index('reports_organisation_idx').on(t.organisation),
    index('reports_fiscal_year_idx').on(t.fiscalYear),
    index('reports_kind_idx').on(t.kind),
  ],
);

export const fundingLines = pgTable(
  'funding_lines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    label: text('label').notNull(),
    unit: text('unit'),
    initialBudget: doublePrecision('initial_budget'),
    annualBudget: doublePrecision('annual_budget'),
    executed: doublePrecision('executed'),
    executionRate: doublePrecision('execution_rate'),
    weight: doublePrecision('weight'),
    score: doublePrecision('score'),
    page: integer('page'),
    box: jsonb('box').$type<Box>(),
  },
  (t) => [index('funding_lines_report_idx').on(t.reportId)],
);

export const goals = pgTable(
  'goals',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    goalIndex: integer('goal_index'),
    target: text('target'),
    actual: text('actual'),
  },
  (t) => [index('goals_report_idx').on(t.reportId)],
);
