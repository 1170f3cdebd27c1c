// The watcher service: files appearing in INBOX_DIR (and those already there at start) are, once they have
// finished being written, archived, recorded and handed on: to the queue (REDIS_URL set) or, in the embedded
// set-up, to the stages in this same process. Extraction itself is not the watcher's business.
// At start it reconciles the database with the queue: every run not finished is handed on again (a job lost
// with a Redis restart, or a hand-over that never happened), so no recorded file is forgotten.
import { lstat, mkdir } from 'node:fs/promises';
import { relative } from 'node:path';
import { watch } from 'chokidar';
import type { ArchiveLimits, Logger } from '@jixiao/config';
import { unfinishedRuns, type Db } from '@jixiao/db';
import type { ExtractJob } from '@jixiao/queue';
import { FileStabilityTracker } from './file-stability-tracker.ts';
import { isIgnoredName } from './ignored-names.ts';
import { NotRegularFile, receiveFile } from './receive-file.ts';

export interface WatcherDeps {
  inboxDir: string;
  archiveDir: string;
  /** how long a file must stay unchanged before it is read */
  fileStableMs: number;
  archiveLimits?: ArchiveLimits;
  maxBytes?: number;
  db: Db;
  /** hand a newly recorded file on: enqueue it, or process it inline */
  dispatch: (job: ExtractJob) => Promise<void>;
  logger: Logger;
}

export interface InboxWatcher {
  close(): Promise<void>;
}

/** A failed hand-over (database or Redis down) is tried again after this long. */
const RETRY_MS = 5000;

/** Resolves once the files already in the inbox have been seen. */
export async function startInboxWatcher(deps: WatcherDeps): Promise<InboxWatcher> {
  const log = deps.logger.child({ service: 'watcher' });
  const tracker = new FileStabilityTracker(deps.fileStableMs);
  const inFlight = new Set<Promise<void>>();
  const retries = new Set<NodeJS.Timeout>();

  await mkdir(deps.inboxDir, { recursive: true });
  const watcher = watch(deps.inboxDir, {
    ignoreInitial: false,
    alwaysStat: true,
    // a link is not followed into a folder outside the inbox; a linked file is refused when read (receive-file.ts)
    followSymlinks: false,
    // a folder can be ignored too (.git, .Trash): the name rules are the same
    ignored: (path) => path !== deps.inboxDir && isIgnoredName(path),
  });
  watcher.on('add', (path, stats) => stats && tracker.observe(path, stats));
  watcher.on('change', (path, stats) => stats && tracker.observe(path, stats));
  watcher.on('unlink', (path) => tracker.forget(path));
  watcher.on('error', (err) => log.error({ err }, 'inbox watch error'));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  log.info({ inbox: deps.inboxDir, stableMs: deps.fileStableMs }, 'watching inbox');

  /** Hand on every unfinished run again; retried until the database and the queue answer. */
  async function reconcile(): Promise<void> {
    try {
      const runs = await unfinishedRuns(deps.db);
      await Promise.all(runs.map((run) => deps.dispatch(run)));
      log.info({ runs: runs.length }, 'reconciled: unfinished runs handed on again');
    } catch (err) {
      log.error({ err }, `could not reconcile the database with the queue; trying again in ${RETRY_MS / 1000} s`);
      const t = setTimeout(() => {
        retries.delete(t);
        track(reconcile());
      }, RETRY_MS);
      retries.add(t);
    }
  }

  function track(p: Promise<void>): void {
    const tracked = p.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }

  async function handOver(path: string): Promise<void> {
    const file = relative(deps.inboxDir, path);
    try {
      const received = await receiveFile({ ...deps, regularFilesOnly: true }, path, file);
      const fileLog = log.child({ sha256: received.sha256, file, runId: received.runId });
      if (received.archive) {
        const { members, failures } = received.archive;
        fileLog.info({ members, newMembers: received.jobs.length, failures: failures.length }, 'archive received');
        for (const f of failures) fileLog.warn({ member: f.archivePath, code: f.code }, f.message);
      } else if (received.jobs.length === 0) {
        fileLog.info('already received: nothing to do');
        return;
      } else fileLog.info({ sizeBytes: received.sizeBytes }, 'received');
      await Promise.all(received.jobs.map((job) => deps.dispatch(job)));
    } catch (err) {
      if (err instanceof NotRegularFile) {
        log.warn({ file }, err.message);
        return;
      }
      log.error({ err, file }, `could not hand over the file; trying again in ${RETRY_MS / 1000} s`);
      const t = setTimeout(() => {
        retries.delete(t);
        // an impossible state makes the next look count as a change, so the file settles (and is retried) again
        tracker.observe(path, { size: -1, mtimeMs: -1 });
      }, RETRY_MS);
      retries.add(t);
    }
  }

  async function tick(): Promise<void> {
    // look again at every pending file: a copy can grow without the watcher reporting each write
    for (const path of tracker.pending()) {
      try {
        tracker.observe(path, await lstat(path));
      } catch {
        tracker.forget(path);
      }
    }
    for (const path of tracker.takeSettled()) track(handOver(path));
  }

  track(reconcile());

  let ticking: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    ticking = ticking.then(tick);
  }, Math.max(50, Math.min(500, deps.fileStableMs / 4)));

  return {
    async close() {
      clearInterval(timer);
      for (const t of retries) clearTimeout(t);
      await watcher.close();
      await ticking;
      await Promise.all(inFlight);
      log.info('watcher stopped');
    },
  };
}
