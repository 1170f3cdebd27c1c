// `npm run bench hostile [NAME|ingest|watch]`: every hostile file of scripts/hostile/hostile-files.ts (the big
// ones too) through the isolated extractor, then the ones that only `ingest`/`watch` meet (a ZIP64 archive of
// 100,000 members, a ZIP of a thousand MiB-sized ones, a file over MAX_FILE_MB that starts with PK, a poison file
// in a watched inbox followed by a good one) through the real CLI in embedded mode. Prints code, time and peak
// memory for each (the closing note); the reference is the acceptance line, 60 s and 1.5 GB. A NAME runs
// the files whose name holds it.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@jixiao/config';
import { isExtractionError } from '@jixiao/contract';
import { createIsolatedExtractor } from '@jixiao/pipeline';
import { writeZip } from '../fixtures/archives/zip-writer.ts';
import { HOSTILE } from './hostile/hostile-files.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MiB = 1024 * 1024;
const LIMIT_MS = 60_000;
const LIMIT_BYTES = 1.5 * 1024 * MiB;
const only = process.argv[2];
const rows: string[] = [];
const report = (name: string, outcome: string, ms: number, peak: number) => {
  const ok = ms < LIMIT_MS && peak < LIMIT_BYTES ? 'ok' : 'OVER';
  const line = `${name.padEnd(34)} ${outcome.slice(0, 60).padEnd(60)} ${(ms / 1000).toFixed(1).padStart(6)} s ${String(Math.round(peak / MiB)).padStart(5)} MiB  ${ok}`;
  rows.push(line);
  process.stdout.write(line + '\n');
};

const work = await mkdtemp(join(tmpdir(), 'jixiao-hostile-'));
try {
  const config = loadConfig({});
  const extractor = createIsolatedExtractor({ memoryMb: config.limits.memoryMb });
  for (const file of HOSTILE.filter((f) => !only || f.name.includes(only))) {
    const bytes = await file.build();
    let stats = { ms: 0, peakRssBytes: 0 };
    const outcome = await extractor.extract({ bytes }, { fileName: file.name, ...config.limits, timeBudgetMs: LIMIT_MS }, { onStats: (s) => (stats = s) }).then(
      (o) => `read: ${o.extraction.warnings.map((w) => w.code).join(', ')}`,
      (e: unknown) => (isExtractionError(e) ? e.code : `not an ExtractionError: ${(e as Error).message}`),
    );
    report(file.name, outcome, stats.ms, stats.peakRssBytes);
  }
  await extractor.close();

  // `ingest-each`: every file of the extract table above through `jixiao ingest` on its own instead
  const each = only === 'ingest-each';
  const ingestCase = (name: string) => !only || only === 'ingest' || each || name.includes(only);
  const drop = async (name: string, bytes: Buffer | null, sparseBytes = 0) => {
    const dir = join(work, 'in', name.replace(/\W/g, '-'));
    await mkdir(dir, { recursive: true });
    const path = join(dir, name);
    if (bytes) await writeFile(path, bytes);
    else {
      const handle = await open(path, 'w');
      await handle.write(Buffer.from('PK\x03\x04'));
      await handle.truncate(sparseBytes);
      await handle.close();
    }
    return dir;
  };
  const tiny = Buffer.from('项目名称\t测试\n');
  const cases: [string, () => Promise<string>][] = [
    // past 65,535 members the writer makes a ZIP64 archive, as real tools do: its true count must be read
    ['zip64-100000-members.zip', () => drop('zip64-100000-members.zip', writeZip(Array.from({ length: 100_000 }, (_, i) => ({ name: `m${i}.txt`, data: tiny }))))],
    ['zip-1000-members-of-1MiB.zip', () => drop('zip-1000-members-of-1MiB.zip', writeZip(Array.from({ length: 1000 }, (_, i) => ({ name: `m${i}.txt`, data: Buffer.alloc(MiB, `${i} 项目名称\t`) }))))],
    ['pk-file-over-MAX_FILE_MB.zip', () => drop('pk-file-over-MAX_FILE_MB.zip', null, 150 * MiB)],
  ];
  const eachFile: typeof cases = HOSTILE.map((f) => [f.name, async () => drop(f.name, Buffer.from(await f.build()))]);
  for (const [name, make] of (each ? eachFile : cases).filter(([name]) => ingestCase(name))) {
    const dir = await make();
    const data = join(work, 'data-' + name);
    const r = await measured(['ingest', dir], { DATA_DIR: data });
    const failures = r.stdout.split('\n').filter((l) => l.includes('✗'));
    const codes = [...new Set(failures.map((l) => /: (\w+) /.exec(l.split('!/').at(-1) ?? l)?.[1]))].join(', ');
    const count = (row: string) => new RegExp(`^${row}\\s+(\\d+)`, 'm').exec(r.stdout)?.[1] ?? '?';
    const read = failures.length === 0 ? `; extracted ${count('extracted')}, no form found ${count('no form found')}` : '';
    report(name, `exit ${r.code}; ${failures.length} failed (${codes})${read}`, r.ms, r.peak);
  }
  if (!only || only === 'ingest' || only === 'watch') await watchPoison(work);
  process.stdout.write(`\n${rows.filter((r) => r.endsWith('OVER')).length} of ${rows.length} over 60 s or 1.5 GB\n`);
} finally {
  await rm(work, { recursive: true, force: true });
}

/** `jixiao watch` (embedded) with a poison file and then a good form dropped in: both must end, the watcher alive. */
async function watchPoison(dir: string): Promise<void> {
  const inbox = join(dir, 'inbox');
  await mkdir(inbox, { recursive: true });
  const env = { DATA_DIR: join(dir, 'data-watch'), INBOX_DIR: inbox, FILE_STABLE_MS: '500' };
  const started = performance.now();
  const watcher = measured(['watch'], env);
  await new Promise((r) => setTimeout(r, 8000));
  const poison = HOSTILE.find((f) => f.name === 'html-tables-nested-50mb.html')!;
  await writeFile(join(inbox, poison.name), await poison.build());
  await new Promise((r) => setTimeout(r, 3000));
  const form = join(ROOT, 'fixtures/forms/seed-000/form.tsv.txt');
  await copyFile(form, join(inbox, 'form.tsv.txt'));
  let status = '';
  for (let i = 0; i < 60 && !/done\s+1/.test(status); i++) {
    await new Promise((r) => setTimeout(r, 2000));
    status = (await run(['status'], env)).stdout;
  }
  watcher.child.kill('SIGTERM');
  const r = await watcher;
  const failed = /html-tables-nested-50mb\.html\s+(\w+):/.exec(status)?.[1] ?? 'no failure recorded';
  report('watch: poison then a good form', `${/done\s+1/.test(status) ? 'good form done' : 'good form NOT done'}; poison ${failed}; exit ${r.code}`, performance.now() - started, r.peak);
}

function run(args: string[], env: Record<string, string>): Promise<{ stdout: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/jixiao.mjs'), ...args], { env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'error', ...env } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('exit', (code) => resolve({ stdout, code }));
  });
}

/** The command with its peak memory: the resident size of it and every process under it, summed, every 100 ms. */
function measured(args: string[], env: Record<string, string>) {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/jixiao.mjs'), ...args], { env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'error', ...env } });
  let stdout = '';
  let peak = 0;
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', () => {});
  const poll = setInterval(() => void treeRss(child.pid!).then((b) => (peak = Math.max(peak, b))), 100);
  const done = new Promise<{ stdout: string; code: number | null; ms: number; peak: number }>((resolve) =>
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ stdout, code, ms: performance.now() - started, peak });
    }),
  );
  return Object.assign(done, { child });
}

async function treeRss(root: number): Promise<number> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) parents.set(Number(entry), ppid);
  }
  const inTree = (pid: number): boolean => pid === root || (parents.has(pid) && pid !== 1 && inTree(parents.get(pid)!));
  let total = 0;
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    const statm = await readFile(`/proc/${pid}/statm`, 'utf8').catch(() => '0 0');
    total += Number(statm.split(' ')[1]) * 4096;
  }
  return total;
}
