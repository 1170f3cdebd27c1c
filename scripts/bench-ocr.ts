// OCR bench: every scan fixture read by our reader and by Debian's native `tesseract` CLI (chi_sim, whole
// page) at its best setting (OMP_THREAD_LIMIT=1, one process per core), in the same run. Prints CPU-seconds
// and wall per page for both, their ratio, peak memory, the field accuracy each reaches (per dpi, producer
// and scanned/photographed), and how often each OCR repair changed a cell;
// native tesseract's words are put into the cells our rule finder draws, so both are scored the same way.
// Our reader also runs with its other engine (tesseract.js) in the same run: the measured reason PP-OCR is
// the default.
// Usage: npx tsx scripts/bench-ocr.ts [--engine paddle|tesseract] [--model fast|best] [--no-tesseract-js]
//        [--ocr-dpi 300] [--second-below 0.75] [--workers N] [--only NAME] [--verbose]
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import type { Block } from '@jixiao/layout';
import { buildTables } from '../packages/readers/src/grid/build-tables.ts';
import { paragraphsOf } from '../packages/readers/src/grid/paragraphs.ts';
import type { TextItem } from '../packages/readers/src/grid/types.ts';
import { cleanPage } from '../packages/readers/src/image/clean.ts';
import { decodeImage } from '../packages/readers/src/image/decode.ts';
import type { Raster } from '../packages/readers/src/image/raster.ts';
import { createOcrEngine, type OcrEngine, type OcrEngineName } from '../packages/readers/src/ocr/engine.ts';
import { ocrPages } from '../packages/readers/src/ocr/ocr-pages.ts';
import { pageImage } from '../packages/readers/src/ocr/pdf-page-image.ts';
import { findRules } from '../packages/readers/src/ocr/raster-rules.ts';
import { read } from '../packages/readers/src/ocr/read.ts';
import { SCAN_GRID } from '../packages/readers/src/ocr/read-page.ts';
import { openDocument } from '../packages/readers/src/pdf/open-document.ts';
import { loadConfig } from '../packages/config/src/config.ts';
import { emptyScore, expectedRows, FIELDS, loadManifest, pct, scoreLayout, SCANS_DIR, type Score } from '../fixtures/scans/score.ts';

const { values: args } = parseArgs({ options: { engine: { type: 'string', default: 'paddle' }, model: { type: 'string', default: 'fast' }, 'ocr-dpi': { type: 'string' }, workers: { type: 'string' }, only: { type: 'string' }, 'no-tesseract-js': { type: 'boolean', default: false }, 'second-below': { type: 'string' }, verbose: { type: 'boolean', default: false } } });
const out = (line: string) => process.stdout.write(line + '\n');

async function pictureOf(file: string, bytes: Uint8Array): Promise<Raster> {
  if (!file.endsWith('.pdf')) return (await decodeImage(bytes, 1))[0]!;
  const { pdf, lib } = await openDocument(bytes, file);
  try {
    return (await pageImage(await pdf.getPage(1), lib, Infinity))!;
  } finally {
    await pdf.destroy();
  }
}

/**
 * Native tesseract at its best setting: one thread per process (OMP_THREAD_LIMIT=1: its OpenMP threads only
 * fight each other on a busy machine), timed by /usr/bin/time for CPU-seconds and peak memory.
 */
function tesseractCli(png: string, outBase: string, dpi: number): Promise<{ cpu: number; wall: number; rssMb: number }> {
  const timing = `${outBase}.time`;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%U %S %M', '-o', timing, 'tesseract', png, outBase, '-l', 'chi_sim', '--dpi', String(Math.round(dpi)), 'tsv'], { stdio: 'ignore', env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`tesseract exited ${code}`));
      const [user, sys, rss] = readFileSync(timing, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
      resolve({ cpu: user! + sys!, wall: (performance.now() - started) / 1000, rssMb: rss! / 1024 });
    });
  });
}

/** Native tesseract on the page picture as scanned; its words moved into our deskewed frame, then into our grid. */
async function native(file: string, raster: Raster, tmp: string): Promise<{ seconds: number; rssMb: number; blocks: Block[]; png: string }> {
  const png = path.join(tmp, `${path.basename(file)}.png`);
  await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 1 } }).withMetadata({ density: raster.dpi }).png().toFile(png);
  const run = await tesseractCli(png, path.join(tmp, 'out'), raster.dpi);
  const seconds = run.cpu;
  const clean = await cleanPage(raster);
  const turn = (-clean.skewDegrees * Math.PI) / 180;
  const cx = raster.width / 2, cy = raster.height / 2;
  const moved = (x: number, y: number) => ({ x: cx + (x - cx) * Math.cos(turn) - (y - cy) * Math.sin(turn), y: cy + (x - cx) * Math.sin(turn) + (y - cy) * Math.cos(turn) });
  const pt = (px: number) => (px * 72) / raster.dpi;
  const items: TextItem[] = [];
  for (const line of readFileSync(path.join(tmp, 'out.tsv'), 'utf8').split('\n').slice(1)) {
    const [level, , , , , , left, top, width, height, conf, text] = line.split('\t');
    if (level !== '5' || !text || text.trim() === '') continue;
    const a = moved(Number(left), Number(top)), b = moved(Number(left) + Number(width), Number(top) + Number(height));
    items.push({ text, confidence: Number(conf) / 100, box: { x0: pt(Math.min(a.x, b.x)), y0: pt(Math.min(a.y, b.y)), x1: pt(Math.max(a.x, b.x)), y1: pt(Math.max(a.y, b.y)) } });
  }
  const { tables, rest } = buildTables(findRules(clean.faint, { dpi: clean.grey.dpi }), items, 1, SCAN_GRID);
  return { seconds, rssMb: run.rssMb, blocks: [...tables, ...paragraphsOf(rest, 1)], png };
}

/** Every page picture read by native tesseract, one process per core at once: the wall time of its best batch. */
async function nativeBatch(pngs: { png: string; dpi: number }[], tmp: string): Promise<number> {
  const started = performance.now();
  const queue = pngs.map((p, i) => ({ ...p, out: path.join(tmp, `batch-${i}`) }));
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await tesseractCli(job.png, job.out, job.dpi);
  }));
  return (performance.now() - started) / 1000;
}

/** The producer a fixture's source form came from: the PDF's name says it (form-chromium.pdf), else LibreOffice. */
const producerOf = (source: string) => (/chromium/.test(source) ? 'chromium' : 'libreoffice');

type Read = { blocks: Block[]; warnings: unknown[] };

async function readWith(engine: OcrEngine, file: string, bytes: Uint8Array): Promise<Read> {
  const options = { engine, ocrDpi: args['ocr-dpi'] ? Number(args['ocr-dpi']) : undefined, secondOpinionBelow: args['second-below'] ? Number(args['second-below']) : undefined };
  if (file.endsWith('.pdf')) return ocrPages(bytes, [1], options).then((r) => ({ blocks: r.pages.flatMap((p) => p.blocks), warnings: r.warnings }));
  return read(bytes, options).then((r) => ({ blocks: r.layout.blocks, warnings: r.warnings }));
}

async function main(): Promise<void> {
  const scans = loadManifest().filter((s) => !args.only || s.file.includes(args.only));
  const started = performance.now();
  // threads as a worker of this host runs an OCR job (OCR_THREADS, default the cores ÷ WORKER_CONCURRENCY), so
  // that our reader, like the reference, runs as it does when a host is busy with an archive
  const threads = args.workers ? Number(args.workers) : loadConfig().ocrThreads;
  const engine = await createOcrEngine({ kind: args.engine as OcrEngineName, model: args.model as 'fast' | 'best', workers: threads });
  const startup = (performance.now() - started) / 1000;
  // the other engine, for comparison (skipped when it is the one measured)
  const other = args['no-tesseract-js'] || engine.name === 'tesseract' ? null : await createOcrEngine({ kind: 'tesseract', model: args.model as 'fast' | 'best', workers: args.workers ? Number(args.workers) : undefined });
  out(`engine: ${engine.name}, ${engine.size} workers, model ${engine.data.model} (${engine.data.langPath}), startup ${startup.toFixed(1)} s`);
  // a worker reads many pages in one process: its first read pays module loading and JIT warm-up once, so it
  // is measured apart and the pages below are the steady state (the reference's start is in each of its pages)
  const warmups = [scans.find((s) => !s.file.endsWith('.pdf')), scans.find((s) => s.file.endsWith('.pdf'))].filter((s) => s !== undefined);
  for (const scan of warmups) {
    const cpu0 = process.cpuUsage();
    await readWith(engine, scan.file, new Uint8Array(readFileSync(path.join(SCANS_DIR, scan.file))));
    const used = process.cpuUsage(cpu0);
    out(`warm-up read of ${scan.file} in this fresh process (module loading and JIT included; not counted below): ${((used.user + used.system) / 1e6).toFixed(2)} CPU-s`);
  }
  out(`file | ours CPU s | ours wall s | ours peak RSS MB | native CPU s (1 thread) | native peak RSS MB | CPU ratio | ours rows | ours fields | native rows | native fields | low-confidence warnings${other ? ' | tesseract.js s/page | tesseract.js fields' : ''}`);
  const tmp = mkdtempSync(path.join(tmpdir(), 'bench-ocr-'));
  const total = { ours: emptyScore(), native: emptyScore(), other: emptyScore(), oursSeconds: 0, oursWall: 0, nativeSeconds: 0, otherSeconds: 0 };
  type Group = { ours: Score; native: Score; oursCpu: number; nativeCpu: number; pages: number };
  const groups = new Map<string, Group>();
  const repairs = new Map<string, number>();
  const pngs: { png: string; dpi: number }[] = [];
  let batchWall = 0;
  try {
    for (const scan of scans) {
      const bytes = new Uint8Array(readFileSync(path.join(SCANS_DIR, scan.file)));
      const rows = await expectedRows(scan);
      // CPU-seconds of the whole process (ONNX Runtime's threads included), the fair measure on a shared machine
      const cpu0 = process.cpuUsage(), t0 = performance.now();
      const ours = await readWith(engine, scan.file, bytes);
      const used = process.cpuUsage(cpu0);
      const oursSeconds = (used.user + used.system) / 1e6, oursWall = (performance.now() - t0) / 1000;
      const oursRss = process.resourceUsage().maxRSS / 1024;
      const raster = await pictureOf(scan.file, bytes);
      const nat = await native(scan.file, raster, tmp);
      pngs.push({ png: nat.png, dpi: raster.dpi });
      for (const block of ours.blocks) if (block.type === 'table') for (const cell of block.cells) for (const r of cell.repairs ?? []) repairs.set(r, (repairs.get(r) ?? 0) + 1);
      const o = scoreLayout(ours.blocks, rows);
      const n = scoreLayout(nat.blocks, rows);
      scoreLayout(ours.blocks, rows, total.ours);
      scoreLayout(nat.blocks, rows, total.native);
      for (const key of [`${scan.dpi} dpi`, producerOf(scan.source), /photo/.test(scan.effects) ? 'photographed' : 'scanned']) {
        const g = groups.get(key) ?? { ours: emptyScore(), native: emptyScore(), oursCpu: 0, nativeCpu: 0, pages: 0 };
        scoreLayout(ours.blocks, rows, g.ours);
        scoreLayout(nat.blocks, rows, g.native);
        g.oursCpu += oursSeconds;
        g.nativeCpu += nat.seconds;
        g.pages++;
        groups.set(key, g);
      }
      total.oursSeconds += oursSeconds;
      total.oursWall += oursWall;
      total.nativeSeconds += nat.seconds;
      let line = `${scan.file} | ${oursSeconds.toFixed(2)} | ${oursWall.toFixed(2)} | ${oursRss.toFixed(0)} | ${nat.seconds.toFixed(2)} | ${nat.rssMb.toFixed(0)} | ${(oursSeconds / nat.seconds).toFixed(2)} | ${o.found}/${o.rows} | ${pct(o.exact, o.fields)} | ${n.found}/${n.rows} | ${pct(n.exact, n.fields)} | ${ours.warnings.length}`;
      if (other) {
        const t1 = performance.now();
        const theirs = await readWith(other, scan.file, bytes);
        const seconds = (performance.now() - t1) / 1000;
        total.otherSeconds += seconds;
        const t = scoreLayout(theirs.blocks, rows);
        scoreLayout(theirs.blocks, rows, total.other);
        line += ` | ${seconds.toFixed(2)} | ${pct(t.exact, t.fields)}`;
      }
      out(line);
      if (args.verbose) for (const m of o.misses) out(`    ours: ${m}`);
    }
    batchWall = await nativeBatch(pngs, tmp);
  } finally {
    await engine.terminate();
    await other?.terminate();
    rmSync(tmp, { recursive: true, force: true });
  }
  const pages = scans.length;
  out('');
  out(`CPU-seconds per page: ours ${(total.oursSeconds / pages).toFixed(2)}, native tesseract (OMP_THREAD_LIMIT=1) ${(total.nativeSeconds / pages).toFixed(2)}, ratio ${(total.oursSeconds / total.nativeSeconds).toFixed(2)} (goal ≤ 1.5)`);
  out(`wall per page: ours ${(total.oursWall / pages).toFixed(2)} s (one process, ${engine.size} threads); native ${(batchWall / pages).toFixed(2)} s (one process per core, ${availableParallelism()} at once)`);
  out(`repairs that changed a cell: ${[...repairs].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`).join(', ') || 'none'}`);
  out(`rows found: ours ${pct(total.ours.found, total.ours.rows)}, native ${pct(total.native.found, total.native.rows)} (goal ≥ 98%)`);
  out(`fields exact: ours ${pct(total.ours.exact, total.ours.fields)}, native ${pct(total.native.exact, total.native.fields)} (goal ≥ 95%)`);
  out(`per field (ours): ${FIELDS.map((f) => `${f} ${pct(total.ours.perField[f].exact, total.ours.perField[f].total)}`).join(', ')}`);
  for (const [key, g] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    out(`${key} (${g.pages} pages): ours ${(g.oursCpu / g.pages).toFixed(2)} CPU-s/page, rows ${pct(g.ours.found, g.ours.rows)}, fields ${pct(g.ours.exact, g.ours.fields)}; native ${(g.nativeCpu / g.pages).toFixed(2)} CPU-s/page, rows ${pct(g.native.found, g.native.rows)}, fields ${pct(g.native.exact, g.native.fields)}`);
  }
  if (other) {
    out(`our reader with tesseract.js instead: ${(total.otherSeconds / pages).toFixed(2)} s/page, rows ${pct(total.other.found, total.other.rows)}, fields ${pct(total.other.exact, total.other.fields)}`);
  }
  writeFileSync(path.join(tmpdir(), 'bench-ocr-last.json'), JSON.stringify(total, null, 1));
}

await main();
