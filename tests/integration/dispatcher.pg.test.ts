// The in-process dispatcher (no Redis: `jixiao watch`, `ingest`, `serve`) under the one crash policy: a database
// outage mid-extraction that outlasts every try leaves no run behind as `processing`; once the database is back
// the run is tried again and finished, and the rows are stored once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalStore } from '@jixiao/archive-store';
import { loadTestSettings } from '@jixiao/config';
import { extractionRuns, openDatabase, reports, type Database } from '@jixiao/db';
import { createIntake } from '@jixiao/intake';
import { createDispatcher } from '@jixiao/worker';
import { createScratchPostgres, type ScratchPostgres } from '../support/db.ts';
import { startPostgresForwarder, type TcpForwarder } from '../support/tcp-forwarder.ts';
import { captureLog } from './support/log-capture.ts';
import { until } from './support/stack.ts';

const FORM = fileURLToPath(new URL('../../fixtures/forms/seed-001/form.tsv.txt', import.meta.url));

describe('the in-process dispatcher and a database outage', () => {
  let scratch: ScratchPostgres;
  let direct: Database;
  let viaProxy: Database;
  let proxy: TcpForwarder;
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'jixiao-dispatch-'));
    scratch = await createScratchPostgres('dispatch_outage');
    direct = openDatabase({ databaseUrl: scratch.url, pgliteDir: '' });
    await direct.migrate();
    proxy = await startPostgresForwarder(loadTestSettings().adminDatabaseUrl);
    const url = new URL(scratch.url);
    url.host = `127.0.0.1:${proxy.port}`;
    viaProxy = openDatabase({ databaseUrl: url.toString(), pgliteDir: '' });
  });
  afterAll(async () => {
    await proxy?.stop().catch(() => {});
    await viaProxy?.close().catch(() => {});
    await direct?.close();
    await scratch?.drop();
    await rm(work, { recursive: true, force: true });
  });

  it('tries a run again past its last try until the database is back, then finishes it once', async () => {
    const log = captureLog('info');
    const store = openLocalStore(join(work, 'archive'));
    const dispatcher = createDispatcher({
      queue: null,
      // the stage sleeps, so the database can go away between taking the run and storing its rows
      stages: { db: viaProxy.db, store, limits: { maxBytes: 1e8, maxPages: 50, timeBudgetMs: 60_000 }, logger: log.logger, stageDelayMs: 800 },
      concurrency: 1,
      attempts: 2,
      backoffMs: 200,
    });
    const intake = createIntake({ db: viaProxy.db, store, spoolDir: join(work, 'spool'), dispatch: dispatcher.dispatch });
    const { jobs } = await intake.receive(FORM);
    const [{ runId }] = jobs;
    const statusOf = async () => (await direct.db.select().from(extractionRuns).where(eq(extractionRuns.id, runId)))[0];
    await until(async () => (await statusOf()).status === 'processing', 10_000, 'the run taken');
    await proxy.stop();
    await log.waitFor((l) => l.msg === 'job failed for good', 20_000);
    await log.waitFor((l) => /could not record the failure/.test(String(l.msg)), 5000);
    // every try is spent and the failure could not be written: the run waits, unfinished, for the database
    await new Promise((r) => setTimeout(r, 1000));
    expect((await statusOf()).status).toBe('processing');
    await proxy.start();
    await dispatcher.settled([runId]);
    const run = await statusOf();
    expect(run.status, run.errorMessage ?? '').toBe('done');
    const [{ n }] = await direct.db.select({ n: count() }).from(reports).where(eq(reports.sourceFileId, run.sourceFileId));
    expect(Number(n)).toBeGreaterThan(0);
    await dispatcher.close();
  }, 60_000);
});
