// The archive in a local directory (ARCHIVE_DIR): the embedded set-up, and one-host deployments.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { archivePathOf, MissingArchived, refuseTooLarge, type ArchiveStore } from './archive-store.ts';

export function openLocalStore(dir: string): ArchiveStore {
  const root = resolve(dir);
  const made = new Set<string>();
  const pathOf = (sha256: string) => join(root, archivePathOf(sha256));
  const sizeOf = async (sha256: string) =>
    (
      await stat(pathOf(sha256)).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') throw new MissingArchived(sha256, `no bytes are kept under ${sha256} in ${root}`);
        throw err;
      })
    ).size;
  return {
    location: root,
    ready: async () => void (await mkdir(root, { recursive: true })),
    async put(sha256, body) {
      const target = pathOf(sha256);
      // each of the 65,536 folders made once per process, not once per file (a ZIP of a thousand members)
      if (!made.has(dirname(target))) {
        await mkdir(dirname(target), { recursive: true });
        made.add(dirname(target));
      }
      // written beside the target and renamed, so a reader never sees half a file
      const tmp = join(root, `.incoming-${randomBytes(6).toString('hex')}`);
      try {
        if (body instanceof Uint8Array) await writeFile(tmp, body);
        else await rename(body.path, tmp).catch(() => copyFile(body.path, tmp)); // another file system: copied
        await rename(tmp, target); // the same bytes already kept: replaced by an identical copy
      } finally {
        await unlink(tmp).catch(() => {});
      }
      return archivePathOf(sha256);
    },
    async get(sha256, maxBytes) {
      // refused before reading: a multi-gigabyte file dropped by mistake must not be loaded into memory
      refuseTooLarge(sha256, await sizeOf(sha256), maxBytes);
      return new Uint8Array(await readFile(pathOf(sha256)));
    },
    async localPath(sha256, maxBytes) {
      refuseTooLarge(sha256, await sizeOf(sha256), maxBytes);
      return pathOf(sha256);
    },
    async open(sha256) {
      const sizeBytes = await sizeOf(sha256);
      return { sizeBytes, body: createReadStream(pathOf(sha256)) };
    },
    exists: (sha256) => stat(pathOf(sha256)).then(() => true, () => false),
    close: async () => {},
  };
}
