// A ZIP dropped in: the archive itself is kept and recorded as a container (never extracted); each member is
// kept under its own hash and recorded as a source file with its path inside the archive, then handed on like
// any file. A member that cannot be unpacked (traversal name, damage, limits) is recorded as a failed run with
// its code and message, once: failing again would not change. The same ZIP dropped twice adds nothing; a
// corrected ZIP adds only the members whose bytes changed, each as the next version of its document.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { unpackZip, type ArchiveMember } from '@jixiao/archive';
import type { ArchiveStore } from '@jixiao/archive-store';
import type { ArchiveLimits } from '@jixiao/config';
import { ErrorCode, isExtractionError } from '@jixiao/contract';
import { markRunFailed, recordFailedArrival, recordReceivedFile, type Db, type IntakeResult } from '@jixiao/db';
import { detectMediaType, emptyFileMessage, EXTRACTOR_VERSION, MEDIA } from '@jixiao/pipeline';
import type { ExtractJob } from '@jixiao/queue';
import { headOf } from './spooled-file.ts';

export interface ArchiveIntake {
  container: IntakeResult;
  /** members read from the archive (new or already known) */
  members: number;
  /** members that could not be unpacked (or the archive itself, when it cannot be opened) */
  failures: { archivePath: string; code: string; message: string }[];
  jobs: ExtractJob[];
  runIds: number[];
}

interface ContainerFile {
  sha256: string;
  originalName: string;
  sizeBytes: number;
  archivePath: string;
  logicalPath: string;
}

/** A ZIP archive's bytes, or null for anything else (the ZIP-based documents, DOCX, XLSX, ODF, included). */
export async function zipArchiveBytes(path: string): Promise<Uint8Array | null> {
  const head = await headOf(path, 4);
  if (head[0] !== 0x50 || head[1] !== 0x4b) return null;
  // file-type tells a DOCX from a plain ZIP by the members it finds: it needs the bytes, not just the head
  const bytes = new Uint8Array(await readFile(path));
  return (await detectMediaType(bytes)) === MEDIA.zip ? bytes : null;
}

export async function receiveArchive(
  deps: { db: Db; store: ArchiveStore; archiveLimits?: ArchiveLimits; onJob?: (job: ExtractJob) => Promise<void> },
  file: ContainerFile,
  bytes: Uint8Array,
): Promise<ArchiveIntake> {
  const { db } = deps;
  const container = await recordReceivedFile(db, { ...file, mediaType: MEDIA.zip }, EXTRACTOR_VERSION, { createRun: false });
  // paths inside the archive are named after the name it first came under, so a copy under another name
  // finds its members (and its members' failures) already recorded
  const archiveName = container.originalName;
  const out: ArchiveIntake = { container, members: 0, failures: [], jobs: [], runIds: [] };
  const prefix = `${archiveName}!/`;
  // an empty member has no bytes to tell it apart from another empty file: it fails in its own name
  const empty: { archivePath: string; code: string; message: string }[] = [];
  // each member archived and recorded as it is read, then let go
  const onMember = async (member: ArchiveMember) => {
    if (member.bytes.length === 0) {
      empty.push({ archivePath: member.archivePath, code: ErrorCode.EmptyFile, message: emptyFileMessage(basename(member.path)) });
      return;
    }
    const archivePath = await deps.store.put(member.sha256, member.bytes);
    const intake = await recordReceivedFile(
      db,
      {
        sha256: member.sha256,
        originalName: basename(member.path),
        sizeBytes: member.bytes.length,
        archivePath,
        logicalPath: `${file.logicalPath}!/${member.path}`,
        archiveMemberPath: member.archivePath,
        containerId: container.sourceFileId,
      },
      EXTRACTOR_VERSION,
    );
    out.members++;
    if (intake.runId !== null) {
      const job = { runId: intake.runId, sha256: member.sha256, fileName: basename(member.path) };
      out.jobs.push(job);
      out.runIds.push(intake.runId);
      await deps.onJob?.(job);
    }
  };
  let unpacked;
  try {
    unpacked = await unpackZip(bytes, { archiveName, ...deps.archiveLimits, onMember });
  } catch (err) {
    if (!isExtractionError(err)) throw err;
    // the archive itself cannot be opened: the ZIP's own run fails, once
    const failed = await recordReceivedFile(db, file, EXTRACTOR_VERSION);
    if (failed.runId !== null) {
      await markRunFailed(db, failed.runId, err.code, err.message);
      out.runIds.push(failed.runId);
    }
    out.failures.push({ archivePath: archiveName, code: err.code, message: err.message });
    return out;
  }
  for (const failure of [...unpacked.failures, ...empty]) {
    out.failures.push(failure);
    const inside = failure.archivePath.startsWith(prefix) ? failure.archivePath.slice(prefix.length) : failure.archivePath;
    const { failedRunId: runId } = await recordFailedArrival(
      db,
      {
        containerId: container.sourceFileId,
        archiveMemberPath: failure.archivePath,
        logicalPath: `${file.logicalPath}!/${inside}`,
        originalName: basename(inside),
        code: failure.code,
        message: failure.message,
      },
      EXTRACTOR_VERSION,
    );
    if (runId !== null) out.runIds.push(runId);
  }
  return out;
}
