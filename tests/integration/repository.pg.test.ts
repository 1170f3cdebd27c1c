// The repository functions on both drivers (PGlite and node-postgres against a scratch database), one suite.
// Needs Postgres (JIXIAO_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Extraction, Indicator, Value } from '@jixiao/contract';
import {
  indicatorFacts,
  indicators,
  markRunFailed,
  recentFailures,
  recordReceivedFile,
  runCountsByStatus,
  runOutcomes,
  runsToLookAt,
  saveExtraction,
  startRun,
  warnings,
} from '@jixiao/db';
import { DRIVERS, openScratchDatabase, type ScratchDatabase } from '../support/db.ts';

const V = (raw: string, v: Partial<Value>): Value => ({ raw, kind: 'text', op: null, value: null, unit: null, ...v });

function indicator(level3: string, target: Value, actual: Value, attained: boolean | null): Indicator {
  return {
    goal: null,
    level1: '产出指标',
    level2: '数量指标',
    level3,
    target,
    actual,
    weight: 10,
    score: attained ? 10 : 6,
    deviation: attained ? null : '资金未到位',
    attained,
    page: 2,
    core: level3.startsWith('★'),
    box: { x0: 1, y0: 2, x1: 3, y1: 4 },
  };
}

function sampleExtraction(sha256: string): Extraction {
  return {
    schemaVersion: '1',
    source: { fileName: 'a.pdf', sha256, mediaType: 'application/pdf', pageCount: 3, ocr: false },
    reports: [
      {
        kind: 'project',
        title: '项目支出绩效自评表',
        organisation: '某某县财政局',
        implementingUnit: '某某县财政局',
        projectName: '道路维护',
        fiscalYear: 2021,
        funding: [
          { label: '年度资金总额', unit: '万元', initialBudget: 100, annualBudget: 120, executed: 110, executionRate: 0.9167, weight: 10, score: 9 },
        ],
        goals: [{ index: 1, target: '完成道路维护', actual: '已完成' }],
        indicators: [
          indicator('维护里程', V('≥500公里', { kind: 'number', op: 'ge', value: 500, unit: '公里' }), V('480公里', { kind: 'number', op: 'eq', value: 480, unit: '公里' }), false),
          indicator('★完成时间', V('2021年12月前', { kind: 'date', op: 'le', date: '2021-12' }), V('2021年11月', { kind: 'date', op: 'eq', date: '2021-11' }), true),
          indicator(
            '网采率',
            V('药品网采率≥90%，耗材网采率≥80%', {
              kind: 'compound',
              parts: [V('药品网采率≥90%', { kind: 'percent', op: 'ge', value: 90, unit: '%', label: '药品网采率' }), V('耗材网采率≥80%', { kind: 'percent', op: 'ge', value: 80, unit: '%', label: '耗材网采率' })],
            }),
            V('达到', {}),
            null,
          ),
        ],
        totalScore: 92,
        grade: '优',
        pages: [1, 3],
      },
    ],
    warnings: [{ code: 'ScoreOverWeight', message: 'score above weight', page: 2 }],
  };
}

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

describe.each(DRIVERS)('repository on %s', (driver) => {
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await openScratchDatabase(driver, 'repository');
  });
  afterAll(async () => {
    await scratch?.dispose();
  });

  it('applies migrations once (a second migrate is a no-op)', async () => {
    await scratch.database.migrate();
    const { db } = scratch.database;
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(indicatorFacts);
    expect(n).toBe(0);
  });

  it('records a file once, whatever name it comes under', async () => {
    const { db } = scratch.database;
    const first = await recordReceivedFile(db, { sha256: SHA_A, originalName: 'a.pdf', sizeBytes: 10, archivePath: 'aa/aa/' + SHA_A }, 'v1');
    expect(first.newFile).toBe(true);
    expect(first.runId).toBeTypeOf('number');
    const beforeStart = await recordReceivedFile(db, { sha256: SHA_A, originalName: 'a.pdf', sizeBytes: 10, archivePath: 'aa/aa/' + SHA_A }, 'v1');
    expect(beforeStart).toMatchObject({ sourceFileId: first.sourceFileId, runId: first.runId, newFile: false });
    await startRun(db, first.runId!);
    const again = await recordReceivedFile(db, { sha256: SHA_A, originalName: 'copy of a.pdf', sizeBytes: 10, archivePath: 'aa/aa/' + SHA_A }, 'v1');
    expect(again).toMatchObject({ sourceFileId: first.sourceFileId, runId: null, newFile: false });
    const newVersion = await recordReceivedFile(db, { sha256: SHA_A, originalName: 'a.pdf', sizeBytes: 10, archivePath: 'aa/aa/' + SHA_A }, 'v2');
    expect(newVersion.runId).not.toBeNull();
    expect(newVersion.runId).not.toBe(first.runId);
  });

  it('stores an extraction as typed rows and shows it in indicator_facts', async () => {
    const { db } = scratch.database;
    const intake = await recordReceivedFile(db, { sha256: SHA_B, originalName: 'b.pdf', sizeBytes: 20, archivePath: 'bb/bb/' + SHA_B }, 'v1');
    const run = await startRun(db, intake.runId!);
    expect(run).toMatchObject({ sha256: SHA_B, fileName: 'b.pdf', attempts: 1 });
    const counts = await saveExtraction(db, run!, sampleExtraction(SHA_B), { readMs: 1, reconstructMs: 2, normaliseMs: 3 });
    expect(counts).toMatchObject({ reports: 1, fundingLines: 1, goals: 1, indicators: 3, warnings: 1 });
    expect(await startRun(db, intake.runId!)).toBeNull();
    // a second delivery of the same job (stalled worker) stores nothing
    expect(await saveExtraction(db, run!, sampleExtraction(SHA_B), { readMs: 1, reconstructMs: 2, normaliseMs: 3 })).toBeNull();

    const facts = await db.select().from(indicatorFacts).where(eq(indicatorFacts.sha256, SHA_B)).orderBy(indicatorFacts.indicatorId);
    expect(facts).toHaveLength(3);
    expect(facts[0]).toMatchObject({
      organisation: '某某县财政局',
      fiscalYear: 2021,
      reportKind: 'project',
      projectName: '道路维护',
      level1: '产出指标',
      level3: '维护里程',
      targetOp: 'ge',
      targetValue: 500,
      targetUnit: '公里',
      actualValue: 480,
      attained: false,
      weight: 10,
      score: 6,
    });
    expect(facts[1]).toMatchObject({ targetKind: 'date', targetDate: '2021-12', actualDate: '2021-11', core: true, attained: true });

    const [compound] = await db.select().from(indicators).where(eq(indicators.level3, '网采率'));
    expect(compound.targetParts?.map((p) => p.value)).toEqual([90, 80]);
    expect(compound.box).toEqual({ x0: 1, y0: 2, x1: 3, y1: 4 });
    expect(await db.select().from(warnings).where(eq(warnings.runId, run!.runId))).toHaveLength(1);

    const [outcome] = await runOutcomes(db, [run!.runId]);
    expect(outcome).toMatchObject({ status: 'done', reports: 1, indicators: 3 });
  });

  it('records a failure with its code and message', async () => {
    const { db } = scratch.database;
    const sha = 'c'.repeat(64);
    const intake = await recordReceivedFile(db, { sha256: sha, originalName: 'locked.pdf', sizeBytes: 5, archivePath: 'cc/cc/' + sha }, 'v1');
    await startRun(db, intake.runId!);
    await markRunFailed(db, intake.runId!, 'EncryptedPdf', 'locked.pdf: the PDF is encrypted');
    const counts = await runCountsByStatus(db);
    expect(counts).toEqual({ queued: 1, processing: 1, done: 1, failed: 1 });
    const [failure] = await recentFailures(db);
    expect(failure).toMatchObject({ fileName: 'locked.pdf', errorCode: 'EncryptedPdf', errorMessage: 'locked.pdf: the PDF is encrypted' });
  });

  it('lists the newest runs that gave no form or need review, with the warning that says why', async () => {
    const { db } = scratch.database;
    const stored = async (sha: string, name: string, extraction: Extraction) => {
      const intake = await recordReceivedFile(db, { sha256: sha, originalName: name, sizeBytes: 5, archivePath: 'x/' + sha }, 'v1');
      const run = await startRun(db, intake.runId!);
      await saveExtraction(db, run!, extraction, { readMs: 1, reconstructMs: 1, normaliseMs: 1 });
      return run!.runId;
    };
    const noForm = await stored('d'.repeat(64), 'broken.pdf', {
      ...sampleExtraction('d'.repeat(64)),
      reports: [],
      warnings: [
        { code: 'NoFormsFound', message: 'broken.pdf: no self-evaluation form was found in this file', page: null },
        { code: 'PageUnreadable', message: 'broken.pdf: page 1 cannot be read', page: 1 },
      ],
    });
    const doubtful = await stored('e'.repeat(64), 'scan.png', {
      ...sampleExtraction('e'.repeat(64)),
      warnings: [
        { code: 'OcrLowConfidence', message: 'scan.png: 峻 read at 0.42', page: 1 },
        { code: 'OcrLowConfidence', message: 'scan.png: 竣 read at 0.51', page: 1 },
      ],
    });
    const mine = await runsToLookAt(db, { runIds: [noForm, doubtful] });
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ runId: noForm, why: 'no-form', code: 'PageUnreadable', message: 'broken.pdf: page 1 cannot be read', count: 1 }),
        expect.objectContaining({ runId: doubtful, why: 'review', code: 'OcrLowConfidence', count: 2 }),
      ]),
    );
    expect(mine).toHaveLength(2);
    // a report with an ordinary warning (ScoreOverWeight) is not a file to look at
    expect((await runsToLookAt(db)).map((r) => r.fileName).sort()).toEqual(['broken.pdf', 'scan.png']);
  });
});
