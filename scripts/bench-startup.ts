// Start-up cost of the `jixiao` command, beside `node -e 0` in the same run: CPU-seconds (user + system of the
// child, from bash's `times`) and wall time, median of a few rounds. Goals (issue 15): `--help` and `normalise`
// under 0.5 CPU-s, `extract` of a one-page text export under 1 CPU-s. Then the embedded `ingest` of 1 and of 21
// born-digital PDFs into fresh data folders: the difference is what files cost, the rest is fixed.
//   npx tsx scripts/bench-startup.ts [rounds]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const rounds = Number(process.argv[2] ?? 3);
const jixiao = `${process.execPath} ${join(root, 'bin/jixiao.mjs')}`;
const seedText = join(root, 'fixtures/seeds/002_0f420e2e2c08cc0b.txt');

interface Cost {
  cpu: number;
  wall: number;
}

/** One run of a shell command: the CPU its children used (bash's `times`, second line) and the wall time. */
function measure(command: string, env: NodeJS.ProcessEnv = {}): Cost {
  const start = process.hrtime.bigint();
  const r = spawnSync('bash', ['-c', `${command} >/dev/null 2>&1; times`], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const children = r.stdout.trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (r.status !== 0 || seconds.length !== 2) throw new Error(`bench-startup: \`${command}\` failed: ${r.stderr}`);
  return { cpu: seconds[0]! + seconds[1]!, wall };
}

function median(costs: Cost[]): Cost {
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { cpu: mid(costs.map((c) => c.cpu)), wall: mid(costs.map((c) => c.wall)) };
}

const line = (label: string, c: Cost, goal?: number) =>
  `${label.padEnd(34)} ${c.cpu.toFixed(2).padStart(6)} CPU-s ${c.wall.toFixed(2).padStart(6)} s wall` +
  (goal === undefined ? '' : `   goal < ${goal} CPU-s ${c.cpu < goal ? 'OK' : 'ABOVE GOAL'}`);

const cases: [string, string, number?][] = [
  ['node -e 0', `${process.execPath} -e 0`],
  ['jixiao --help', `${jixiao} --help`, 0.5],
  ['jixiao normalise ≥500万人', `${jixiao} normalise '≥500万人'`, 0.5],
  ['jixiao extract (text export)', `${jixiao} extract ${seedText}`, 1],
  ['npx jixiao --help (npx itself too)', 'npx --no-install jixiao --help'],
];
measure(`${jixiao} extract ${seedText}`); // warm tsx's transpile cache, as every run after the first finds it
for (const [label, command, goal] of cases) {
  process.stdout.write(line(label, median(Array.from({ length: rounds }, () => measure(command))), goal) + '\n');
}

// Embedded ingest into a fresh data folder (PGlite created and migrated on the way).
const pdfs = readdirSync(join(root, 'fixtures/forms'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.pdf'))
  .sort()
  .slice(0, 21)
  .map((f) => join(root, 'fixtures/forms', f));
const ingest = (files: string[]): Cost => {
  const work = mkdtempSync(join(tmpdir(), 'jixiao-bench-startup-'));
  try {
    files.forEach((f, i) => cpSync(f, join(work, 'in', `${i}.pdf`)));
    return measure(`${jixiao} ingest ${join(work, 'in')}`, { DATA_DIR: join(work, 'data'), DATABASE_URL: '', REDIS_URL: '' });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};
const one = ingest(pdfs.slice(0, 1));
const many = ingest(pdfs);
const perFile = (many.cpu - one.cpu) / (pdfs.length - 1);
process.stdout.write(
  line('jixiao ingest, 1 PDF (fresh data)', one) + '\n' +
    line(`jixiao ingest, ${pdfs.length} PDFs (fresh data)`, many) + '\n' +
    `  → ${perFile.toFixed(2)} CPU-s a file; fixed ${(one.cpu - perFile).toFixed(2)} CPU-s (most of it PGlite's initdb of a new DATA_DIR, paid once)\n`,
);
