// OCR bench: every scan fixture read by our reader and by Debian's native `tesseract` CLI (chi_sim, whole
// page), in the same run. Prints seconds per page for both, their ratio, and the field accuracy each reaches;
// native tesseract's words are put into the cells our rule finder draws, so both are scored the same way.
// Our reader also runs with its other engine (tesseract.js) in the same run: the measured reason PP-OCR is
// the default.
// Usage: npx tsx scripts/bench-ocr.ts [--engine paddle|tesseract] [--model fast|best] [--no-tesseract-js]
//        [--ocr-dpi 300] [--second-below 0.75] [--workers N] [--only NAME] [--verbose]
import { execFileSync } from 'node:child_process';
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

/** Native tesseract on the page picture as scanned; its words moved into our deskewed frame, then into our grid. */
async function native(file: string, raster: Raster, tmp: string): Promise<{ seconds: number; blocks: Block[] }> {
  const png = path.join(tmp, 'page.png');
  await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 1 } }).withMetadata({ density: raster.dpi }).png().toFile(png);
  const started = performance.now();
  execFileSync('tesseract', [png, path.join(tmp, 'out'), '-l', 'chi_sim', '--dpi', String(Math.round(raster.dpi)), 'tsv'], { stdio: 'ignore' });
  const seconds = (performance.now() - started) / 1000;
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
  return { seconds, blocks: [...tables, ...paragraphsOf(rest, 1)] };
}

type Read = { blocks: Block[]; warnings: unknown[] };

async function readWith(engine: OcrEngine, file: string, bytes: Uint8Array): Promise<Read> {
  const options = { engine, ocrDpi: args['ocr-dpi'] ? Number(args['ocr-dpi']) : undefined, secondOpinionBelow: args['second-below'] ? Number(args['second-below']) : undefined };
  if (file.endsWith('.pdf')) return ocrPages(bytes, [1], options).then((r) => ({ blocks: r.pages.flatMap((p) => p.blocks), warnings: r.warnings }));
  return read(bytes, options).then((r) => ({ blocks: r.layout.blocks, warnings: r.warnings }));
}

async function main(): Promise<void> {
  const scans = loadManifest().filter((s) => !args.only || s.file.includes(args.only));
  const started = performance.now();
  const engine = await createOcrEngine({ kind: args.engine as OcrEngineName, model: args.model as 'fast' | 'best', workers: args.workers ? Number(args.workers) : undefined });
  const startup = (performance.now() - started) / 1000;
  // the other engine, for comparison (skipped when it is the one measured)
  const other = args['no-tesseract-js'] || engine.name === 'tesseract' ? null : await createOcrEngine({ kind: 'tesseract', model: args.model as 'fast' | 'best', workers: args.workers ? Number(args.workers) : undefined });
  out(`engine: ${engine.name}, ${engine.size} workers, model ${engine.data.model} (${engine.data.langPath}), startup ${startup.toFixed(1)} s`);
  out(`file | ours s/page | native s/page | ratio | ours rows | ours fields | native rows | native fields | low-confidence warnings${other ? ' | tesseract.js s/page | tesseract.js fields' : ''}`);
  const tmp = mkdtempSync(path.join(tmpdir(), 'bench-ocr-'));
  const total = { ours: emptyScore(), native: emptyScore(), other: emptyScore(), oursSeconds: 0, nativeSeconds: 0, otherSeconds: 0 };
  const byDpi = new Map<number, { ours: Score; native: Score }>();
  try {
    for (const scan of scans) {
      const bytes = new Uint8Array(readFileSync(path.join(SCANS_DIR, scan.file)));
      const rows = await expectedRows(scan);
      const t0 = performance.now();
      const ours = await readWith(engine, scan.file, bytes);
      const oursSeconds = (performance.now() - t0) / 1000;
      const nat = await native(scan.file, await pictureOf(scan.file, bytes), tmp);
      const o = scoreLayout(ours.blocks, rows);
      const n = scoreLayout(nat.blocks, rows);
      scoreLayout(ours.blocks, rows, total.ours);
      scoreLayout(nat.blocks, rows, total.native);
      const d = byDpi.get(scan.dpi) ?? { ours: emptyScore(), native: emptyScore() };
      scoreLayout(ours.blocks, rows, d.ours);
      scoreLayout(nat.blocks, rows, d.native);
      byDpi.set(scan.dpi, d);
      total.oursSeconds += oursSeconds;
      total.nativeSeconds += nat.seconds;
      let line = `${scan.file} | ${oursSeconds.toFixed(2)} | ${nat.seconds.toFixed(2)} | ${(oursSeconds / nat.seconds).toFixed(2)} | ${o.found}/${o.rows} | ${pct(o.exact, o.fields)} | ${n.found}/${n.rows} | ${pct(n.exact, n.fields)} | ${ours.warnings.length}`;
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
  } finally {
    await engine.terminate();
    await other?.terminate();
    rmSync(tmp, { recursive: true, force: true });
  }
  const pages = scans.length;
  out('');
  out(`per page: ours ${(total.oursSeconds / pages).toFixed(2)} s, native ${(total.nativeSeconds / pages).toFixed(2)} s, ratio ${(total.oursSeconds / total.nativeSeconds).toFixed(2)} (goal ≤ 1.5)`);
  out(`rows found: ours ${pct(total.ours.found, total.ours.rows)}, native ${pct(total.native.found, total.native.rows)} (goal ≥ 98%)`);
  out(`fields exact: ours ${pct(total.ours.exact, total.ours.fields)}, native ${pct(total.native.exact, total.native.fields)} (goal ≥ 95%)`);
  out(`per field (ours): ${FIELDS.map((f) => `${f} ${pct(total.ours.perField[f].exact, total.ours.perField[f].total)}`).join(', ')}`);
  for (const [dpi, s] of [...byDpi].sort((a, b) => a[0] - b[0])) {
    out(`${dpi} dpi: ours rows ${pct(s.ours.found, s.ours.rows)}, fields ${pct(s.ours.exact, s.ours.fields)}; native rows ${pct(s.native.found, s.native.rows)}, fields ${pct(s.native.exact, s.native.fields)}`);
  }
  if (other) {
    out(`our reader with tesseract.js instead: ${(total.otherSeconds / pages).toFixed(2)} s/page, rows ${pct(total.other.found, total.other.rows)}, fields ${pct(total.other.exact, total.other.fields)}`);
  }
  writeFileSync(path.join(tmpdir(), 'bench-ocr-last.json'), JSON.stringify(total, null, 1));
}

await main();
