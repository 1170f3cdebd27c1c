// One row per performance indicator, with target and actual spread into typed columns so analysts can filter
// and compare in SQL (target_op = 'ge' AND actual_value < target_value) without parsing JSON.
import { bigint, bigserial, boolean, doublePrecision, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { Box, Value } from '@jixiao/contract';
import { reports } from './reports.ts';

export const indicators = pgTable(
  'indicators',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    goal: text('goal'),
    level1: text('level1'),
    level2: text('level2'),
    level3: text('level3'),

    targetRaw: text('target_raw').notNull(),
    targetKind: text('target_kind').notNull(),
    targetOp: text('target_op'),
    targetValue: doublePrecision('target_value'),
    targetUnit: text('target_unit'),
    targetBase: doublePrecision('target_base'),
    targetBaseUnit: text('target_base_unit'),
    targetMin: doublePrecision('target_min'),
    targetMax: doublePrecision('target_max'),
    /** YYYY-MM or YYYY-MM-DD as printed precision allows */
    targetDate: text('target_date'),
    targetLabel: text('target_label'),
    targetNote: text('target_note'),
    /** the parts of a compound value (two targets in one cell), as contract Values */
    targetParts: jsonb('target_parts').$type<Value[]>(),

    actualRaw: text('actual_raw').notNull(),
    actualKind: text('actual_kind').notNull(),
    actualOp: text('actual_op'),
    actualValue: doublePrecision('actual_value'),
    actualUnit: text('actual_unit'),
    actualBase: doublePrecision('actual_base'),
    actualBaseUnit: text('actual_base_unit'),
    actualMin: doublePrecision('actual_min'),
    actualMax: doublePrecision('actual_max'),
    actualDate: text('actual_date'),
    actualLabel: text('actual_label'),
    actualNote: text('actual_note'),
    actualParts: jsonb('actual_parts').$type<Value[]>(),

    weight: doublePrecision('weight'),
    score: doublePrecision('score'),
    deviation: text('deviation'),
    attained: boolean('attained'),
    core: boolean('core'),
    page: integer('page'),
    /** lowest OCR confidence (0..1) among the row's value cells; null where no OCR was involved */
    confidence: doublePrecision('confidence'),
    box: jsonb('box').$type<Box>(),
    targetBox: jsonb('target_box').$type<Box>(),
    actualBox: jsonb('actual_box').$type<Box>(),
  },
  (t) => [
    index('indicators_report_idx').on(t.reportId),
    index('indicators_attained_idx').on(t.attained),
    index('indicators_levels_idx').on(t.level1, t.level2),
    index('indicators_target_kind_idx').on(t.targetKind),
  ],
);
