// The extraction contract (see packages/contract/schema/report.schema.json and the upstream README).
// Schemas are the types: everything else infers its TypeScript types from here.
import { ReadCut, WarningLocation } from './warnings.ts';
import { z } from 'zod';

export const SCHEMA_VERSION = '1' as const;

export const Op = z.enum(['eq', 'ge', 'gt', 'le', 'lt', 'approx']);
export type Op = z.infer<typeof Op>;

export const ValueKind = z.enum(['number', 'percent', 'money', 'date', 'range', 'text', 'compound', 'empty']);
export type ValueKind = z.infer<typeof ValueKind>;

/** A box in page coordinates (points for PDF, pixels scaled to points for scans), origin top-left. */
export const Box = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
export type Box = z.infer<typeof Box>;

export interface Value {
  raw: string;
  kind: ValueKind;
  op: Op | null;
  value: number | null;
  unit: string | null;
  base?: number | null;
  baseUnit?: string | null;
  min?: number | null;
  max?: number | null;
  date?: string | null;
  label?: string | null;
  parts?: Value[];
  /** project addition: what the normaliser decided about a qualifier it kept out of `value` (e.g. 余/多 → "more_than"). */
  note?: string | null;
}

export const Value: z.ZodType<Value> = z.lazy(() =>
  z.object({
    raw: z.string(),
    kind: ValueKind,
    op: Op.nullable(),
    value: z.number().nullable(),
    unit: z.string().nullable(),
    base: z.number().nullable().optional(),
    baseUnit: z.string().nullable().optional(),
    min: z.number().nullable().optional(),
    max: z.number().nullable().optional(),
    date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).nullable().optional(),
    label: z.string().nullable().optional(),
    parts: z.array(Value).optional(),
    note: z.string().nullable().optional(),
  }),
);

export const Warning = z.object({
  /** one of WarningCode (warnings.ts) */
  code: z.string(),
  message: z.string(),
  page: z.number().int().nullable().optional(),
  /** project addition: where, in fields a program can read */
  location: WarningLocation.optional(),
});
export type Warning = z.infer<typeof Warning>;

export const Goal = z.object({
  index: z.number().int().nullable(),
  target: z.string().nullable(),
  actual: z.string().nullable(),
});
export type Goal = z.infer<typeof Goal>;

export const FundingLine = z.object({
  label: z.string(),
  unit: z.string().nullable(),
  initialBudget: z.number().nullable(),
  annualBudget: z.number().nullable(),
  executed: z.number().nullable(),
  executionRate: z.number().nullable(),
  weight: z.number().nullable(),
  score: z.number().nullable(),
  /** project addition: provenance */
  page: z.number().int().nullable().optional(),
  box: Box.nullable().optional(),
});
export type FundingLine = z.infer<typeof FundingLine>;

export const Indicator = z.object({
  goal: z.string().nullable(),
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  level3: z.string().nullable(),
  target: Value,
  actual: Value,
  weight: z.number().nullable(),
  score: z.number().nullable(),
  deviation: z.string().nullable(),
  attained: z.boolean().nullable(),
  page: z.number().int().nullable(),
  /** project addition: ★ core indicator mark */
  core: z.boolean().optional(),
  /** project addition: provenance of the row and of its target/actual cells */
  box: Box.nullable().optional(),
  targetBox: Box.nullable().optional(),
  actualBox: Box.nullable().optional(),
  /** project addition: lowest OCR confidence (0..1) among the row's value cells, where OCR read it */
  confidence: z.number().nullable().optional(),
});
export type Indicator = z.infer<typeof Indicator>;

export const ReportKind = z.enum(['department', 'project', 'transfer_payment', 'unknown']);
export type ReportKind = z.infer<typeof ReportKind>;

export const Report = z.object({
  kind: ReportKind,
  title: z.string().nullable(),
  organisation: z.string().nullable(),
  implementingUnit: z.string().nullable(),
  projectName: z.string().nullable(),
  fiscalYear: z.number().int().nullable(),
  funding: z.array(FundingLine),
  goals: z.array(Goal),
  indicators: z.array(Indicator),
  totalScore: z.number().nullable(),
  grade: z.string().nullable(),
  pages: z.tuple([z.number().int(), z.number().int()]).nullable(),
});
export type Report = z.infer<typeof Report>;

/** How one scanned page was straightened before it was read: its boxes are on the straightened page. */
export const PageGeometry = z.object({
  page: z.number().int().min(1),
  /** degrees clockwise the page was turned first (scanned on its side or upside down) */
  turn: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  /** then this much skew was undone about the page's centre (positive: the scan leant clockwise) */
  skewDegrees: z.number(),
});
export type PageGeometry = z.infer<typeof PageGeometry>;

export const Source = z.object({
  fileName: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.string(),
  pageCount: z.number().int().min(0).nullable(),
  ocr: z.boolean(),
  /** project addition: path inside an archive (`archive.zip!/dir/file.pdf`), where the file came from one */
  archivePath: z.string().nullable().optional(),
  /** project addition: set where the read stopped before the file's end (page limit, time budget) */
  readCut: ReadCut.nullable().optional(),
  /** project addition: the pages that were turned or deskewed before OCR, so a viewer can draw boxes on them */
  pageGeometry: z.array(PageGeometry).optional(),
});
export type Source = z.infer<typeof Source>;

export const Extraction = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: Source,
  reports: z.array(Report),
  warnings: z.array(Warning),
});
export type Extraction = z.infer<typeof Extraction>;
