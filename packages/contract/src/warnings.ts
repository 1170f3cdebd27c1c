// Warnings are output for a person, never a control channel: a program that must act on what a stage survived
// reads an explicit field (Source.readCut for a read cut short), not a warning's code or text. The catalogue
// beside ErrorCode names every code a stage may emit; a location says where, in fields, not in the message.
import { z } from 'zod';

export const WarningCode = {
  // readers
  CharsetMismatch: 'CharsetMismatch',
  UnknownCharset: 'UnknownCharset',
  NestedTable: 'NestedTable',
  ConvertedByLibreOffice: 'ConvertedByLibreOffice',
  DocxAltChunk: 'DocxAltChunk',
  HiddenSheetSkipped: 'HiddenSheetSkipped',
  HiddenRowsSkipped: 'HiddenRowsSkipped',
  HiddenColumnsSkipped: 'HiddenColumnsSkipped',
  /** cells far from the rest of a sheet (XFD1048576 beside a form) left out so that the form is read */
  FarCellsSkipped: 'FarCellsSkipped',
  /** the file has more pages (PDF pages, workbook sheets) than the page limit; Source.readCut says so too */
  PageLimit: 'PageLimit',
  /** the read stopped when its time budget ran out; Source.readCut says so too */
  TimeBudget: 'TimeBudget',
  NoTextLayer: 'NoTextLayer',
  EmptyPage: 'EmptyPage',
  PageUnreadable: 'PageUnreadable',
  PageTurned: 'PageTurned',
  OcrLowConfidence: 'OcrLowConfidence',
  OcrStopped: 'OcrStopped',
  /** a scanned page's table was built from the positions of its text lines: the rules found did not explain them */
  TableFromTextLines: 'TableFromTextLines',
  // reconstruction
  UnknownColumn: 'UnknownColumn',
  NoFormsFound: 'NoFormsFound',
  // validation: the form's own arithmetic, kept as printed
  ScoreAboveWeight: 'ScoreAboveWeight',
  ExecutionRateMismatch: 'ExecutionRateMismatch',
  FundingTotalZero: 'FundingTotalZero',
  TotalMismatch: 'TotalMismatch',
  WeightsNot100: 'WeightsNot100',
} as const;
export type WarningCode = (typeof WarningCode)[keyof typeof WarningCode];

/** Where a warning points, as far as the stage knows: a table, a column by its printed header, a row. */
export const WarningLocation = z.object({
  /** the table block's index in the layout */
  table: z.number().int().nullable().optional(),
  /** the header text of the column, as printed */
  column: z.string().nullable().optional(),
  /** 1-based indicator row or funding line within its report */
  row: z.number().int().nullable().optional(),
});
export type WarningLocation = z.infer<typeof WarningLocation>;

/** A read that stopped before the file's end: the forms it holds may be half read. */
export const ReadCut = z.object({
  reason: z.enum(['pageLimit', 'timeBudget']),
  /** pages (sheets) read, and how many the file has */
  pagesRead: z.number().int().min(0),
  pageCount: z.number().int().min(0).nullable(),
});
export type ReadCut = z.infer<typeof ReadCut>;
