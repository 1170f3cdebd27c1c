// The stages for one recorded file, shared by the queue worker and inline `jixiao ingest`: read the archived
// bytes, extract, store in one transaction. Bad input (ExtractionError) closes the run as failed with its
// code and message, and so does a reader that crashes on the bytes (the same bytes would crash it again);
// anything else (database down, archive unreadable) is thrown for the caller to retry or report.
import { isMissingArchived, type ArchiveStore } from '@jixiao/archive-store';
import type { FileBudget, Logger } from '@jixiao/config';
import { ErrorCode, ExtractionError, isExtractionError } from '@jixiao/contract';
import { markRunFailed, saveExtraction, startRun, type Db } from '@jixiao/db';
import { extractFileTimed, type ExtractSource, type IsolatedExtractor } from '@jixiao/pipeline';
import { refuseIncomplete } from './refuse-incomplete.ts';

export interface StageDeps {
  db: Db;
  store: ArchiveStore;
  /** the file's budget; the fields beyond these three default to the readers' own */
  limits: Pick<FileBudget, 'maxBytes' | 'maxPages' | 'timeBudgetMs'> & Partial<FileBudget>;
  /** threads one OCR job may use (OCR_THREADS); the reader's own default when absent */
  ocrThreads?: number;
  /** the job's logger, bound to { sha256, file, runId } by the caller */
  logger: Logger;
  /** test hook: sleep this long inside the stage (a test kills the worker meanwhile) */
  stageDelayMs?: number;
  /**
   * where the stages run: the services pass a child-process extractor (a crash, an out-of-memory or a hang
   * costs the child, not the service); without one they run in this process (tests of the stages)
   */
  extractor?: IsolatedExtractor;
}

export type ProcessOutcome =
  | { status: 'done'; runId: number; reports: number; indicators: number }
  | { status: 'failed'; runId: number; code: string; message: string }
  | { status: 'skipped'; runId: number };

/** `signal` cancels the extraction (the child is stopped); the run is then left to the caller, not failed. */
export async function processStoredFile(deps: StageDeps, runId: number, options: { signal?: AbortSignal } = {}): Promise<ProcessOutcome> {
  const t0 = performance.now();
  const run = await startRun(deps.db, runId);
  if (!run) {
    deps.logger.info({ runId }, 'run already finished: skipped');
    return { status: 'skipped', runId };
  }
  const log = deps.logger;
  try {
    if (!run.archivePath) throw new ExtractionError(ErrorCode.CorruptFile, `${run.archiveMemberPath ?? run.fileName}: no bytes were stored for this file`);
    if (deps.stageDelayMs) await new Promise((r) => setTimeout(r, deps.stageDelayMs));
    const meta = { fileName: run.fileName, archivePath: run.archiveMemberPath, ...deps.limits, ocrThreads: deps.ocrThreads };
    const { extraction, timings } = deps.extractor
      ? await deps.extractor.extract(await sourceOf(deps, run.sha256 ?? '', run.fileName), meta, options)
      : await extractStage(await readArchived(deps, run.sha256 ?? '', run.fileName), meta);
    const refused = refuseIncomplete(extraction, deps.limits.maxPages);
    if (refused) throw refused;
    const stored = await saveExtraction(deps.db, run, extraction, timings);
    if (!stored) {
      log.info('run finished meanwhile by another worker: skipped');
      return { status: 'skipped', runId };
    }
    log.info(
      {
        status: 'done',
        attempt: run.attempts,
        ms: { readMs: round(timings.readMs), reconstructMs: round(timings.reconstructMs), normaliseMs: round(timings.normaliseMs), storeMs: round(stored.storeMs), totalMs: round(performance.now() - t0) },
        rows: { reports: stored.reports, indicators: stored.indicators, fundingLines: stored.fundingLines, goals: stored.goals, warnings: stored.warnings },
      },
      'extraction stored',
    );
    return { status: 'done', runId, reports: stored.reports, indicators: stored.indicators };
  } catch (err) {
    if (!isExtractionError(err)) throw err;
    await markRunFailed(deps.db, runId, err.code, err.message);
    log.warn({ status: 'failed', code: err.code, message: err.message, ms: { totalMs: round(performance.now() - t0) } }, 'extraction failed');
    return { status: 'failed', runId, code: err.code, message: err.message };
  }
}

/** The pure stages; whatever they throw is about these bytes, never an outage, so it is an ExtractionError. */
async function extractStage(bytes: Uint8Array, meta: Parameters<typeof extractFileTimed>[1]) {
  try {
    return await extractFileTimed(bytes, meta);
  } catch (err) {
    if (isExtractionError(err)) throw err;
    const what = meta.archivePath ?? meta.fileName;
    throw new ExtractionError(ErrorCode.CorruptFile, `${what}: the file could not be read (${(err as Error).message})`, { cause: err });
  }
}

/**
 * What the extraction child reads: the archived file itself when the store keeps it on this host (its bytes then
 * never pass through this process or the pipe to the child: for a ZIP of a thousand MiB-sized members that was
 * most of the cost), else the bytes.
 */
async function sourceOf(deps: StageDeps, sha256: string, fileName: string): Promise<ExtractSource> {
  if (!deps.store.localPath) return { bytes: await readArchived(deps, sha256, fileName) };
  try {
    return { path: await deps.store.localPath(sha256, deps.limits.maxBytes) };
  } catch (err) {
    throw tooLargeAsBadInput(err, fileName);
  }
}

/**
 * The stored bytes, refused before reading when over the limit. Bytes missing from the store are thrown as they
 * are, not as bad input: retried like an outage, and only the last try leaves the run failed with the reason.
 */
async function readArchived(deps: StageDeps, sha256: string, fileName: string): Promise<Uint8Array> {
  try {
    return await deps.store.get(sha256, deps.limits.maxBytes);
  } catch (err) {
    throw tooLargeAsBadInput(err, fileName);
  }
}

function tooLargeAsBadInput(err: unknown, fileName: string): unknown {
  if (isMissingArchived(err) && err.tooLarge)
    return new ExtractionError(ErrorCode.FileTooLarge, `${fileName}: ${err.tooLarge.sizeBytes} bytes is over the limit of ${err.tooLarge.maxBytes} bytes`);
  return err;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
