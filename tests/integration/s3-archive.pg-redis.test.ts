// The deployed shape with the shared S3 store (s3rver over HTTP) in place of ARCHIVE_DIR: files go through the
// watcher and the worker with nothing on a local disk but the spool, and a store outage is ridden out like a
// database outage: the hand-over and the job are retried, and no file fails for it.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openS3Store } from '@jixiao/archive-store';
import { sourceFiles } from '@jixiao/db';
import { startS3Server, type TestS3Server } from '../support/s3-server.ts';
import { startStack, until, untilSettled, type Stack } from './support/stack.ts';

const FORMS = fileURLToPath(new URL('../../fixtures/forms/seed-001/', import.meta.url));

describe('the archive in an S3-compatible store', () => {
  let s3: TestS3Server;
  let stack: Stack;
  beforeAll(async () => {
    s3 = await startS3Server();
    const store = openS3Store(s3.settings('jixiao-it', 'inbox'));
    await store.ready();
    stack = await startStack({ label: 's3_archive', store, attempts: 6, backoffMs: 300 });
    await mkdir(stack.inbox, { recursive: true });
  });
  afterAll(async () => {
    await stack?.close();
    await stack?.store.close();
    await s3?.close();
  });

  it('stores and extracts through the store, and rides out its outage in the worker and the watcher', async () => {
    await stack.startWatcher();
    await copyFile(join(FORMS, 'form.tsv.txt'), join(stack.inbox, 'form.tsv.txt'));
    await copyFile(join(FORMS, 'form.pdf'), join(stack.inbox, 'form.pdf'));
    await until(async () => (await stack.statuses()).queued === 2, 20_000, 'two files received');
    const files = await stack.database.db.select().from(sourceFiles);
    for (const f of files) expect(await stack.store.exists(f.sha256!), f.originalName).toBe(true);

    // the store goes away before the worker reads the bytes: its jobs are retried, none fails
    await s3.stop();
    await stack.startWorker();
    await stack.log.waitFor((l) => l.msg === 'job failed; will retry', 20_000);
    // and a file dropped meanwhile waits in the inbox: the watcher tries the hand-over again
    await copyFile(join(FORMS, 'form.docx'), join(stack.inbox, 'form.docx'));
    await stack.log.waitFor((l) => /could not hand over the file/.test(String(l.msg)), 20_000);
    expect((await stack.statuses()).failed).toBe(0);
    await s3.start();

    const settled = await untilSettled(stack, 3, 60_000);
    expect(settled).toMatchObject({ done: 3, failed: 0 });
  }, 120_000);
});
