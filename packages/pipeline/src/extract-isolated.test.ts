// The isolated extractor against real children: the same Extraction as in-process, and a child stopped for
// time, memory or cancellation ends only that file, the next one going on in a fresh child.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isExtractionError } from '@jixiao/contract';
import { extractFile } from './extract-file.ts';
import { createIsolatedExtractor, type IsolatedExtractor } from './extract-isolated.ts';

const form = fileURLToPath(new URL('../../../fixtures/forms/seed-000/form.tsv.txt', import.meta.url));
const meta = { fileName: 'form.tsv.txt' };
let extractor: IsolatedExtractor | undefined;
afterEach(() => extractor?.close());

async function codeOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  return isExtractionError(err) ? err.code : `not an ExtractionError: ${String(err)}`;
}

describe('createIsolatedExtractor', () => {
  it('gives the in-process extraction, from a path or from bytes, and reuses its child', async () => {
    extractor = createIsolatedExtractor({ memoryMb: 1024 });
    const bytes = new Uint8Array(await readFile(form));
    const t0 = performance.now();
    const fromPath = await extractor.extract({ path: form }, meta);
    const first = performance.now() - t0;
    const fromBytes = await extractor.extract({ bytes }, meta);
    const second = performance.now() - t0 - first;
    const inProcess = await extractFile(bytes, meta);
    expect(fromPath.extraction).toEqual(inProcess);
    expect(fromBytes.extraction).toEqual(inProcess);
    // the second file pays no start-up: the child and its imports are kept
    expect(second).toBeLessThan(first);
  });

  it('stops a file past its time budget as Timeout, and the next file goes on', async () => {
    extractor = createIsolatedExtractor({ memoryMb: 1024, graceMs: 0 });
    await extractor.extract({ path: form }, meta); // warm: the 1 ms budget must not be spent on start-up
    expect(await codeOf(extractor.extract({ path: form }, { ...meta, timeBudgetMs: 1 }))).toBe('Timeout');
    expect((await extractor.extract({ path: form }, meta)).extraction.reports.length).toBeGreaterThan(0);
  });

  it('stops a child over its memory as OutOfMemory', async () => {
    // 30 MB of table rows: reading them takes well over 256 MiB
    const row = '项目名称\t' + '指标'.repeat(20) + '\t≥500万人\t100%\n';
    const big = join(await mkdtemp(join(tmpdir(), 'jixiao-oom-')), 'big.txt');
    await writeFile(big, row.repeat(Math.ceil(30e6 / row.length)));
    extractor = createIsolatedExtractor({ memoryMb: 256 });
    const err = await extractor.extract({ path: big }, { fileName: 'big.txt' }).catch((e: unknown) => e);
    await rm(dirname(big), { recursive: true });
    expect(isExtractionError(err) && err.code).toBe('OutOfMemory');
    expect((err as Error).message).toContain('EXTRACT_MEMORY_MB');
    expect((await extractor.extract({ path: form }, meta)).extraction.reports.length).toBeGreaterThan(0);
  });

  it('ends a cancelled file with the signal reason and keeps serving', async () => {
    extractor = createIsolatedExtractor({ memoryMb: 1024 });
    await extractor.extract({ path: form }, meta);
    const controller = new AbortController();
    const running = extractor.extract({ path: form }, meta, { signal: controller.signal });
    controller.abort(new Error('cancelled by the queue'));
    await expect(running).rejects.toThrow('cancelled by the queue');
    expect((await extractor.extract({ path: form }, meta)).extraction.reports.length).toBeGreaterThan(0);
  });

  it('fails a file over the size limit from its size, unread', async () => {
    extractor = createIsolatedExtractor({ memoryMb: 1024 });
    expect(await codeOf(extractor.extract({ path: form }, { ...meta, maxBytes: 10 }))).toBe('FileTooLarge');
  });
});
