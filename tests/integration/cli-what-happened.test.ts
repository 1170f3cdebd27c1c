// What happened to every file: `jixiao ingest` of a folder with odd files on the embedded default (PGlite, no
// Redis) names the files read with no form found beside the failures, and `jixiao status` names them too.
// Empty files fail each in its own name: they all hash alike, yet none hides behind another as "already stored".
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const JIXIAO = join(ROOT, 'bin/jixiao.mjs');

describe('jixiao ingest and status say what happened to each file (embedded)', () => {
  let work: string;
  let env: NodeJS.ProcessEnv;
  const jixiao = async (...args: string[]) => (await run(process.execPath, [JIXIAO, ...args], { env, cwd: work })).stdout;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'jixiao-what-happened-'));
    const inbox = join(work, 'drop');
    await mkdir(inbox);
    env = { ...process.env, DATA_DIR: join(work, 'data'), DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'error' };
    await copyFile(join(ROOT, 'fixtures/bad/not-a-report.txt'), join(inbox, 'meeting-notes.txt'));
    await copyFile(join(ROOT, 'fixtures/seeds/002_0f420e2e2c08cc0b.txt'), join(inbox, 'report.txt'));
    // a workbook that is no form: a price list
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['品名', '单价'], ['铅笔', 1.5], ['橡皮', 0.8]]), '价目');
    await writeFile(join(inbox, 'prices.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    await writeFile(join(inbox, 'empty.docx'), '');
    await writeFile(join(inbox, 'empty.txt'), '');
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('names the files with no form and every empty file in the summary, and again in status', async () => {
    const summary = await jixiao('ingest', join(work, 'drop'));
    expect(summary).toMatch(/^files\s+5$/m);
    expect(summary).toMatch(/^extracted\s+3$/m);
    expect(summary).toMatch(/^no form found\s+2$/m);
    expect(summary).toMatch(/^failures\s+2$/m);
    expect(summary).toMatch(/^ {2}○ meeting-notes\.txt: NoFormsFound /m);
    expect(summary).toMatch(/^ {2}○ prices\.xlsx: NoFormsFound /m);
    expect(summary).toMatch(/^ {2}✗ empty\.docx: EmptyFile empty\.docx: the file is empty/m);
    expect(summary).toMatch(/^ {2}✗ empty\.txt: EmptyFile empty\.txt: the file is empty/m);
    expect(summary).not.toMatch(/report\.txt/);

    const status = await jixiao('status');
    expect(status).toMatch(/^ {2}done\s+3$/m);
    expect(status).toMatch(/^ {2}failed\s+2$/m);
    expect(status).toMatch(/^ {2}○ meeting-notes\.txt: NoFormsFound /m);
    expect(status).toMatch(/^ {2}○ prices\.xlsx: NoFormsFound /m);
    expect(status).toMatch(/empty\.txt {2}EmptyFile: /);
    expect(status).toMatch(/empty\.docx {2}EmptyFile: /);
  });

  it('adds nothing when the same folder is dropped again', async () => {
    const again = await jixiao('ingest', join(work, 'drop'));
    expect(again).toMatch(/^already stored\s+5$/m);
    expect(again).toMatch(/^failures\s+0$/m);
  });
});
