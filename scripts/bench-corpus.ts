// The development corpus (../shared/corpus: six real forms nobody here wrote) per format: rows found, spurious
// rows and field F1 as the corpus's own scorer counts them, and the CPU time a document takes to read, with its
// ratio to the text export read in the same run. `npm run bench corpus`; tests/corpus holds a floor per format.
// Prints a note and exits 0 where the checkout has no ../shared beside it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_VARIANTS, corpusDir, corpusDocs, predictVariant, scoreVariants } from '../tests/support/corpus.ts';

if (!corpusDir) {
  process.stdout.write('no ../shared/corpus beside this checkout: nothing to measure\n');
  process.exit(0);
}
const out = mkdtempSync(join(tmpdir(), 'jixiao-bench-corpus-'));
const cpuPerDoc = new Map<string, number>();
const unread = new Map<string, string[]>();
try {
  for (const variant of CORPUS_VARIANTS) {
    const start = process.cpuUsage();
    const failed = await predictVariant(corpusDir, variant, out);
    const used = process.cpuUsage(start);
    const read = corpusDocs(corpusDir, variant).length - failed.length;
    if (read > 0) cpuPerDoc.set(variant, (used.user + used.system) / 1000 / read);
    if (failed.length) unread.set(variant, failed);
  }
  const scores = scoreVariants(corpusDir, out, CORPUS_VARIANTS);
  const reference = cpuPerDoc.get('txt') ?? null;
  process.stdout.write('format  docs  rows     spurious  field F1  CPU ms/doc  × txt\n');
  for (const s of scores) {
    const ms = cpuPerDoc.get(s.variant);
    const ratio = ms !== undefined && reference ? (ms / reference).toFixed(1) : '-';
    process.stdout.write(
      `${s.variant.padEnd(6)}  ${String(s.docs).padStart(4)}  ${`${s.rowsFound}/${s.rowsTotal}`.padEnd(7)}  ${String(s.spurious).padStart(8)}  ${s.fieldF1.toFixed(4).padStart(8)}  ${ms === undefined ? '-'.padStart(10) : ms.toFixed(0).padStart(10)}  ${ratio.padStart(5)}\n`,
    );
  }
  for (const [variant, failed] of unread) process.stdout.write(`${variant}: not read: ${failed.join(', ')}\n`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
