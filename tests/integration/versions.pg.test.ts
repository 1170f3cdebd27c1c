// Versions and re-runs on both drivers (docs/versions.md): new bytes at a known path, or a file holding the same
// reports (organisation + fiscal year + kind + project) as a document's current version, become that document's
// next version; indicator_facts shows the current version only, indicator_facts_all every version; re-running a
// file replaces its rows in one transaction and never duplicates them.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { count, eq } from 'drizzle-orm';
import { openLocalStore } from '@jixiao/archive-store';
import { extractionRuns, indicatorFacts, indicatorFactsAll, queueRerun, reports, selectForReprocess, sourceFiles } from '@jixiao/db';
import { EXTRACTOR_VERSION } from '@jixiao/pipeline';
import { receiveFile } from '@jixiao/intake';
import { processStoredFile } from '@jixiao/worker';
import { DRIVERS, openScratchDatabase, type ScratchDatabase } from '../support/db.ts';

const SEEDS = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));
const limits = { maxBytes: 10 * 1024 * 1024, maxPages: 50, timeBudgetMs: 60_000 };

describe.each(DRIVERS)('versions on %s', (driver) => {
  let scratch: ScratchDatabase;
  let work: string;
  let seed: string;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    scratch = await openScratchDatabase(driver, 'versions');
    work = await mkdtemp(join(tmpdir(), 'jixiao-versions-'));
    seed = await readFile(join(SEEDS, (await readdir(SEEDS)).sort()[2]), 'utf8');
  });

  afterAll(async () => {
    await scratch?.dispose();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const db = () => scratch.database.db;
  const deps = () => ({ db: db(), store: openLocalStore(join(work, 'archive')), limits, logger });

  /** write text at a path, receive it under a logical path, run the stages inline */
  async function arrive(text: string, logicalPath: string) {
    const path = join(work, 'drop-' + Math.random().toString(36).slice(2));
    await writeFile(path, text);
    const r = await receiveFile({ db: db(), store: openLocalStore(join(work, 'archive')), spoolDir: join(work, 'spool') }, path, logicalPath);
    for (const job of r.jobs) await processStoredFile(deps(), job.runId);
    const [file] = await db().select().from(sourceFiles).where(eq(sourceFiles.sha256, r.sha256));
    return file;
  }

  const factsOf = async (sourceFileId: number) =>
    Number((await db().select({ n: count() }).from(indicatorFacts).where(eq(indicatorFacts.sourceFileId, sourceFileId)))[0].n);
  const allFactsOf = async (sourceFileId: number) =>
    Number((await db().select({ n: count() }).from(indicatorFactsAll).where(eq(indicatorFactsAll.sourceFileId, sourceFileId)))[0].n);

  let v1: typeof sourceFiles.$inferSelect;
  let v2: typeof sourceFiles.$inferSelect;
  let v3: typeof sourceFiles.$inferSelect;

  it('new bytes at the same path become version 2; the views show the current version only', async () => {
    v1 = await arrive(seed, '财政局/2021/自评表.txt');
    expect(v1).toMatchObject({ documentVersion: 1, isCurrent: true });
    const perFile = await factsOf(v1.id);
    expect(perFile).toBeGreaterThan(0);

    v2 = await arrive(seed + '\n备注：更正后重新报送\n', '财政局/2021/自评表.txt');
    expect(v2).toMatchObject({ documentId: v1.documentId, documentVersion: 2, isCurrent: true });
    const [old] = await db().select().from(sourceFiles).where(eq(sourceFiles.id, v1.id));
    expect(old.isCurrent).toBe(false);
    expect(await factsOf(v1.id)).toBe(0);
    expect(await factsOf(v2.id)).toBe(perFile);
    // the older version and its extraction stay queryable
    expect(await allFactsOf(v1.id)).toBe(perFile);
    const [run1] = await db().select().from(extractionRuns).where(eq(extractionRuns.sourceFileId, v1.id));
    expect(run1.status).toBe('done');
    expect(run1.extraction?.reports.length).toBeGreaterThan(0);
  });

  it('a file elsewhere holding the same reports joins the document as the next version', async () => {
    v3 = await arrive(seed + '\n（第三次报送）\n', '另一个文件夹/更正版.txt');
    expect(v3).toMatchObject({ documentId: v1.documentId, documentVersion: 3, isCurrent: true });
    const versions = await db().select().from(sourceFiles).where(eq(sourceFiles.documentId, v1.documentId));
    expect(versions.filter((v) => v.isCurrent).map((v) => v.id)).toEqual([v3.id]);
    const [{ n }] = await db().select({ n: count() }).from(indicatorFacts).where(eq(indicatorFacts.documentId, v1.documentId));
    expect(Number(n)).toBe(await factsOf(v3.id));
  });

  it('a different report at a new path is a document of its own', async () => {
    const other = (await readFile(join(SEEDS, (await readdir(SEEDS)).sort()[0]), 'utf8')) + '\n';
    const file = await arrive(other, '别的单位/自评表.txt');
    expect(file.documentId).not.toBe(v1.documentId);
    expect(file).toMatchObject({ documentVersion: 1, isCurrent: true });
  });

  it('re-running a file replaces its rows, never duplicating them, and leaves the current version alone', async () => {
    const rowsBefore = await db().select({ n: count() }).from(reports);
    const facts = await factsOf(v3.id);
    for (let i = 0; i < 2; i++) {
      const runId = await queueRerun(db(), v3.id, EXTRACTOR_VERSION);
      expect(await queueRerun(db(), v3.id, EXTRACTOR_VERSION), 'asking twice queues one run').toBe(runId);
      expect((await processStoredFile(deps(), runId)).status).toBe('done');
    }
    expect(await db().select({ n: count() }).from(reports)).toEqual(rowsBefore);
    expect(await factsOf(v3.id)).toBe(facts);
    expect(await db().select({ n: count() }).from(extractionRuns).where(eq(extractionRuns.sourceFileId, v3.id))).toEqual([{ n: 3 }]);
    // re-running an older version refreshes its rows but does not make it current again
    await processStoredFile(deps(), await queueRerun(db(), v1.id, EXTRACTOR_VERSION));
    const [again] = await db().select().from(sourceFiles).where(eq(sourceFiles.id, v1.id));
    expect(again.isCurrent).toBe(false);
    expect(await allFactsOf(v1.id)).toBe(facts);
  });

  it('selects files to re-run by hash, document, organisation, year, failure and extractor version', async () => {
    const [r] = await db().select().from(reports).where(eq(reports.sourceFileId, v3.id)).limit(1);
    expect((await selectForReprocess(db(), { target: v3.sha256! })).map((f) => f.sourceFileId)).toEqual([v3.id]);
    expect((await selectForReprocess(db(), { target: String(v1.documentId) })).map((f) => f.sourceFileId)).toEqual([v1.id, v2.id, v3.id]);
    expect((await selectForReprocess(db(), { organisation: r.organisation! })).map((f) => f.sourceFileId)).toEqual([v1.id, v2.id, v3.id]);
    expect(await selectForReprocess(db(), { year: 1999 })).toEqual([]);
    expect(await selectForReprocess(db(), { failed: true })).toEqual([]);
    expect(await selectForReprocess(db(), { olderThanVersion: EXTRACTOR_VERSION })).toEqual([]);
    expect(await selectForReprocess(db(), { olderThanVersion: '999.0.0', all: true })).toHaveLength(4);
  });
});
