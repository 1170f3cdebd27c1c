// The archive: every file's bytes kept once, under their sha256, whatever name or archive they came in.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** ab/cd/<sha256>: two levels of 256 folders keep any one folder small. */
export function archivePathOf(sha256: string): string {
  return join(sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Keep bytes already in memory (a ZIP member) in the archive under their hash; returns the archive path. */
export async function archiveBytes(archiveDir: string, sha256: string, bytes: Uint8Array): Promise<string> {
  const archivePath = archivePathOf(sha256);
  const target = join(archiveDir, archivePath);
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(archiveDir, `.incoming-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  } finally {
    await unlink(tmp).catch(() => {});
  }
  return archivePath;
}

/** The first bytes of a file (to recognise its type without reading it whole). */
export async function headOf(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = new Uint8Array(length);
    const { bytesRead } = await handle.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
