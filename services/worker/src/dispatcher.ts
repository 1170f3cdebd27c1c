// Handing a recorded run on, the one way for the watcher, the CLI and the API: to BullMQ when REDIS_URL is set (a
// `jixiao work` on any host takes it), else to the stages in this process, a bounded number at a time and in the
// background. Both follow the crash policy of crash-policy.ts; in-process, an outage that outlasts the tries is
// tried again until the run is finished one way or the other, so a run never stays `processing` behind a
// database that came back.
import pLimit from 'p-limit';
import type { ArchiveStore } from '@jixiao/archive-store';
import type { Config, Logger } from '@jixiao/config';
import { runOutcomes, type Database, type Db } from '@jixiao/db';
import { enqueueExtraction, openExtractQueue, type ExtractJob } from '@jixiao/queue';
import { attemptJob, backoffMs } from './crash-policy.ts';
import type { StageDeps } from './process-stored-file.ts';
import { serviceStageDeps } from './service-stage-deps.ts';

export interface Dispatcher {
  readonly mode: 'queue' | 'inline';
  /** resolves once the run is handed on (queued, or taken by this process), not when it is done */
  dispatch(job: ExtractJob): Promise<void>;
  /** resolves once every given run is done or failed; onFinished is told of each as it finishes */
  settled(runIds: number[], onFinished?: (runId: number) => void): Promise<void>;
  /** stop: queued runs stay queued; in-process runs are finished first */
  close(): Promise<void>;
}

export interface DispatchSettings {
  /** null: run the stages in this process */
  queue: { redisUrl: string; prefix: string } | null;
  stages: StageDeps;
  /** runs at once in this process */
  concurrency: number;
  attempts: number;
  /** first retry delay; doubles each try */
  backoffMs: number;
}

/** The dispatcher the settings ask for. PGlite is one connection: one run at a time on it. */
export function dispatcherFor(config: Config, database: Database, store: ArchiveStore, logger: Logger): Dispatcher {
  const concurrency = database.driver === 'pglite' ? 1 : config.workerConcurrency;
  return createDispatcher({
    queue: config.redisUrl ? { redisUrl: config.redisUrl, prefix: config.queuePrefix } : null,
    stages: serviceStageDeps(config, database.db, store, logger, concurrency),
    concurrency,
    attempts: config.jobAttempts,
    backoffMs: config.jobBackoffMs,
  });
}

export function createDispatcher(settings: DispatchSettings): Dispatcher {
  return settings.queue ? queueDispatcher(settings, settings.queue) : inlineDispatcher(settings);
}

/** How often `settled` looks at the database for runs a worker elsewhere is doing. */
const POLL_MS = 250;

function queueDispatcher(settings: DispatchSettings, queueSettings: { redisUrl: string; prefix: string }): Dispatcher {
  const queue = openExtractQueue({ ...queueSettings, attempts: settings.attempts, backoffMs: settings.backoffMs });
  return {
    mode: 'queue',
    dispatch: async (job) => void (await enqueueExtraction(queue, job)),
    // the database is where every host's outcome lands, whichever worker took the job
    settled: (runIds, onFinished) => pollUntilFinished(settings.stages.db, runIds, onFinished),
    close: async () => {
      await queue.close();
      await settings.stages.extractor?.close();
    },
  };
}

function inlineDispatcher(settings: DispatchSettings): Dispatcher {
  const limit = pLimit(settings.concurrency);
  const running = new Map<number, Promise<void>>();
  const finished = new Set<(runId: number) => void>();
  let closing = false;

  async function run(job: ExtractJob): Promise<void> {
    const log = settings.stages.logger.child({ sha256: job.sha256, file: job.fileName, runId: job.runId });
    const stages = { ...settings.stages, logger: log };
    for (let tried = 1; ; tried++) {
      const attempt = { number: Math.min(tried, settings.attempts), of: settings.attempts };
      try {
        await attemptJob(stages, job, attempt);
        return;
      } catch {
        await sleep(backoffMs(settings.backoffMs, attempt.number));
        // past the last try, only a run that could not be closed (the database still away) is tried again
        if (closing || (tried >= settings.attempts && (await isFinished(settings.stages.db, job.runId)))) return;
      }
    }
  }

  return {
    mode: 'inline',
    async dispatch(job) {
      // a run handed on twice (the start-up reconciliation and the inbox scan both find it) is processed once
      if (running.has(job.runId)) return;
      const p = limit(() => run(job)).finally(() => {
        running.delete(job.runId);
        for (const tell of finished) tell(job.runId);
      });
      running.set(job.runId, p);
    },
    async settled(runIds, onFinished) {
      const waiting = new Set(runIds);
      const tell = (runId: number) => waiting.delete(runId) && onFinished?.(runId);
      finished.add(tell);
      try {
        // runs not handed to this process (already finished, or done elsewhere) are looked up once
        const elsewhere = runIds.filter((id) => !running.has(id));
        await pollUntilFinished(settings.stages.db, elsewhere, tell);
        while (waiting.size > 0) await Promise.all([...waiting].map((id) => running.get(id) ?? Promise.resolve()));
      } finally {
        finished.delete(tell);
      }
    },
    async close() {
      closing = true;
      while (running.size > 0) await Promise.all([...running.values()]);
      await settings.stages.extractor?.close();
    },
  };
}

async function isFinished(db: Db, runId: number): Promise<boolean> {
  try {
    const [outcome] = await runOutcomes(db, [runId]);
    return !outcome || outcome.status === 'done' || outcome.status === 'failed';
  } catch {
    return false;
  }
}

async function pollUntilFinished(db: Db, runIds: number[], onFinished?: (runId: number) => void): Promise<void> {
  const waiting = new Set(runIds);
  while (waiting.size > 0) {
    const outcomes = await runOutcomes(db, [...waiting]).catch(() => []);
    for (const o of outcomes)
      if (o.status === 'done' || o.status === 'failed') {
        waiting.delete(o.runId);
        onFinished?.(o.runId);
      }
    if (waiting.size > 0) await sleep(POLL_MS);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
