import { describe, expect, it } from 'vitest';
import { printable } from './printable.ts';

describe('printable', () => {
  it.each([
    ['项目自评表.pdf', '项目自评表.pdf'],
    ['\u001b[31mred.pdf', '\\u{1b}[31mred.pdf'],
    ['invoice\u202Efdp.exe', 'invoice\\u{202e}fdp.exe'],
    ['a\nb\tc', 'a\\u{a}b\\u{9}c'],
    ['lone \ud800 half', 'lone \\u{d800} half'],
    ['😀.txt', '😀.txt'],
  ])('%j → %j', (name, shown) => expect(printable(name)).toBe(shown));
});
