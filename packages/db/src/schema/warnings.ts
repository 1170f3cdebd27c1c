// What a run survived: reader, reconstruction and validation warnings, kept beside the rows they concern.
import { bigint, bigserial, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { extractionRuns } from './runs.ts';

export const warnings = pgTable(
  'warnings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: bigint('run_id', { mode: 'number' })
      .notNull()
      .references(() => extractionRuns.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
    page: integer('page'),
  },
  (t) => [index('warnings_run_idx').on(t.runId), index('warnings_code_idx').on(t.code)],
);
