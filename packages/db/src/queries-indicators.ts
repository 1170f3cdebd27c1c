// The analysts' indicator query: filters, counts, sorting and paging over indicator_facts (the current version of
// each document, corrections applied). Shared by the API, the review page and `jixiao export`.
import { and, asc, desc, eq, getViewSelectedFields, ilike, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from './database.ts';
import { indicatorFacts } from './schema/index.ts';

export interface IndicatorFilter {
  /** substring of the organisation (主管部门/单位) */
  organisation?: string;
  fiscalYear?: number;
  /** report kind: department | project | transfer_payment | unknown */
  kind?: string;
  /** substring of the project name */
  project?: string;
  level1?: string;
  level2?: string;
  /** 'yes' attained, 'no' not attained, 'unknown' could not be decided */
  attained?: 'yes' | 'no' | 'unknown';
  /** only rows whose OCR confidence is below `confidenceBelow` */
  lowConfidence?: boolean;
  confidenceBelow?: number;
  /** substring of the level-3 indicator name */
  q?: string;
  documentId?: number;
  corrected?: boolean;
}

export const INDICATOR_SORTS = ['organisation', 'fiscalYear', 'project', 'level1', 'level2', 'level3', 'weight', 'score', 'attained', 'confidence', 'file'] as const;
export type IndicatorSort = (typeof INDICATOR_SORTS)[number];

export interface IndicatorPage {
  sort?: IndicatorSort;
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** OCR confidence under this counts as low unless a filter says otherwise (tesseract's own "unsure" is ~0.6–0.8). */
export const DEFAULT_LOW_CONFIDENCE = 0.8;

export type IndicatorFact = typeof indicatorFacts.$inferSelect;

export interface IndicatorCounts {
  total: number;
  attained: number;
  notAttained: number;
  unknown: number;
  lowConfidence: number;
  corrected: number;
}

const f = indicatorFacts;

const SORT_COLUMNS = {
  organisation: f.organisation,
  fiscalYear: f.fiscalYear,
  project: f.projectName,
  level1: f.level1,
  level2: f.level2,
  level3: f.level3,
  weight: f.weight,
  score: f.score,
  attained: f.attained,
  confidence: f.confidence,
  file: f.fileName,
} satisfies Record<IndicatorSort, unknown>;

/** `%` and `_` typed by an analyst are literal characters, not patterns. */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

export function indicatorWhere(filter: IndicatorFilter): SQL | undefined {
  const threshold = filter.confidenceBelow ?? DEFAULT_LOW_CONFIDENCE;
  const conditions = [
    filter.organisation ? ilike(f.organisation, contains(filter.organisation)) : undefined,
    filter.fiscalYear !== undefined ? eq(f.fiscalYear, filter.fiscalYear) : undefined,
    filter.kind ? eq(f.reportKind, filter.kind) : undefined,
    filter.project ? ilike(f.projectName, contains(filter.project)) : undefined,
    filter.level1 ? eq(f.level1, filter.level1) : undefined,
    filter.level2 ? eq(f.level2, filter.level2) : undefined,
    filter.attained === 'yes' ? eq(f.attained, true) : undefined,
    filter.attained === 'no' ? eq(f.attained, false) : undefined,
    filter.attained === 'unknown' ? isNull(f.attained) : undefined,
    filter.lowConfidence ? lt(f.confidence, threshold) : undefined,
    filter.q ? ilike(f.level3, contains(filter.q)) : undefined,
    filter.documentId !== undefined ? eq(f.documentId, filter.documentId) : undefined,
    filter.corrected === true ? eq(f.corrected, true) : undefined,
    filter.corrected === false ? eq(f.corrected, false) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export async function countIndicators(db: Db, filter: IndicatorFilter): Promise<IndicatorCounts> {
  const threshold = filter.confidenceBelow ?? DEFAULT_LOW_CONFIDENCE;
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      attained: sql<number>`count(*) FILTER (WHERE ${f.attained})::int`,
      notAttained: sql<number>`count(*) FILTER (WHERE NOT ${f.attained})::int`,
      unknown: sql<number>`count(*) FILTER (WHERE ${f.attained} IS NULL)::int`,
      lowConfidence: sql<number>`count(*) FILTER (WHERE ${f.confidence} < ${threshold})::int`,
      corrected: sql<number>`count(*) FILTER (WHERE ${f.corrected})::int`,
    })
    .from(f)
    .where(indicatorWhere(filter));
  return row!;
}

export async function listIndicators(db: Db, filter: IndicatorFilter, page: IndicatorPage): Promise<IndicatorFact[]> {
  const column = SORT_COLUMNS[page.sort ?? 'organisation'];
  const direction = page.order === 'desc' ? desc : asc;
  // a stable tie-break (file, report, row) so pages never overlap or skip rows
  return db
    .select()
    .from(f)
    .where(indicatorWhere(filter))
    .orderBy(direction(column), asc(f.documentId), asc(f.reportOrdinal), asc(f.rowOrdinal))
    .limit(page.limit)
    .offset(page.offset);
}

/**
 * The view's columns under their TypeScript names, bigints as numbers. Exports read rows with this list through
 * execute(): drizzle's per-cell result mapping cost more than the query itself for 100,000 rows × 54 columns.
 */
const FACT_COLUMNS = sql.join(
  Object.entries(getViewSelectedFields(indicatorFacts)).map(([key, column]) => {
    const c = column as PgColumn;
    return sql`${sql.identifier(c.name)}${c.columnType === 'PgBigInt53' ? sql`::float8` : sql``} AS ${sql.identifier(key)}`;
  }),
  sql`, `,
);

/**
 * Every matching row in batches, in a stable order, for exports: keyset paging on (indicator id) keeps each batch
 * as cheap as the first however far in the export is; the next batch is fetched while the caller writes this one.
 */
export async function* eachIndicator(db: Db, filter: IndicatorFilter, batchSize = 5000): AsyncGenerator<IndicatorFact[]> {
  const where = indicatorWhere(filter);
  const batch = (after: number) =>
    db
      .execute(sql`SELECT ${FACT_COLUMNS} FROM ${f} WHERE ${where ?? sql`true`} AND ${f.indicatorId} > ${after} ORDER BY ${f.indicatorId} LIMIT ${batchSize}`)
      .then((r) => (r as unknown as { rows: IndicatorFact[] }).rows);
  let next = batch(0);
  for (;;) {
    const rows = await next;
    if (rows.length === 0) return;
    if (rows.length === batchSize) next = batch(rows[rows.length - 1]!.indicatorId);
    yield rows;
    if (rows.length < batchSize) return;
  }
}

/** The distinct values of the filter columns, for the page's drop-downs (at most 500 of each). */
export async function indicatorFacets(db: Db): Promise<{ organisations: string[]; fiscalYears: number[]; level1: string[]; level2: string[] }> {
  const texts = async (column: typeof f.organisation | typeof f.level1 | typeof f.level2) => {
    const rows = await db.selectDistinct({ v: column }).from(f).where(sql`${column} <> ''`).orderBy(asc(column)).limit(500);
    return rows.map((r) => r.v!);
  };
  const years = await db.selectDistinct({ v: f.fiscalYear }).from(f).where(sql`${f.fiscalYear} IS NOT NULL`).orderBy(desc(f.fiscalYear));
  return { organisations: await texts(f.organisation), fiscalYears: years.map((r) => r.v!), level1: await texts(f.level1), level2: await texts(f.level2) };
}
