// A file arrives: copy it to the spool, hash the copy, hand it to
// the archive store under its hash and record it. The copy is hashed, not the original, so what the store holds
// is exactly what the hash names even if someone rewrites the original meanwhile. A ZIP is kept as it came and
// recorded as a container; its members are the files (receive-archive.ts).
import { randomBytes } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { copyFile, mkdir, open, stat, unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { basename, join } from 'node:path';
import { archivePathOf, type ArchiveStore } from '@jixiao/archive-store';
import type { ArchiveLimits } from '@jixiao/config';
import { ErrorCode } from '@jixiao/contract';
import { recordFailedArrival, recordReceivedFile, type Db, type IntakeResult } from '@jixiao/db';
import { emptyFileMessage, EXTRACTOR_VERSION } from '@jixiao/pipeline';
import type { ExtractJob } from '@jixiao/queue';
import { zipArchiveBytes, receiveArchive, type ArchiveIntake } from './receive-archive.ts';
import { sha256OfFile } from './spooled-file.ts';

export interface ReceiveDeps {
  db: Db;
  store: ArchiveStore;
  /** where an arriving file is copied and hashed before the store takes it (a local folder of this host) */
  spoolDir: string;
  /** unpackZip's limits; the defaults of @jixiao/archive when absent */
  archiveLimits?: ArchiveLimits;
  /** a file larger than this (MAX_FILE_MB) is recorded but never opened, a ZIP included: its run fails as FileTooLarge */
  maxBytes?: number;
  /**
   * take regular files only, never through a symlink (the inbox: anyone may drop a link to /etc/shadow there);
   * anything else throws NotRegularFile. `jixiao ingest` follows the links it is given.
   */
  regularFilesOnly?: boolean;
  /** told of each run to hand on the moment it is recorded (a ZIP's members one by one); `jobs` lists them all too */
  onJob?: (job: ExtractJob) => Promise<void>;
}

/** What a watched inbox refuses: a symlink, a FIFO, a device, a socket or a folder where a file was expected. */
export class NotRegularFile extends Error {
  constructor(path: string, what: string) {
    super(`${path}: ${what}, not a regular file; not read`);
    this.name = 'NotRegularFile';
  }
}

export interface ReceivedFile extends IntakeResult {
  sha256: string;
  fileName: string;
  sizeBytes: number;
  /** what to hand on to the stages: the file's queued run, or for a ZIP each new member's */
  jobs: ExtractJob[];
  /** every run this arrival recorded or found waiting, member failures included (for summaries) */
  runIds: number[];
  /** set when the file is a ZIP */
  archive: ArchiveIntake | null;
}

/**
 * Archive and record the file at `path`. `logicalPath` is where it sits in the inbox (or under the folder given
 * to `jixiao ingest`): new bytes at a logical path seen before become the next version of that document.
 */
export async function receiveFile(deps: ReceiveDeps, path: string, logicalPath = basename(path)): Promise<ReceivedFile> {
  await mkdir(deps.spoolDir, { recursive: true });
  const tmp = join(deps.spoolDir, `.incoming-${randomBytes(6).toString('hex')}`);
  try {
    await copyIn(path, tmp, deps.regularFilesOnly ?? false);
    const sha256 = await sha256OfFile(tmp);
    const { size } = await stat(tmp);
    if (size === 0) return await receiveEmptyFile(deps.db, basename(path), logicalPath, sha256);
    // a file over MAX_FILE_MB is never opened as a ZIP
    const zip = size <= (deps.maxBytes ?? Infinity) ? await zipArchiveBytes(tmp) : null;
    // bytes another host already stored are not sent again
    const archivePath = (await deps.store.exists(sha256)) ? archivePathOf(sha256) : await deps.store.put(sha256, { path: tmp, sizeBytes: size });
    const fileName = basename(path);
    const file = { sha256, originalName: fileName, sizeBytes: size, archivePath, logicalPath };
    if (zip) {
      const archive = await receiveArchive(deps, file, zip);
      return { ...archive.container, runId: null, sha256, fileName, sizeBytes: size, jobs: archive.jobs, runIds: archive.runIds, archive };
    }
    const intake = await recordReceivedFile(deps.db, file, EXTRACTOR_VERSION);
    const jobs = intake.runId === null ? [] : [{ runId: intake.runId, sha256, fileName }];
    for (const job of jobs) await deps.onJob?.(job);
    return { ...intake, sha256, fileName, sizeBytes: size, jobs, runIds: jobs.map((j) => j.runId), archive: null };
  } finally {
    await unlink(tmp).catch(() => {});
  }
}

/** Every empty file hashes alike: it is recorded by where it arrived, as a failure of its own (nothing to archive). */
async function receiveEmptyFile(db: Db, fileName: string, logicalPath: string, sha256: string): Promise<ReceivedFile> {
  const arrival = { containerId: null, archiveMemberPath: null, logicalPath, originalName: fileName };
  const failed = await recordFailedArrival(db, { ...arrival, code: ErrorCode.EmptyFile, message: emptyFileMessage(fileName) }, EXTRACTOR_VERSION);
  const runIds = failed.failedRunId === null ? [] : [failed.failedRunId];
  return { ...failed, runId: null, newFile: failed.failedRunId !== null, originalName: fileName, sha256, fileName, sizeBytes: 0, jobs: [], runIds, archive: null };
}

/**
 * Copy into the archive. For regular files only, the file is opened without following a symlink and without
 * blocking (a FIFO would otherwise hold the copy, and the watcher's shutdown, until someone writes to it), and
 * what was opened is checked: the check and the copy are of the same file.
 */
async function copyIn(path: string, tmp: string, regularFilesOnly: boolean): Promise<void> {
  if (!regularFilesOnly) return copyFile(path, tmp);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new NotRegularFile(path, 'a symbolic link');
    throw err;
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new NotRegularFile(path, st.isFIFO() ? 'a FIFO' : st.isDirectory() ? 'a folder' : st.isSocket() ? 'a socket' : 'a device');
    await pipeline(handle.createReadStream({ autoClose: false, start: 0 }), createWriteStream(tmp));
  } finally {
    await handle.close();
  }
}
