// The inbox is a boundary: the watcher takes regular files inside it only. A symlink to a host file, a link to
// a folder outside, and a FIFO are refused without being opened (a FIFO must not hold the watcher's shutdown),
// and a regular file dropped after them is still taken.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@jixiao/config';
import { openDatabase, type Database } from '@jixiao/db';
import type { ExtractJob } from '@jixiao/queue';
import { NotRegularFile, receiveFile, startInboxWatcher } from '@jixiao/watcher';

describe('the inbox as a boundary (embedded database)', () => {
  let work: string;
  let database: Database;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'jixiao-inbox-'));
    database = openDatabase({ databaseUrl: null, pgliteDir: join(work, 'pglite') });
    await database.migrate();
  });
  afterAll(async () => {
    await database?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('refuses symlinks and FIFOs, takes the regular file dropped after them, and stops promptly', async () => {
    const inbox = join(work, 'inbox');
    const outside = join(work, 'host');
    await mkdir(inbox, { recursive: true });
    await mkdir(join(outside, 'folder'), { recursive: true });
    await writeFile(join(outside, 'shadow'), 'root:secret\n');
    await writeFile(join(outside, 'folder', 'inner.txt'), 'host folder\n');
    await symlink(join(outside, 'shadow'), join(inbox, 'shadow.txt'));
    await symlink(join(outside, 'folder'), join(inbox, 'linked-folder'));
    execFileSync('mkfifo', [join(inbox, 'pipe.txt')]);

    const jobs: ExtractJob[] = [];
    const lines: string[] = [];
    const logger = createLogger({ logLevel: 'info' }, { write: (s: string) => void lines.push(s) });
    const watcher = await startInboxWatcher({
      inboxDir: inbox,
      archiveDir: join(work, 'archive'),
      fileStableMs: 100,
      db: database.db,
      dispatch: async (job) => void jobs.push(job),
      logger,
    });
    await writeFile(join(inbox, 'form.txt'), '项目名称\t测试\n');
    const deadline = Date.now() + 10_000;
    while (jobs.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    const t0 = performance.now();
    await watcher.close();
    expect(performance.now() - t0).toBeLessThan(2000);

    expect(jobs.map((j) => j.fileName)).toEqual(['form.txt']);
    const refused = lines.map((l) => JSON.parse(l) as { msg: string }).filter((l) => /not a regular file/.test(l.msg)).map((l) => l.msg);
    expect(refused.some((m) => m.includes('shadow.txt: a symbolic link'))).toBe(true);
    expect(refused.some((m) => m.includes('linked-folder: a symbolic link'))).toBe(true);
    // chokidar does not report the FIFO at all; handed one anyway, the copy refuses it without blocking
    await expect(receiveFile({ db: database.db, archiveDir: join(work, 'archive'), regularFilesOnly: true }, join(inbox, 'pipe.txt'))).rejects.toBeInstanceOf(NotRegularFile);
  });
});
