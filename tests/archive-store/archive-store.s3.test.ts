// One suite, both stores: the local directory and an S3-compatible server (s3rver over HTTP), through the same
// interface the watcher, worker and API use.
import { randomBytes, createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMissingArchived, openLocalStore, openS3Store, type ArchiveStore } from '@jixiao/archive-store';
import { startS3Server, type TestS3Server } from '../support/s3-server.ts';

let s3: TestS3Server;
let work: string;
beforeAll(async () => {
  s3 = await startS3Server();
  work = await mkdtemp(join(tmpdir(), 'jixiao-store-'));
});
afterAll(async () => {
  await s3?.close();
  await rm(work, { recursive: true, force: true });
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const STORES: [string, () => ArchiveStore][] = [
  ['local directory', () => openLocalStore(join(work, 'archive'))],
  ['S3', () => openS3Store(s3.settings('jixiao-archive', 'province/2021'))],
];

describe.each(STORES)('archive store: %s', (_name, open) => {
  let store: ArchiveStore;
  beforeAll(async () => {
    store = open();
    await store.ready(); // makes the bucket or folder
    await store.ready(); // and finds it there the second time
  });
  afterAll(() => store.close());

  it('keeps bytes under their hash and gives them back', async () => {
    const bytes = randomBytes(70_000);
    const key = sha(bytes);
    expect(await store.exists(key)).toBe(false);
    expect(await store.put(key, bytes)).toBe(`${key.slice(0, 2)}/${key.slice(2, 4)}/${key}`);
    expect(await store.exists(key)).toBe(true);
    expect(Buffer.from(await store.get(key))).toEqual(bytes);
    await store.put(key, bytes); // the same bytes again: harmless
    expect(Buffer.from(await store.get(key))).toEqual(bytes);
  });

  it('takes a spooled file and leaves nothing of it behind', async () => {
    const bytes = randomBytes(5000);
    const path = join(work, `spooled-${randomBytes(4).toString('hex')}`);
    await writeFile(path, bytes);
    await store.put(sha(bytes), { path, sizeBytes: bytes.length });
    expect(Buffer.from(await store.get(sha(bytes)))).toEqual(bytes);
    await expect(import('node:fs/promises').then((fs) => fs.stat(path))).rejects.toThrow(/ENOENT/);
  });

  it('says when bytes are missing or too large, before reading them', async () => {
    const missing = 'f'.repeat(64);
    const err = await store.get(missing).catch((e: unknown) => e);
    expect(isMissingArchived(err) && err.tooLarge).toBe(null);
    const bytes = randomBytes(2000);
    await store.put(sha(bytes), bytes);
    const big = await store.get(sha(bytes), 1000).catch((e: unknown) => e);
    expect(isMissingArchived(big) && big.tooLarge).toEqual({ sizeBytes: 2000, maxBytes: 1000 });
  });

  it('names a local path to read the bytes from when it keeps files on this host, refused like get', async () => {
    if (!store.localPath) return expect(_name).toBe('S3');
    const bytes = randomBytes(3000);
    await store.put(sha(bytes), bytes);
    expect(await readFile(await store.localPath(sha(bytes), 3000))).toEqual(bytes);
    const big = await store.localPath(sha(bytes), 1000).catch((e: unknown) => e);
    expect(isMissingArchived(big) && big.tooLarge).toEqual({ sizeBytes: 3000, maxBytes: 1000 });
    const missing = await store.localPath('e'.repeat(64)).catch((e: unknown) => e);
    expect(isMissingArchived(missing) && missing.tooLarge).toBe(null);
  });
});

describe('S3 store outage', () => {
  it('is an error of its own, not missing bytes, and passes when the store is back', async () => {
    const store = openS3Store(s3.settings('jixiao-outage'));
    await store.ready();
    const bytes = randomBytes(100);
    await store.put(sha(bytes), bytes);
    await s3.stop();
    try {
      const err = await store.get(sha(bytes)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(isMissingArchived(err)).toBe(false);
      await expect(store.exists(sha(bytes))).rejects.toThrow();
    } finally {
      await s3.start();
    }
    expect(Buffer.from(await store.get(sha(bytes)))).toEqual(bytes);
    await store.close();
  });
});
