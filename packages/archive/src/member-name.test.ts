import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { checkMemberPath, decodeMemberName, isJunkMember } from './member-name.ts';

const entry = (raw: Buffer, flag = 0) => ({ generalPurposeBitFlag: flag, fileNameRaw: raw, extraFields: [] });

describe('decodeMemberName', () => {
  it.each([
    ['GBK without the UTF-8 flag (Chinese Windows)', entry(iconv.encode('二〇二一/项目自评表.pdf', 'gbk')), '二〇二一/项目自评表.pdf'],
    ['GB18030-only characters', entry(iconv.encode('𠀀附件.txt', 'gb18030')), '𠀀附件.txt'],
    ['UTF-8 with the flag', entry(Buffer.from('绩效/自评.docx'), 0x800), '绩效/自评.docx'],
    ['UTF-8 without the flag (macOS, Linux zip)', entry(Buffer.from('绩效/自评.docx')), '绩效/自评.docx'],
    ['plain ASCII', entry(Buffer.from('forms/a.pdf')), 'forms/a.pdf'],
  ])('%s', (_, e, expected) => {
    expect(decodeMemberName(e)).toBe(expected);
  });

  it('keeps a GBK character whose trail byte is 0x5C ("\\") whole', () => {
    // 癨 is 0xB0 0x5C in GBK: decoding before splitting on '\' keeps it one character
    const raw = iconv.encode('癨论.txt', 'gbk');
    expect(raw.includes(0x5c)).toBe(true);
    const name = decodeMemberName(entry(raw));
    expect(name).toBe('癨论.txt');
    expect(checkMemberPath(name)).toEqual({ ok: true, path: '癨论.txt' });
  });
});

describe('checkMemberPath', () => {
  it.each(['../evil.txt', 'a/../../evil.txt', '..\\..\\evil.txt', '/etc/passwd', '\\\\server\\share\\x', 'C:\\Windows\\x.txt', 'd:/x.txt', 'a\0b'])(
    'refuses %j',
    (name) => {
      expect(checkMemberPath(name).ok).toBe(false);
    },
  );

  it.each([
    ['二〇二一\\项目自评表.pdf', '二〇二一/项目自评表.pdf'],
    ['./a//b.txt', 'a/b.txt'],
    ['a..b/c..txt', 'a..b/c..txt'],
  ])('accepts %j as %j', (name, path) => {
    expect(checkMemberPath(name)).toEqual({ ok: true, path });
  });
});

describe('isJunkMember', () => {
  it.each([
    ['__MACOSX/二〇二一/._a.pdf', true],
    ['二〇二一/.DS_Store', true],
    ['二〇二一/Thumbs.db', true],
    ['~$自评表.docx', true],
    ['二〇二一/项目自评表.pdf', false],
  ])('%s → %s', (path, junk) => {
    expect(isJunkMember(path)).toBe(junk);
  });
});
