// The bytes of a stored version. The path comes from the database, never from the request, and is still checked
// to lie inside ARCHIVE_DIR before anything is read.
import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

export class MissingBytes extends Error {}

export async function readArchived(archiveDir: string, archivePath: string | null, maxBytes: number): Promise<Uint8Array> {
  const { path, size } = await archivedFile(archiveDir, archivePath);
  if (size > maxBytes) throw new MissingBytes(`the file is ${size} bytes, over the limit of ${maxBytes}`);
  return new Uint8Array(await readFile(path));
}

/** Where a version's bytes lie and how many there are, for streaming them. */
export async function archivedFile(archiveDir: string, archivePath: string | null): Promise<{ path: string; size: number }> {
  if (!archivePath) throw new MissingBytes('this version has no stored bytes (an archive member that could not be unpacked)');
  const root = resolve(archiveDir);
  const path = resolve(root, archivePath);
  if (!path.startsWith(root + sep)) throw new MissingBytes('the stored path lies outside the archive');
  const { size } = await stat(path).catch(() => {
    throw new MissingBytes('the archived bytes are missing from ARCHIVE_DIR');
  });
  return { path, size };
}
