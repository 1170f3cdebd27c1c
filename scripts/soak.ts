// Soak: push many files (default 1,000) through the deployed shape — a `jixiao watch` and two `jixiao work`
// child processes against the real Redis and Postgres (JIXIAO_TEST_DATABASE_URL / JIXIAO_TEST_REDIS_URL, default
// the local services) — and check every file is accounted for (done, or failed with a reason). Prints the
// throughput in files per minute. Not part of `npm test`: `npx tsx scripts/soak.ts [--files 1000]`.
//
// The files are copies of the fixtures with varied bytes, so each is a distinct file: text exports and seeds
// with a line appended, PDFs with a comment after %%EOF (readers ignore it), and a few bad files.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadTestSettings } from '@jixiao/config';
import { openExtractQueue } from '@jixiao/queue';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const JIXIAO = join(ROOT, 'bin/jixiao.mjs');
const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' }, timeout: { type: 'string', default: '1800' } } });
const FILES = Number(values.files);

interface Template {
  name: string;
  bytes: Buffer;
  vary: (bytes: Buffer, i: number) => Buffer;
  weight: number;
}

const textLine = (b: Buffer, i: number) => Buffer.concat([b, Buffer.from(`\n备注：soak ${i}\n`)]);
const pdfComment = (b: Buffer, i: number) => Buffer.concat([b, Buffer.from(`\n% soak ${i}\n`)]);

async function templates(): Promise<Template[]> {
  const out: Template[] = [];
  for (const f of (await readdir(join(ROOT, 'fixtures/seeds'))).filter((f) => f.endsWith('.txt')))
    out.push({ name: f, bytes: await readFile(join(ROOT, 'fixtures/seeds', f)), vary: textLine, weight: 8 });
  for (const form of await readdir(join(ROOT, 'fixtures/forms'))) {
    for (const f of ['form.tsv.txt', 'form.wrapped.txt', 'form.lines.txt', 'form.columns.txt', 'form.spaced.txt'])
      await readFile(join(ROOT, 'fixtures/forms', form, f))
        .then((bytes) => out.push({ name: `${form}-${f}`, bytes, vary: textLine, weight: 3 }))
        .catch(() => {});
    await readFile(join(ROOT, 'fixtures/forms', form, 'form.pdf'))
      .then((bytes) => out.push({ name: `${form}.pdf`, bytes, vary: pdfComment, weight: 2 }))
      .catch(() => {});
  }
  for (const f of ['truncated.pdf', 'corrupt.pdf', 'not-a-report.txt'])
    out.push({ name: `bad-${f}`, bytes: await readFile(join(ROOT, 'fixtures/bad', f)), vary: f.endsWith('.txt') ? textLine : pdfComment, weight: 1 });
  return out;
}

function pick(ts: Template[], i: number): Template {
  const total = ts.reduce((n, t) => n + t.weight, 0);
  let k = (i * 7919) % total;
  for (const t of ts) {
    if (k < t.weight) return t;
    k -= t.weight;
  }
  return ts[0];
}

async function main() {
  const settings = loadTestSettings();
  const dbName = `jixiao_soak_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: settings.adminDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(settings.adminDatabaseUrl);
  url.pathname = `/${dbName}`;
  const work = await mkdtemp(join(tmpdir(), 'jixiao-soak-'));
  const prefix = `jixiao-soak-${randomBytes(4).toString('hex')}`;
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    REDIS_URL: settings.redisUrl,
    QUEUE_PREFIX: prefix,
    INBOX_DIR: join(work, 'inbox'),
    ARCHIVE_DIR: join(work, 'archive'),
    DATA_DIR: join(work, 'data'),
    FILE_STABLE_MS: '300',
    WORKER_CONCURRENCY: '2',
    LOG_LEVEL: 'warn',
  };
  const children: ChildProcess[] = [];
  const db = new pg.Client({ connectionString: url.toString() });
  try {
    const migrate = spawn(process.execPath, [JIXIAO, 'migrate'], { env, stdio: 'inherit' });
    await new Promise((r) => migrate.once('exit', r));
    for (const cmd of ['watch', 'work', 'work']) {
      const child = spawn(process.execPath, [JIXIAO, cmd], { env, cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
      children.push(child);
    }
    await db.connect();
    const ts = await templates();
    // written beside the inbox, then renamed in: each file appears whole
    await mkdir(join(work, 'staging'), { recursive: true });
    await mkdir(env.INBOX_DIR, { recursive: true });
    const names: string[] = [];
    for (let i = 0; i < FILES; i++) {
      const t = pick(ts, i);
      const name = `${String(i).padStart(4, '0')}-${t.name}`;
      await writeFile(join(work, 'staging', name), t.vary(t.bytes, i));
      names.push(name);
    }
    await new Promise((r) => setTimeout(r, 5000)); // let the children start
    const t0 = performance.now();
    for (const name of names) await rename(join(work, 'staging', name), join(env.INBOX_DIR, name));
    process.stderr.write(`soak: ${FILES} files dropped in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

    const deadline = Date.now() + Number(values.timeout) * 1000;
    let last = '';
    for (;;) {
      const { rows } = await db.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM extraction_runs GROUP BY status');
      const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
      const finished = (by.done ?? 0) + (by.failed ?? 0);
      const line = `soak: ${finished}/${FILES} finished (done ${by.done ?? 0}, failed ${by.failed ?? 0}, queued ${by.queued ?? 0}, processing ${by.processing ?? 0})`;
      if (line !== last) process.stderr.write(line + '\n');
      last = line;
      if (finished >= FILES && !by.queued && !by.processing) break;
      if (Date.now() > deadline) throw new Error('soak: timed out');
      await new Promise((r) => setTimeout(r, 2000));
    }
    const seconds = (performance.now() - t0) / 1000;

    // every file accounted for: recorded under its name, one finished run, a failure with a reason
    const { rows: files } = await db.query<{ original_name: string; status: string; error_code: string | null; error_message: string | null; runs: string }>(
      `SELECT sf.original_name, er.status, er.error_code, er.error_message, (SELECT count(*) FROM extraction_runs x WHERE x.source_file_id = sf.id) AS runs
       FROM source_files sf JOIN extraction_runs er ON er.source_file_id = sf.id`,
    );
    const byName = new Map(files.map((f) => [f.original_name, f]));
    const missing = names.filter((n) => !byName.has(n));
    const unexplained = files.filter((f) => f.status === 'failed' && !f.error_message);
    const duplicated = files.filter((f) => Number(f.runs) !== 1);
    const { rows: dupRows } = await db.query<{ n: string }>(
      'SELECT count(*) AS n FROM (SELECT source_file_id, ordinal FROM reports GROUP BY source_file_id, ordinal HAVING count(*) > 1) d',
    );
    const failures = new Map<string, number>();
    for (const f of files.filter((f) => f.status === 'failed')) failures.set(f.error_code!, (failures.get(f.error_code!) ?? 0) + 1);
    const { rows: totals } = await db.query<{ reports: string; indicators: string }>(
      'SELECT (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM indicators) AS indicators',
    );
    const out = [
      `files              ${FILES}`,
      `done               ${files.filter((f) => f.status === 'done').length}`,
      `failed             ${files.filter((f) => f.status === 'failed').length}  ${[...failures].map(([c, n]) => `${c} ${n}`).join(', ')}`,
      `missing            ${missing.length}`,
      `failed, no reason  ${unexplained.length}`,
      `files with >1 run  ${duplicated.length}`,
      `duplicate reports  ${dupRows[0].n}`,
      `reports            ${totals[0].reports}`,
      `indicators         ${totals[0].indicators}`,
      `seconds            ${seconds.toFixed(1)}`,
      `files per minute   ${((FILES / seconds) * 60).toFixed(0)}`,
    ];
    process.stdout.write(out.join('\n') + '\n');
    if (missing.length || unexplained.length || duplicated.length || Number(dupRows[0].n)) process.exitCode = 1;
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await db.end().catch(() => {});
    const queue = openExtractQueue({ redisUrl: settings.redisUrl, prefix, attempts: 1 });
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
