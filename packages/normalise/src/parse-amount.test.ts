import { describe, expect, it } from 'vitest';
import { parseAmount, parseFundingAmount, parseRate } from './parse-amount.ts';

// Funding, weight and score cells of the seeds (000, 002, 003, 004) and their spellings.
const CASES: [string | null | undefined, number | null][] = [
  ['73270.2', 73270.2], ['94093.9', 94093.9], ['77730.0', 77730], ['10', 10], ['8.3', 8.3], ['82.6%', 0.826],
  ['593.57', 593.57], ['554.07', 554.07], ['93.3%', 0.933], ['90.24%', 0.9024], ['100%', 1], ['9.6', 9.6],
  ['1262.84　', 1262.84], ['　1', 1], ['0.99　', 0.99], ['　16488.22', 16488.22], ['50.22　', 50.22], ['　', null],
  ['-', null], ['/', null], ['—', null], ['', null], [null, null], [undefined, null], ['－', null], ['／', null],
  ['１２６２．８４', 1262.84], ['1,262.84', 1262.84], ['12,345,678', 12345678], ['10分', 10], ['15万元', 15],
  ['99.5', 99.5], ['-3.5', -3.5], ['abc', null], ['1.2.3', null], ['100%%', null], ['1e400', null],
];

describe('parseAmount', () => {
  it.each(CASES)('%j → %j', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });
});

describe('parseRate', () => {
  it.each<[string | null, number | null]>([
    ['82.6%', 0.826], ['0.958', 0.958], ['1', 1], ['1.0259', 1.0259], ['102.59%', 1.0259], ['95.8', 0.958], ['96', 0.96],
    ['0', 0], ['/', null], [null, null],
  ])('%j → %j', (text, expected) => expect(parseRate(text)).toBe(expected));
});

describe('parseFundingAmount', () => {
  // a 万 suffix inside a (万元) block repeats the block's unit; in a (元) block it is no amount of that unit
  it.each<[string, string | null, number | null]>([
    ['1873.66万', '万元', 1873.66], ['1873.66万元', '万元', 1873.66], ['1873.66', '万元', 1873.66],
    ['15万', '元', null], ['15万', null, null], ['万', '万元', null], ['/', '万元', null],
  ])('%j in %j → %j', (text, unit, expected) => expect(parseFundingAmount(text, unit)).toBe(expected));
});
