// A ZIP dropped in (fixtures/archives/provincial.zip: GBK names, folders, a nested ZIP, a damaged member, a name
// climbing out of the archive): embedded through `jixiao ingest` into PGlite, and through the inbox, queue and
// worker into Postgres. Every good member's forms are stored with its path inside the archive, the broken member
// and the traversal name fail alone with their codes, the same ZIP dropped again adds nothing, and a corrected ZIP
// re-runs only the member that changed.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { count, eq, isNotNull } from 'drizzle-orm';
import { unpackZip, type Unpacked } from '@jixiao/archive';
import { extractionRuns, openDatabase, reports, sourceFiles, type Db } from '@jixiao/db';
import { extractFile } from '@jixiao/pipeline';
import { startStack, until, untilSettled, type Stack } from './support/stack.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ZIP = join(ROOT, 'fixtures/archives/provincial.zip');

/**
 * What each member should become, from the stages called directly: reports, or the failure code. Members are
 * kept by hash: a member whose bytes came earlier (the nested ZIP repeats a seed) is the same source file.
 */
async function expectedMembers(unpacked: Unpacked) {
  const out = new Map<string, { reports: number } | { code: string }>();
  const seen = new Set<string>();
  for (const m of unpacked.members) {
    if (seen.has(m.sha256)) continue;
    seen.add(m.sha256);
    try {
      const e = await extractFile(m.bytes, { fileName: m.path.split('/').pop()!, archivePath: m.archivePath });
      out.set(m.archivePath, { reports: e.reports.length });
    } catch (err) {
      out.set(m.archivePath, { code: (err as { code: string }).code });
    }
  }
  for (const f of unpacked.failures) out.set(f.archivePath, { code: f.code });
  return out;
}

async function storedMembers(db: Db) {
  const rows = await db
    .select({ path: sourceFiles.archiveMemberPath, status: extractionRuns.status, code: extractionRuns.errorCode, extraction: extractionRuns.extraction, id: sourceFiles.id })
    .from(sourceFiles)
    .innerJoin(extractionRuns, eq(extractionRuns.sourceFileId, sourceFiles.id))
    .where(isNotNull(sourceFiles.archiveMemberPath));
  const out = new Map<string, { reports: number } | { code: string }>();
  for (const r of rows) {
    if (r.status === 'done') {
      // the stored extraction names where the member came from
      expect(r.extraction!.source.archivePath).toBe(r.path);
      const [{ n }] = await db.select({ n: count() }).from(reports).where(eq(reports.sourceFileId, r.id));
      out.set(r.path!, { reports: Number(n) });
    } else out.set(r.path!, { code: r.code! });
  }
  return out;
}

let expected: Map<string, { reports: number } | { code: string }>;
let unpacked: Unpacked;

beforeAll(async () => {
  unpacked = await unpackZip(new Uint8Array(await readFile(ZIP)), { archiveName: 'provincial.zip' });
  expected = await expectedMembers(unpacked);
  // the fixture's own promises, so the comparisons below cannot pass vacuously
  expect(expected.get('provincial.zip!/损坏的自评表.xlsx')).toEqual({ code: 'CorruptFile' });
  expect([...expected.values()].filter((v) => 'reports' in v && v.reports > 0).length).toBeGreaterThanOrEqual(6);
  expect(unpacked.members.some((m) => m.archivePath.includes('附件.zip!/'))).toBe(true);
}, 120_000);

describe('a ZIP through the queue (Postgres, Redis)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ label: 'zip' });
    await stack.startWorker();
    await stack.startWatcher();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('stores every good member with its path inside the archive and fails the broken ones alone', async () => {
    await copyFile(ZIP, join(stack.inbox, 'provincial.zip'));
    await untilSettled(stack, expected.size, 120_000);
    expect(await storedMembers(stack.database.db)).toEqual(expected);
    const [container] = await stack.database.db.select().from(sourceFiles).where(eq(sourceFiles.originalName, 'provincial.zip'));
    expect(container.mediaType).toBe('application/zip');
    expect(await stack.database.db.select().from(extractionRuns).where(eq(extractionRuns.sourceFileId, container.id))).toEqual([]);
  }, 150_000);

  it('adds nothing when the same ZIP is dropped again', async () => {
    const before = await stack.database.db.select({ n: count() }).from(extractionRuns);
    const files = await stack.database.db.select({ n: count() }).from(sourceFiles);
    await copyFile(ZIP, join(stack.inbox, 'again.zip'));
    await stack.log.waitFor((l) => l.msg === 'archive received' && l.file === 'again.zip');
    expect(await stack.database.db.select({ n: count() }).from(extractionRuns)).toEqual(before);
    expect(await stack.database.db.select({ n: count() }).from(sourceFiles)).toEqual(files);
  });

  it('re-runs only the member that changed in a corrected ZIP, as its next version', async () => {
    const before = Number((await stack.database.db.select({ n: count() }).from(extractionRuns))[0].n);
    const changed = unpacked.members.filter((m) => m.path.endsWith('.txt') && !m.path.includes('!/')).pop()!;
    const entries = Object.fromEntries(
      unpacked.members
        .filter((m) => !m.path.includes('!/'))
        .map((m) => [m.path, m === changed ? new Uint8Array([...m.bytes, ...new TextEncoder().encode('\n备注：更正\n')]) : m.bytes]),
    );
    await writeFile(join(stack.inbox, 'provincial.zip'), zipSync(entries));
    await until(async () => {
      const s = await stack.statuses();
      return Number((await stack.database.db.select({ n: count() }).from(extractionRuns))[0].n) > before && s.queued + s.processing === 0;
    }, 60_000, 'the corrected member');
    const after = await stack.database.db.select().from(extractionRuns);
    expect(after.length).toBe(before + 1);
    const [old, corrected] = await stack.database.db.select().from(sourceFiles).where(eq(sourceFiles.archiveMemberPath, changed.archivePath)).orderBy(sourceFiles.id);
    expect(corrected).toMatchObject({ documentId: old.documentId, documentVersion: old.documentVersion + 1, isCurrent: true });
    const versions = await stack.database.db.select().from(sourceFiles).where(eq(sourceFiles.documentId, old.documentId));
    expect(versions.filter((v) => v.isCurrent).map((v) => v.id)).toEqual([corrected.id]);
    expect(Math.max(...versions.map((v) => v.documentVersion))).toBe(corrected.documentVersion);
  });
});

describe('a ZIP ingested embedded (PGlite, `jixiao ingest`)', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'jixiao-zip-embedded-'));
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('stores the same members and failures', async () => {
    const env = { ...process.env, DATABASE_URL: '', REDIS_URL: '', ARCHIVE_DIR: '', DATA_DIR: join(work, 'data') };
    const ingest = () => run(process.execPath, [join(ROOT, 'bin/jixiao.mjs'), 'ingest', ZIP], { env, cwd: work });
    const first = await ingest();
    const failures = [...expected.values()].filter((v) => 'code' in v).length;
    expect(first.stdout).toMatch(new RegExp(`^failures\\s+${failures}$`, 'm'));
    expect(first.stdout).toContain('✗ provincial.zip!/损坏的自评表.xlsx: CorruptFile');
    const database = openDatabase({ databaseUrl: null, pgliteDir: join(work, 'data', 'pglite') });
    try {
      expect(await storedMembers(database.db)).toEqual(expected);
    } finally {
      await database.close();
    }
  }, 180_000);
});
