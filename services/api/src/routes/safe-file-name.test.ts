import { describe, expect, it } from 'vitest';
import { safeFileName } from './intake.ts';

describe('safeFileName', () => {
  it.each([
    ['自评表.pdf', '自评表.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\x\\表.docx', '表.docx'],
    ['a\u0000b.pdf', 'ab.pdf'],
    ['..', null],
    ['dir/', null],
    ['   ', null],
  ])('%j → %j', (given, expected) => {
    expect(safeFileName(given)).toBe(expected);
  });
});
