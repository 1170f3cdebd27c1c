// Legacy Office files through LibreOffice: the conversion works, and neither a finished nor a killed conversion
// leaves a process or a temporary folder behind. Needs `soffice` (apt-get install libreoffice-writer-nogui
// libreoffice-calc-nogui); the ConverterMissing cases run without it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TableBlock } from '@jixiao/layout';
import { isExtractionError } from '@jixiao/contract';
import { read } from '../../packages/readers/src/legacy-office/read.ts';
import { read as readXlsx } from '../../packages/readers/src/xlsx/read.ts';
import { convertWithLibreOffice } from '../../packages/readers/src/legacy-office/convert.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/readers/xlsx/${name}`, import.meta.url)));
const hasSoffice = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const tmpRoot = mkdtempSync(join(tmpdir(), 'legacy-test-'));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));

/** Processes whose command line names our temporary root: only conversions started by this file. */
function ourProcesses(): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(tmpRoot) && !line.includes(' ps '));
}

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => null, (e: unknown) => e);
}

describe.skipIf(!hasSoffice)('with LibreOffice', () => {
  it('reads a .doc through DOCX, and leaves no process or temp folder', async () => {
    const { layout, warnings } = await read(fixture('form.doc'), { fileName: 'form.doc', tmpRoot });
    const table = layout.blocks.find((b): b is TableBlock => b.type === 'table')!;
    expect(table.cells.find((c) => c.text === '天津市医疗保障局')).toMatchObject({ colSpan: 8 });
    expect(table.cells.find((c) => c.text === '绩效目标1')).toMatchObject({ rowSpan: 4 });
    expect(table.cells.map((c) => c.text)).toContain('82.6%');
    expect(warnings.map((w) => w.code)).toContain('ConvertedByLibreOffice');
    expect(ourProcesses()).toEqual([]);
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  it('converts .xls to .xlsx that reads like the original', async () => {
    const xlsx = await convertWithLibreOffice(fixture('form.xls'), 'xls', 'xlsx', { tmpRoot });
    const direct = await readXlsx(fixture('form.xls'));
    expect((await readXlsx(xlsx)).layout).toEqual(direct.layout);
    expect(ourProcesses()).toEqual([]);
  });

  it('kills the whole process group when cancelled mid-conversion', async () => {
    const controller = new AbortController();
    let sawConverter = false;
    const poll = setInterval(() => {
      if (ourProcesses().some((l) => l.includes('soffice.bin'))) {
        sawConverter = true;
        controller.abort();
      }
    }, 50);
    const error = await errorOf(read(fixture('form.doc'), { fileName: 'form.doc', tmpRoot, signal: controller.signal }));
    clearInterval(poll);
    expect(sawConverter).toBe(true);
    expect(isExtractionError(error) && error.code).toBe('Timeout');
    expect(ourProcesses()).toEqual([]);
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  it('a conversion over its time limit fails with Timeout and leaves nothing behind', async () => {
    const error = await errorOf(read(fixture('form.doc'), { fileName: 'form.doc', tmpRoot, convertTimeoutMs: 300 }));
    expect(isExtractionError(error) && error.code).toBe('Timeout');
    expect((error as Error).message).toContain('form.doc');
    expect(ourProcesses()).toEqual([]);
    expect(readdirSync(tmpRoot)).toEqual([]);
  });
});

describe('without LibreOffice', () => {
  it('a .doc fails with ConverterMissing saying what to install', async () => {
    const error = await errorOf(read(fixture('form.doc'), { fileName: 'form.doc', tmpRoot, sofficePath: join(tmpRoot, 'no-such-soffice') }));
    expect(isExtractionError(error) && error.code).toBe('ConverterMissing');
    expect((error as Error).message).toContain('apt-get install libreoffice-writer-nogui libreoffice-calc-nogui');
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  it('looks soffice up on PATH, so a PATH without it is ConverterMissing too', async () => {
    const path = process.env.PATH;
    process.env.PATH = tmpRoot;
    try {
      const error = await errorOf(read(fixture('form.doc'), { fileName: 'form.doc', tmpRoot }));
      expect(isExtractionError(error) && error.code).toBe('ConverterMissing');
    } finally {
      process.env.PATH = path;
    }
  });

  it('still reads .xls (SheetJS parses BIFF8 itself)', async () => {
    const { layout } = await read(fixture('form.xls'), { fileName: 'form.xls', sofficePath: join(tmpRoot, 'no-such-soffice') });
    expect(layout.pageCount).toBe(2);
    expect(JSON.stringify(layout)).toContain('82.6%');
  });
});
