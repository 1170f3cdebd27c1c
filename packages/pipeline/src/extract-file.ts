// extractFile(bytes, meta) → Extraction: detect type, pick reader, reconstruct, normalise, validate.
// Pure of storage and queue: the CLI, the worker and the tests all call this one function.
import { createHash } from 'node:crypto';
import { ErrorCode, ExtractionError, SCHEMA_VERSION, WarningCode, type Extraction, type PageGeometry, type Warning } from '@jixiao/contract';
import type { Layout, ReadOptions } from '@jixiao/layout';
import { readerFor } from '@jixiao/readers';
import { reconstruct } from '@jixiao/reconstruct';
import { FORM_VOCABULARY } from '@jixiao/vocabulary';
import { detectMediaType } from './detect-type.ts';
import { normaliseReport } from './normalise-report.ts';
import { validateReport } from './validate-report.ts';

export const EXTRACTOR_VERSION = '0.1.0';

export interface ExtractMeta extends Omit<ReadOptions, 'fileName' | 'signal'> {
  fileName: string;
  archivePath?: string | null;
  maxBytes?: number;
}

export interface StageTimings {
  readMs: number;
  reconstructMs: number;
  normaliseMs: number;
}

export interface ExtractOutcome {
  extraction: Extraction;
  timings: StageTimings;
}

export const emptyFileMessage = (fileName: string) => `${fileName}: the file is empty (0 bytes)`;

export async function extractFile(bytes: Uint8Array, meta: ExtractMeta): Promise<Extraction> {
  return (await extractFileTimed(bytes, meta)).extraction;
}

export async function extractFileTimed(bytes: Uint8Array, meta: ExtractMeta): Promise<ExtractOutcome> {
  if (bytes.length === 0) throw new ExtractionError(ErrorCode.EmptyFile, emptyFileMessage(meta.fileName));
  if (meta.maxBytes && bytes.length > meta.maxBytes)
    throw new ExtractionError(ErrorCode.FileTooLarge, `${meta.fileName}: ${bytes.length} bytes is over the limit of ${meta.maxBytes} bytes`);
  const mediaType = await detectMediaType(bytes);
  const read = mediaType ? await readerFor(mediaType) : null;
  if (!mediaType || !read)
    throw new ExtractionError(ErrorCode.UnsupportedFormat, `${meta.fileName}: unsupported file type (${mediaType ?? 'unrecognised bytes'})`);

  const t0 = performance.now();
  const { fileName, archivePath: _, maxBytes: __, ...budget } = meta;
  const { layout, warnings: readWarnings, cut } = await read(bytes, { fileName, ...budget, vocabulary: FORM_VOCABULARY });
  const t1 = performance.now();
  const { reports: drafts, warnings: reconstructWarnings } = reconstruct(layout);
  const t2 = performance.now();
  const warnings: Warning[] = [...readWarnings, ...reconstructWarnings];
  const reports = drafts.map((draft) => {
    const { report, warnings: w } = normaliseReport(draft);
    warnings.push(...draft.warnings, ...w, ...validateReport(report));
    return report;
  });
  const t3 = performance.now();
  if (reports.length === 0) warnings.push({ code: WarningCode.NoFormsFound, message: `${meta.fileName}: no self-evaluation form was found in this file`, page: null });

  const extraction: Extraction = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      fileName: meta.fileName,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      mediaType,
      pageCount: layout.pageCount,
      ocr: layout.pages.some((p) => p.ocr),
      ...(meta.archivePath ? { archivePath: meta.archivePath } : {}),
      ...(cut ? { readCut: cut } : {}),
      ...pageGeometryOf(layout.pages),
    },
    reports,
    warnings,
  };
  return { extraction, timings: { readMs: t1 - t0, reconstructMs: t2 - t1, normaliseMs: t3 - t2 } };
}

/** the pages OCR turned or deskewed; boxes on them are on the straightened page, and a viewer must know how */
function pageGeometryOf(pages: Layout['pages']): { pageGeometry?: PageGeometry[] } {
  const straightened = pages.flatMap((p) => (p.geometry && (p.geometry.turn !== 0 || p.geometry.skewDegrees !== 0) ? [{ page: p.number, ...p.geometry }] : []));
  return straightened.length > 0 ? { pageGeometry: straightened } : {};
}
