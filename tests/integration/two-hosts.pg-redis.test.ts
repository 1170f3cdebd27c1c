// Beyond one machine: worker hosts that share nothing but Redis, Postgres and the S3 store. Each host is a network
// namespace with its own empty data folder, reaching the three services over its veth link (forwarders bound to
// the link's address stand in for servers that listen on 127.0.0.1 only). 300 files go through the watcher; one
// host is SIGKILLed mid-run and a new one started: every file ends done or failed with its reason, none is lost,
// no run or row is doubled, and the killed host's jobs are taken over. Needs root and iproute2 (CI runs as root); named .pg-redis so it runs with the service suites.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openS3Store } from '@jixiao/archive-store';
import { loadTestSettings } from '@jixiao/config';
import { extractionRuns, indicators, reports, sourceFiles } from '@jixiao/db';
import { extractFile } from '@jixiao/pipeline';
import { createTestHost, namespacesUnavailable, type TestHost } from '../support/netns.ts';
import { startS3Server, type TestS3Server } from '../support/s3-server.ts';
import { startTcpForwarder, type TcpForwarder } from '../support/tcp-forwarder.ts';
import { startStack, until, untilSettled, type Stack } from './support/stack.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEEDS = join(ROOT, 'fixtures/seeds');
const FILES = 300;
const BROKEN = 6;
const BUCKET = 'jixiao-hosts';

const unavailable = namespacesUnavailable();

interface WorkerHost {
  host: TestHost;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  child: ChildProcess | null;
  output: string;
}

describe.skipIf(unavailable !== null)(`two worker hosts sharing Redis, Postgres and S3${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let stack: Stack;
  let s3: TestS3Server;
  const hosts: WorkerHost[] = [];
  const forwarders: TcpForwarder[] = [];
  const net = 100 + (process.pid % 100);

  beforeAll(async () => {
    s3 = await startS3Server();
    const store = openS3Store(s3.settings(BUCKET, 'received'));
    await store.ready();
    stack = await startStack({ label: 'two_hosts', store, attempts: 4, backoffMs: 300 });
    const { adminDatabaseUrl } = loadTestSettings();
    const pg = new URL(adminDatabaseUrl);
    const redis = new URL(stack.redisUrl);
    for (const [i, label] of ['a', 'b', 'c'].entries()) {
      const host = createTestHost(label, net, i + 1);
      // the services as this host sees them: over its link, through forwarders bound to the link's address
      const at = (target: { host: string; port: number }) => startTcpForwarder(target, { host: host.gateway });
      const pgFwd = await at({ host: pg.hostname, port: Number(pg.port || 5432) });
      const redisFwd = await at({ host: redis.hostname, port: Number(redis.port || 6379) });
      const s3Fwd = await at({ host: '127.0.0.1', port: s3.port });
      forwarders.push(pgFwd, redisFwd, s3Fwd);
      const dbUrl = new URL(stack.scratch.url);
      dbUrl.host = `${host.gateway}:${pgFwd.port}`;
      const dataDir = join(stack.work, `host-${label}`);
      await mkdir(dataDir, { recursive: true });
      const s3Settings = s3.settings(BUCKET);
      hosts.push({
        host,
        dataDir,
        child: null,
        output: '',
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: dbUrl.toString(),
          REDIS_URL: `redis://${host.gateway}:${redisFwd.port}`,
          QUEUE_PREFIX: stack.prefix,
          ARCHIVE_URL: `s3://${BUCKET}/received`,
          S3_ENDPOINT: `http://${host.gateway}:${s3Fwd.port}`,
          AWS_ACCESS_KEY_ID: s3Settings.credentials!.accessKeyId,
          AWS_SECRET_ACCESS_KEY: s3Settings.credentials!.secretAccessKey,
          DATA_DIR: dataDir,
          WORKER_CONCURRENCY: '2',
          JOB_ATTEMPTS: '4',
          JOB_BACKOFF_MS: '300',
          WORKER_LOCK_MS: '4000',
          WORKER_STALLED_INTERVAL_MS: '1000',
          // each job lasts a little, so the kill lands while the host holds jobs
          JIXIAO_TEST_STAGE_DELAY_MS: '150',
          LOG_LEVEL: 'info',
        },
      });
    }
  }, 120_000);

  afterAll(async () => {
    const running = hosts.filter((h) => h.child && h.child.exitCode === null && h.child.signalCode === null);
    await Promise.all(running.map((h) => new Promise((r) => (h.child!.once('exit', r), h.child!.kill('SIGKILL')))));
    for (const f of forwarders) await f.stop().catch(() => {});
    for (const h of hosts) h.host.remove();
    await stack?.close();
    await stack?.store.close();
    await s3?.close();
  });

  function startWorker(h: WorkerHost): void {
    h.child = h.host.spawn(process.execPath, [join(ROOT, 'bin/jixiao.mjs'), 'work'], { env: h.env, cwd: h.dataDir, stdio: ['ignore', 'pipe', 'pipe'] });
    h.child.stdout!.on('data', (d) => (h.output += d));
    h.child.stderr!.on('data', (d) => (h.output += d));
  }
  const storedBy = (h: WorkerHost) => h.output.split('\n').filter((l) => l.includes('"extraction stored"')).length;

  it('loses no file and doubles nothing when a host dies mid-run and another takes over', async () => {
    const [a, b, c] = hosts;
    startWorker(a);
    startWorker(b);

    // 300 files through the watcher: distinct variants of one seed, and a few that cannot be read
    const seed = await readFile(join(SEEDS, (await readdir(SEEDS)).sort()[2]), 'utf8');
    await mkdir(stack.inbox, { recursive: true });
    await stack.startWatcher();
    for (let i = 0; i < FILES - BROKEN; i++) await writeFile(join(stack.inbox, `form-${i}.txt`), `${seed}\n备注 host test ${i}\n`);
    for (let i = 0; i < BROKEN; i++) await writeFile(join(stack.inbox, `broken-${i}.pdf`), randomBytes(3000));

    await until(async () => storedBy(a) >= 20 && storedBy(b) >= 1, 120_000, 'both hosts storing extractions').catch((err) => {
      process.stderr.write(`--- a\n${a.output.slice(-3000)}\n--- b\n${b.output.slice(-3000)}\n`);
      throw err;
    });
    process.stderr.write(`two hosts: killing host a after ${storedBy(a)} stored (b ${storedBy(b)})\n`);
    a.child!.kill('SIGKILL');
    await new Promise((r) => a.child!.once('exit', r));
    // the killed host's runs stay `processing` until their locks lapse; the live host's are among them too
    const processing = await stack.database.db.select({ id: extractionRuns.id }).from(extractionRuns).where(eq(extractionRuns.status, 'processing'));
    startWorker(c);

    const settled = await untilSettled(stack, FILES, 180_000).catch(async (err) => {
      process.stderr.write(`${JSON.stringify(await stack.statuses())}\n--- b\n${b.output.slice(-3000)}\n--- c\n${c.output.slice(-3000)}\n`);
      throw err;
    });
    expect(settled).toEqual({ queued: 0, processing: 0, done: FILES - BROKEN, failed: BROKEN });
    expect(storedBy(c), 'the new host took jobs').toBeGreaterThan(0);

    const db = stack.database.db;
    // none lost: every file dropped is one source file with exactly one run, done or failed with its reason
    const files = await db.select().from(sourceFiles);
    expect(files).toHaveLength(FILES);
    const runs = await db.select().from(extractionRuns);
    expect(runs).toHaveLength(FILES);
    for (const r of runs.filter((r) => r.status === 'failed')) expect(r.errorCode && r.errorMessage, `run ${r.id}`).toBeTruthy();
    // nothing doubled: every done file holds the reports and indicators one extraction of its bytes makes
    const one = await extractFile(new TextEncoder().encode(`${seed}\n备注 host test 0\n`), { fileName: 'form-0.txt' });
    const perFile = await db
      .select({ sourceFileId: reports.sourceFileId, n: count() })
      .from(reports)
      .groupBy(reports.sourceFileId);
    expect(perFile).toHaveLength(FILES - BROKEN);
    for (const p of perFile) expect(Number(p.n)).toBe(one.reports.length);
    const [{ n: indicatorRows }] = await db.select({ n: count() }).from(indicators);
    expect(Number(indicatorRows)).toBe((FILES - BROKEN) * one.reports.reduce((n, r) => n + r.indicators.length, 0));
    // taken over: the runs the killed host held were tried again by another host, and only those
    const retried = runs.filter((r) => r.attempts > 1).map((r) => r.id);
    expect(retried.length, 'some run was held by the killed host').toBeGreaterThan(0);
    const heldAtKill = new Set(processing.map((p) => p.id));
    for (const id of retried) expect(heldAtKill.has(id), `run ${id} retried but not processing at the kill`).toBe(true);
    expect((await db.select().from(extractionRuns).where(inArray(extractionRuns.id, retried))).every((r) => r.status === 'done' || r.status === 'failed')).toBe(true);

    // the hosts kept nothing on their own disks: no archive, only what a process leaves (none here)
    for (const h of hosts) expect(await readdir(h.dataDir), h.host.name).toEqual([]);
    // and `jixiao status` reads the same from any host
    const status = (h: WorkerHost) => h.host.run(process.execPath, [join(ROOT, 'bin/jixiao.mjs'), 'status'], { env: h.env, cwd: h.dataDir });
    const fromB = await status(b);
    expect(fromB).toMatch(new RegExp(`done\\s+${FILES - BROKEN}`));
    expect(await status(c)).toBe(fromB);
  }, 300_000);
});
