import { describe, expect, it } from 'vitest';
import { isIgnoredName } from './ignored-names.ts';

describe('isIgnoredName', () => {
  it.each([
    '.~lock.report.docx#',
    '.DS_Store',
    '._report.pdf',
    '~$report.docx',
    '~WRL0001.tmp',
    'report.pdf.tmp',
    'report.pdf.part',
    'report.pdf.crdownload',
    'report.txt~',
    'inbox/sub/Thumbs.db',
  ])('ignores %s', (name) => expect(isIgnoredName(name)).toBe(true));

  it.each(['report.pdf', '2021年项目支出绩效自评表.docx', 'scan 01.jpg', 'sub/dir/report.txt', 'tmp-report.pdf', 'a~b.pdf'])(
    'keeps %s',
    (name) => expect(isIgnoredName(name)).toBe(false),
  );
});
