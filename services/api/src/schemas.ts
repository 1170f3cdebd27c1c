// The API's request shapes, in zod: Fastify validates with them and the OpenAPI document is generated from them.
// `jixiao export` parses its options with the same IndicatorQuery, so the CLI and the API filter alike.
import { z } from 'zod';
import { CORRECTABLE_FIELDS, INDICATOR_SORTS, type IndicatorFilter } from '@jixiao/db';

const text = z.string().trim().min(1).max(200);
const year = z.coerce.number().int().min(1990).max(2100);
/** query strings carry booleans as text: true/false, 1/0, yes/no */
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
/** a boolean-or-null as the contract spells it (`attained`: true, false, null), with yes/no/unknown and 1/0 kept as
 * synonyms; → the filter's yes/no/unknown */
const tristate = z
  .enum(['true', 'false', 'null', 'yes', 'no', 'unknown', '1', '0'])
  .transform((v) => (v === 'true' || v === 'yes' || v === '1' ? 'yes' : v === 'false' || v === 'no' || v === '0' ? 'no' : 'unknown'));
export const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const IndicatorFilterQuery = z.object({
  organisation: text.optional().describe('substring of the organisation (单位)'),
  fiscalYear: year.optional().describe('年度'),
  kind: z.enum(['department', 'project', 'transfer_payment', 'unknown']).optional().describe('report kind'),
  project: text.optional().describe('substring of the project name (项目名称)'),
  level1: text.optional().describe('一级指标, exact'),
  level2: text.optional().describe('二级指标, exact'),
  attained: tristate.optional().describe('是否达成: true, false or null (undecided); yes/no/unknown also accepted'),
  lowConfidence: flag.optional().describe('only rows whose OCR confidence is below confidenceBelow'),
  confidenceBelow: z.coerce.number().min(0).max(1).optional(),
  q: text.optional().describe('substring of the level-3 indicator (三级指标)'),
  documentId: Id.optional(),
  corrected: flag.optional().describe('only corrected (true) or uncorrected (false) rows'),
});

export const IndicatorQuery = IndicatorFilterQuery.extend({
  sort: z.enum(INDICATOR_SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const ExportQuery = IndicatorFilterQuery.extend({ format: z.enum(EXPORT_FORMATS).default('csv') });

export function filterOf(q: z.infer<typeof IndicatorFilterQuery>): IndicatorFilter {
  const { organisation, fiscalYear, kind, project, level1, level2, attained, lowConfidence, confidenceBelow, q: search, documentId, corrected } = q;
  return { organisation, fiscalYear, kind, project, level1, level2, attained, lowConfidence, confidenceBelow, q: search, documentId, corrected };
}

export const DocumentQuery = z.object({
  organisation: text.optional(),
  fiscalYear: year.optional(),
  kind: z.enum(['department', 'project', 'transfer_payment', 'unknown']).optional(),
  status: z.enum(['queued', 'processing', 'done', 'failed']).optional(),
  hasWarnings: flag.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const DocumentParams = z.object({ id: Id });
export const VersionQuery = z.object({ version: z.coerce.number().int().positive().optional().describe('document version; the current one when left out') });
export const PageParams = z.object({ id: Id, page: z.coerce.number().int().min(1).max(10_000) });

export const CorrectionBody = z.object({
  sourceFileId: Id.describe('the document version (source file) the row belongs to'),
  reportOrdinal: z.number().int().min(0),
  rowOrdinal: z.number().int().min(0),
  field: z.enum(CORRECTABLE_FIELDS),
  /** null puts the extracted value back */
  value: z.string().trim().max(500).nullable(),
  by: z.string().trim().min(1).max(100).describe('who corrects (the analyst’s name)'),
  note: z.string().trim().max(1000).optional(),
});

export const ReprocessBody = z.object({
  documentId: Id.optional(),
  organisation: text.optional(),
  fiscalYear: year.optional(),
  failed: z.boolean().optional(),
  all: z.boolean().optional(),
});

export const ErrorReply = z.object({ error: z.string(), message: z.string() });
