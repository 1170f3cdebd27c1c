// A file arrives: copy it to the spool, hash the copy, hand it to
// the archive store under its hash and record it. The copy is hashed, not the original, so what the store holds
// is exactly what the hash names even if someone rewrites the original meanwhile. A ZIP is kept as it came and
// recorded as a container; its members are the files (receive-archive.ts).
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { archivePathOf, type ArchiveStore } from '@jixiao/archive-store';
import type { ArchiveLimits } from '@jixiao/config';
import { recordReceivedFile, type Db, type IntakeResult } from '@jixiao/db';
import { EXTRACTOR_VERSION } from '@jixiao/pipeline';
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
    await copyFile(path, tmp);
    const sha256 = await sha256OfFile(tmp);
    const { size } = await stat(tmp);
    const zip = await zipArchiveBytes(tmp);
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
    return { ...intake, sha256, fileName, sizeBytes: size, jobs, runIds: jobs.map((j) => j.runId), archive: null };
  } finally {
    await unlink(tmp).catch(() => {});
  }
}
