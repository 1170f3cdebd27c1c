// unpackZip over the provincial archive fixture (fixtures/archives/build.ts) and over archives built here
// to trip one limit each: every time, the member at fault fails alone and the others come through.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { unpackZip } from '@jixiao/archive';
import { isExtractionError } from '@jixiao/contract';
import { writeZip } from '../../fixtures/archives/zip-writer.ts';

const fixture = (p: string) => readFileSync(new URL(`../../fixtures/${p}`, import.meta.url));
const gbk = (name: string) => iconv.encode(name, 'gbk');
const text = (s: string, times = 1) => Buffer.from(s.repeat(times));

describe('the provincial archive (GBK names, Windows-style)', async () => {
  const { members, failures } = await unpackZip(fixture('archives/provincial.zip'), { archiveName: 'provincial.zip' });
  const paths = members.map((m) => m.path);

  it('decodes GBK member names written without the UTF-8 flag', () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        '二〇二一/项目自评表.xlsx',
        '二〇二一/整体支出绩效自评表.xls',
        '二〇二一/自评报告.doc',
        '二〇二二/部门整体支出自评表1.txt',
        '二〇二二/部门整体支出自评表5.txt',
      ]),
    );
  });

  it('records each member with its path inside the archive, its own bytes and hash', () => {
    const xlsx = members.find((m) => m.path === '二〇二一/项目自评表.xlsx')!;
    expect(xlsx.archivePath).toBe('provincial.zip!/二〇二一/项目自评表.xlsx');
    expect(Buffer.from(xlsx.bytes).equals(fixture('readers/xlsx/form.xlsx'))).toBe(true);
    expect(xlsx.sha256).toBe(createHash('sha256').update(xlsx.bytes).digest('hex'));
    // the same bytes in two places hash alike, so the store can tell a repeated form from a new one
    const seed2 = members.find((m) => m.path === '二〇二二/部门整体支出自评表2.txt')!;
    const nested = members.find((m) => m.path === '附件/附件.zip!/绩效自评说明.txt')!;
    expect(nested.sha256).toBe(seed2.sha256);
    expect(xlsx.sha256).not.toBe(seed2.sha256);
  });

  it('opens the nested attachments ZIP one level deep, and leaves XLSX/DOCX (also ZIPs) as files', () => {
    const nested = members.find((m) => m.path === '附件/附件.zip!/绩效自评说明.txt');
    expect(nested?.archivePath).toBe('provincial.zip!/附件/附件.zip!/绩效自评说明.txt');
    expect(paths).not.toContain('附件/附件.zip');
    expect(paths.some((p) => p.includes('.xlsx!/'))).toBe(false);
  });

  it('fails the damaged member and the traversal name on their own, and skips OS junk silently', () => {
    expect(failures.map((f) => [f.archivePath, f.code])).toEqual([
      ['provincial.zip!/损坏的自评表.xlsx', 'CorruptFile'],
      ['provincial.zip!/../../越界/自评表.txt', 'PathTraversal'],
    ]);
    expect(failures.every((f) => f.message.length > 20)).toBe(true);
    expect(paths.some((p) => /__MACOSX|Thumbs\.db|\/$/.test(p))).toBe(false);
  });
});

describe('limits, each member on its own', () => {
  it('a zip-bomb-like member fails before it is inflated; its neighbours are read', async () => {
    const zip = writeZip([
      { name: 'a.txt', data: text('整体支出绩效自评表\n', 50) },
      { name: 'bomb.bin', data: new Uint8Array(64 * 1024 * 1024) },
      { name: 'b.txt', data: text('项目支出绩效自评表\n', 50) },
    ]);
    const { members, failures } = await unpackZip(zip, { archiveName: 'x.zip', maxRatio: 100 });
    expect(members.map((m) => m.path)).toEqual(['a.txt', 'b.txt']);
    expect(failures).toMatchObject([{ archivePath: 'x.zip!/bomb.bin', code: 'ArchiveBomb' }]);
  });

  it('a member whose header understates its size is stopped while streaming', async () => {
    const zip = writeZip([
      { name: 'liar.txt', data: text('x', 5 * 1024 * 1024), declaredSize: 1000 },
      { name: 'ok.txt', data: text('ok') },
    ]);
    const { members, failures } = await unpackZip(zip, { archiveName: 'x.zip' });
    expect(members.map((m) => m.path)).toEqual(['ok.txt']);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.archivePath).toBe('x.zip!/liar.txt');
    expect(['ArchiveBomb', 'CorruptFile']).toContain(failures[0]!.code);
  });

  it('maxTotalBytes: the member that would cross it fails, earlier and smaller ones are read', async () => {
    const zip = writeZip(['1', '2', '3'].map((n) => ({ name: `${n}.txt`, data: text(n, 1000) })).concat([{ name: 'small.txt', data: text('s', 100) }]));
    const { members, failures } = await unpackZip(zip, { archiveName: 'x.zip', maxTotalBytes: 2500 });
    expect(members.map((m) => m.path)).toEqual(['1.txt', '2.txt', 'small.txt']);
    expect(failures).toMatchObject([{ archivePath: 'x.zip!/3.txt', code: 'FileTooLarge' }]);
  });

  it('maxMembers: members past the limit fail, by name', async () => {
    const zip = writeZip([1, 2, 3, 4, 5].map((n) => ({ name: gbk(`表${n}.txt`), data: text(`${n}`) })));
    const { members, failures } = await unpackZip(zip, { archiveName: 'x.zip', maxMembers: 3 });
    expect(members.map((m) => m.path)).toEqual(['表1.txt', '表2.txt', '表3.txt']);
    expect(failures.map((f) => [f.archivePath, f.code])).toEqual([
      ['x.zip!/表4.txt', 'TooManyMembers'],
      ['x.zip!/表5.txt', 'TooManyMembers'],
    ]);
  });

  it('a ZIP64 archive of 70,000 members: its true count is read from the ZIP64 end record, and the limit refuses the rest', async () => {
    const zip = writeZip(Array.from({ length: 70_000 }, (_, i) => ({ name: `m${i}.txt`, data: text('项目名称'), method: 'store' as const })));
    // the classic end record saturated (65,535): a reader that stopped there would see a smaller archive
    expect(zip.readUInt16LE(zip.length - 22 + 10)).toBe(0xffff);
    const { members, failures } = await unpackZip(zip, { archiveName: 'x.zip', maxMembers: 5 });
    expect(members).toHaveLength(5);
    expect(failures.map((f) => f.code)).toEqual(Array(6).fill('TooManyMembers'));
    expect(failures.at(-1)!.message).toBe('x.zip: 69990 more entries not read, the archive has more than 5 files (MAX_ARCHIVE_MEMBERS)');
  });

  it('nested ZIPs: one level by default, deeper ones fail with NestedTooDeep', async () => {
    const deepest = writeZip([{ name: 'c.txt', data: text('c') }]);
    const middle = writeZip([{ name: 'b.txt', data: text('b') }, { name: 'deep.zip', data: deepest, method: 'store' }]);
    const zip = writeZip([{ name: 'a.txt', data: text('a') }, { name: 'mid.zip', data: middle }]);
    const once = await unpackZip(zip, { archiveName: 'x.zip' });
    expect(once.members.map((m) => m.archivePath)).toEqual(['x.zip!/a.txt', 'x.zip!/mid.zip!/b.txt']);
    expect(once.failures).toMatchObject([{ archivePath: 'x.zip!/mid.zip!/deep.zip', code: 'NestedTooDeep' }]);
    const twice = await unpackZip(zip, { archiveName: 'x.zip', maxDepth: 2 });
    expect(twice.members.map((m) => m.path)).toEqual(['a.txt', 'mid.zip!/b.txt', 'mid.zip!/deep.zip!/c.txt']);
    expect(twice.failures).toEqual([]);
  });

  it('an encrypted member fails alone', async () => {
    const zip = writeZip([{ name: 'secret.txt', data: text('s'), extraFlags: 1 }, { name: 'open.txt', data: text('o') }]);
    const { members, failures } = await unpackZip(zip, { archiveName: 'x.zip' });
    expect(members.map((m) => m.path)).toEqual(['open.txt']);
    expect(failures).toMatchObject([{ archivePath: 'x.zip!/secret.txt', code: 'EncryptedMember' }]);
  });

  it('bytes that are not a ZIP at all are one ExtractionError(CorruptFile)', async () => {
    const error = await unpackZip(fixture('readers/xlsx/form.xls'), { archiveName: 'fake.zip' }).catch((e: unknown) => e);
    expect(isExtractionError(error) && error.code).toBe('CorruptFile');
  });
});
