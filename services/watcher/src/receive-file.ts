// A file arrives (from the inbox or `jixiao ingest`): keep its bytes in the archive under their hash and record
// it. The copy is hashed, not the original, so what the archive holds is exactly what the hash names even if
// someone rewrites the original meanwhile.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { recordReceivedFile, type Db, type IntakeResult } from '@jixiao/db';
import { EXTRACTOR_VERSION } from '@jixiao/pipeline';

export interface ReceivedFile extends IntakeResult {
  sha256: string;
  fileName: string;
  sizeBytes: number;
}

/** ab/cd/<sha256>: two levels of 256 folders keep any one folder small. */
export function archivePathOf(sha256: string): string {
  return join(sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export async function receiveFile(deps: { db: Db; archiveDir: string }, path: string): Promise<ReceivedFile> {
  await mkdir(deps.archiveDir, { recursive: true });
  const tmp = join(deps.archiveDir, `.incoming-${randomBytes(6).toString('hex')}`);
  try {
    await copyFile(path, tmp);
    const sha256 = await sha256OfFile(tmp);
    const { size } = await stat(tmp);
    const archivePath = archivePathOf(sha256);
    const target = join(deps.archiveDir, archivePath);
    await mkdir(dirname(target), { recursive: true });
    await rename(tmp, target); // same bytes already archived: replaced by an identical copy
    const fileName = basename(path);
    const intake = await recordReceivedFile(deps.db, { sha256, originalName: fileName, sizeBytes: size, archivePath }, EXTRACTOR_VERSION);
    return { ...intake, sha256, fileName, sizeBytes: size };
  } finally {
    await unlink(tmp).catch(() => {});
  }
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
