// The normaliser is total: any input gives a contract Value (zod and the JSON Schema agree), never a throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { Value, reportJsonSchema } from '@jixiao/contract';
import { attained } from './attained.ts';
import { normaliseCell } from './normalise-cell.ts';
import { parseAmount } from './parse-amount.ts';
import { ISSUE_CELLS } from './issue-cells.cases.ts';
import { SEED_CELLS } from './seed-cells.cases.ts';

const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false });
const validateJson = ajv.compile({ $ref: '#/$defs/Value', $defs: (reportJsonSchema as { $defs: unknown }).$defs });

function check(text: string, options?: Parameters<typeof normaliseCell>[1]): void {
  const v = normaliseCell(text, options);
  const z = Value.safeParse(v);
  if (!z.success) throw new Error(`zod rejects ${JSON.stringify(v)}: ${z.error.message}`);
  if (!validateJson(v)) throw new Error(`JSON Schema rejects ${JSON.stringify(v)}: ${ajv.errorsText(validateJson.errors)}`);
  expect(v.raw).toBe(text.replace(/\s+/g, ' ').trim());
  for (const key of ['raw', 'kind', 'op', 'value', 'unit', 'base', 'baseUnit']) expect(v).toHaveProperty(key);
}

const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd700, max: 0xe000 }).map((c) => String.fromCharCode(c)) });
const tricky = fc.constantFrom(
  '≥', '≧', '>', '＞', '=', '═', '%', '％', '‰', '万', '亿', '元', '年', '月', '日', '前', '底', '-', '~', '～', '至', '，', ',', '.',
  '0', '9', '１', '十', '百', '千', '零', '〇', '两', '点', '余', '多', '每', '/', '百分之', '个百分点', '以上', '左右', ' ', '　', '\ud800',
);
const seedTexts = [...SEED_CELLS.map((c) => c.text), ...ISSUE_CELLS.map(([t]) => t)];

/** A seed cell with random insertions, deletions and replacements. */
const mutated = fc
  .tuple(fc.constantFrom(...seedTexts), fc.array(fc.tuple(fc.nat(), fc.nat(2), tricky), { maxLength: 6 }))
  .map(([text, edits]) => {
    let s = text;
    for (const [pos, kind, ch] of edits) {
      const i = s.length === 0 ? 0 : pos % (s.length + 1);
      s = kind === 0 ? s.slice(0, i) + ch + s.slice(i) : kind === 1 ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + ch + s.slice(i + 1);
    }
    return s;
  });

const options = fc.record({
  fiscalYear: fc.oneof(fc.constant(null), fc.integer({ min: 1990, max: 2100 }), fc.double()),
  unitHint: fc.oneof(fc.constant(null), fc.constantFrom('%', '人次', '万元', '/', ''), fc.string({ maxLength: 5 })),
});

describe('normaliseCell is total', () => {
  it('any unicode string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), options, (s, o) => check(s, o)), { numRuns: 3000 });
  });
  it('lone surrogates', () => {
    fc.assert(fc.property(loneSurrogates, (s) => check(s)), { numRuns: 1000 });
  });
  it('mutated seed cells', () => {
    fc.assert(fc.property(mutated, options, (s, o) => check(s, o)), { numRuns: 5000 });
  });
  it('huge inputs, quickly', () => {
    const start = performance.now();
    for (const s of ['x'.repeat(1_000_000), '9'.repeat(100_000), `≥${'9'.repeat(500)}%`, `${'一'.repeat(300)}人`, '1,'.repeat(5000), ' '.repeat(100_000)]) check(s);
    expect(performance.now() - start).toBeLessThan(2000);
  });
  it('non-string input does not throw', () => {
    for (const x of [null, undefined, 42, {}, Symbol('s')]) {
      expect(() => normaliseCell(x as unknown as string)).not.toThrow();
      expect(Value.safeParse(normaliseCell(x as unknown as string)).success).toBe(true);
    }
  });
});

describe('attained and parseAmount are total', () => {
  it('attained on any pair of normalised cells gives true, false or null', () => {
    fc.assert(
      fc.property(mutated, mutated, (t, a) => {
        const r = attained(normaliseCell(t, { fiscalYear: 2021 }), normaliseCell(a, { fiscalYear: 2021 }));
        expect([true, false, null]).toContain(r);
      }),
      { numRuns: 3000 },
    );
  });
  it('parseAmount on any string gives a finite number or null', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), mutated), (s) => {
        const r = parseAmount(s);
        expect(r === null || Number.isFinite(r)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
