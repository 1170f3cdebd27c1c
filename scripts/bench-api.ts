// The API's latency for indicator queries over 100,000 indicator rows, and the export time for all of them.
// Synthetic extractions (valid contract objects, values parsed by the real normaliser) are stored through the
// real repository (recordReceivedFile → startRun → saveExtraction) into a scratch Postgres database, then the
// API is started as `jixiao serve` starts it and queried over HTTP. Needs the test Postgres (.ci/run starts it).
//   npx tsx scripts/bench-api.ts [rows=100000]
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '@jixiao/config';
import type { Extraction, Indicator, Report } from '@jixiao/contract';
import { openDatabase, recordReceivedFile, saveExtraction, startRun } from '@jixiao/db';
import { attained, normaliseCell } from '@jixiao/normalise';
import { startApi } from '@jixiao/api';
import { createScratchPostgres } from '../tests/support/db.ts';

const ROWS = Number(process.argv[2] ?? 100_000);
const ROWS_PER_FILE = 250;
const REPEATS = 40;

// a small deterministic generator, so every run measures the same data
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

const ORGS = Array.from({ length: 60 }, (_, i) => `${pick(['江屿市', '临川县', '北湖区', '东陵市', '南岭县'])}${pick(['交通运输局', '教育局', '卫生健康委员会', '医疗保障局', '农业农村局', '民政局'])}${i}`);
const LEVELS: [string, string[]][] = [
  ['产出指标', ['数量指标', '质量指标', '时效指标', '成本指标']],
  ['效益指标', ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']],
  ['满意度指标', ['服务对象满意度指标']],
];
const NAMES = ['公路养护里程', '危旧桥梁改造座数', '公交准点率', '资金拨付及时率', '培训人次', '设备完好率', '群众满意度', '项目完工率', '覆盖学校数', '补贴发放户数'];
const UNITS = ['公里', '座', '%', '人次', '个', '户'];

function indicator(page: number, row: number, ocr: boolean): Indicator {
  const [level1, level2s] = pick(LEVELS);
  const unit = pick(UNITS);
  const goal = Math.round(rand() * 1000);
  const target = normaliseCell(`${pick(['≥', '≤', '＝', ''])}${goal}${unit}`, { fiscalYear: 2022 });
  const actual = normaliseCell(`${Math.round(goal * (0.8 + rand() * 0.4))}`, { fiscalYear: 2022, unitHint: target.unit });
  const y0 = 100 + (row % 25) * 28;
  return {
    goal: null,
    level1,
    level2: pick(level2s),
    level3: `${pick(NAMES)}${row}`,
    target,
    actual,
    weight: pick([2, 3, 5, 10]),
    score: Math.round(rand() * 50) / 10,
    deviation: null,
    attained: attained(target, actual),
    page,
    box: { x0: 50, y0, x1: 560, y1: y0 + 26 },
    targetBox: { x0: 260, y0, x1: 340, y1: y0 + 26 },
    actualBox: { x0: 350, y0, x1: 420, y1: y0 + 26 },
    confidence: ocr ? Math.round((0.5 + rand() * 0.5) * 100) / 100 : null,
  };
}

function extraction(file: number): Extraction {
  const ocr = file % 5 === 0;
  const indicators = Array.from({ length: ROWS_PER_FILE }, (_, i) => indicator(1 + Math.floor(i / 25), i, ocr));
  const report: Report = {
    kind: pick(['department', 'project', 'transfer_payment'] as const),
    title: '绩效自评表',
    organisation: pick(ORGS),
    implementingUnit: null,
    projectName: `项目${file}`,
    fiscalYear: 2019 + (file % 5),
    funding: [],
    goals: [],
    indicators,
    totalScore: 90,
    grade: '优',
    pages: [1, 10],
  };
  const sha256 = createHash('sha256').update(`bench-${file}`).digest('hex');
  return { schemaVersion: '1', source: { fileName: `file-${file}.pdf`, sha256, mediaType: 'application/pdf', pageCount: 10, ocr }, reports: [report], warnings: [] };
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

const scratch = await createScratchPostgres('bench_api');
const dataDir = await mkdtemp(join(tmpdir(), 'jixiao-bench-api-'));
try {
  const config = loadConfig({ DATABASE_URL: scratch.url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const database = openDatabase(config);
  await database.migrate();
  const files = Math.ceil(ROWS / ROWS_PER_FILE);
  let t0 = performance.now();
  for (let f = 0; f < files; f++) {
    const ex = extraction(f);
    const intake = await recordReceivedFile(database.db, { sha256: ex.source.sha256, originalName: ex.source.fileName, sizeBytes: 1000, archivePath: `x/${f}` }, 'bench');
    const run = await startRun(database.db, intake.runId!);
    await saveExtraction(database.db, { runId: run!.runId, sourceFileId: run!.sourceFileId }, ex, { readMs: 0, reconstructMs: 0, normaliseMs: 0 });
  }
  await database.db.execute('ANALYZE' as never);
  process.stdout.write(`stored ${files * ROWS_PER_FILE} indicator rows in ${files} files: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  await database.close();

  const api = await startApi(config, pino({ level: 'silent' }), { host: '127.0.0.1', port: 0 });
  const org = encodeURIComponent(ORGS[3]!);
  const queries: [string, string][] = [
    ['first page, default sort', '/api/indicators'],
    ['not attained', '/api/indicators?attained=no'],
    ['organisation + year', `/api/indicators?organisation=${org}&fiscalYear=2021`],
    ['text search in level3', `/api/indicators?q=${encodeURIComponent('桥梁')}`],
    ['level1/level2, by score', `/api/indicators?level1=${encodeURIComponent('产出指标')}&level2=${encodeURIComponent('时效指标')}&sort=score&order=desc`],
    ['low OCR confidence', '/api/indicators?lowConfidence=true&sort=confidence'],
    ['deep page (offset 50,000)', '/api/indicators?offset=50000&sort=level3'],
  ];
  const all: number[] = [];
  process.stdout.write(`\nindicator queries over HTTP (${REPEATS} each, after one warm-up)\n`);
  for (const [label, path] of queries) {
    await fetch(api.address + path).then((r) => r.arrayBuffer());
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < REPEATS; i++) {
      t0 = performance.now();
      const body = (await (await fetch(api.address + path)).json()) as { total: number };
      times.push(performance.now() - t0);
      total = body.total;
    }
    all.push(...times);
    process.stdout.write(`  ${label.padEnd(28)} p50 ${ms(percentile(times, 50)).padStart(9)}  p95 ${ms(percentile(times, 95)).padStart(9)}  (${total} matching)\n`);
  }
  process.stdout.write(`  ${'all queries'.padEnd(28)} p50 ${ms(percentile(all, 50)).padStart(9)}  p95 ${ms(percentile(all, 95)).padStart(9)}\n`);

  process.stdout.write(`\nexport of all ${files * ROWS_PER_FILE} rows over HTTP\n`);
  for (const format of ['csv', 'xlsx', 'json']) {
    t0 = performance.now();
    const bytes = (await (await fetch(`${api.address}/api/export?format=${format}`)).arrayBuffer()).byteLength;
    process.stdout.write(`  ${format.padEnd(5)} ${((performance.now() - t0) / 1000).toFixed(2)} s  ${(bytes / 1024 / 1024).toFixed(1)} MB\n`);
  }
  await api.close();
} finally {
  // BENCH_KEEP=1 leaves the database for EXPLAIN; drop it by hand afterwards
  if (process.env.BENCH_KEEP === '1') process.stdout.write(`kept ${scratch.url}\n`);
  else await scratch.drop();
  await rm(dataDir, { recursive: true, force: true });
}
