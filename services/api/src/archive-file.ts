// The bytes of a stored version, from the archive store (a local directory or the shared S3 store). The key is the
// version's sha256 from the database, never anything from the request.
import { isMissingArchived, type ArchiveStore } from '@jixiao/archive-store';

export class MissingBytes extends Error {}

export async function readArchived(store: ArchiveStore, file: { sha256: string | null; archivePath: string | null }, maxBytes: number): Promise<Uint8Array> {
  if (!file.archivePath || !file.sha256) throw new MissingBytes('this version has no stored bytes (an archive member that could not be unpacked)');
  try {
    return await store.get(file.sha256, maxBytes);
  } catch (e) {
    if (!isMissingArchived(e)) throw e;
    throw new MissingBytes(e.tooLarge ? `the file is ${e.tooLarge.sizeBytes} bytes, over the limit of ${e.tooLarge.maxBytes}` : 'the archived bytes are missing from the archive store');
  }
}

/** A version's bytes as a stream with their size, for sending on: a 100 MB original is never held in memory. */
export async function openArchived(store: ArchiveStore, file: { sha256: string | null; archivePath: string | null }) {
  if (!file.archivePath || !file.sha256) throw new MissingBytes('this version has no stored bytes (an archive member that could not be unpacked)');
  return store.open(file.sha256).catch((e: unknown) => {
    if (isMissingArchived(e)) throw new MissingBytes('the archived bytes are missing from the archive store');
    throw e;
  });
}
