// A floor per format on the development corpus (../shared/corpus: six real forms nobody here wrote, in every
// format): field F1, rows found and spurious rows as the corpus's own scorer counts them, so a regression on
// forms outside fixtures/ fails here. Skipped where the checkout has no ../shared beside it (CI clones), and the
// .doc floor where LibreOffice is not installed (every .doc then fails with ConverterMissing).
// Raise a floor after a reviewed improvement; `npm run bench corpus` prints the figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusDir, predictVariant, scoreVariants, type CorpusVariant } from '../support/corpus.ts';

interface Floor {
  fieldF1: number;
  /** rows the prediction may miss, and spurious rows it may add */
  missing: number;
  spurious: number;
}

const EXACT: Floor = { fieldF1: 0.99, missing: 0, spurious: 0 };
// issue 19: every one of these formats at ≥ 0.99 field F1, every row found, no spurious rows
const FLOORS: Record<CorpusVariant, Floor> = { txt: EXACT, docx: EXACT, doc: EXACT, html: EXACT, xlsx: EXACT, pdf: EXACT };

describe.runIf(corpusDir)('the development corpus', () => {
  const out = mkdtempSync(join(tmpdir(), 'jixiao-corpus-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const cases = (Object.entries(FLOORS) as [CorpusVariant, Floor][]).map(([variant, floor]) => ({ variant, floor }));
  it.for(cases)('$variant holds its floor', { timeout: 180_000 }, async ({ variant, floor }, ctx) => {
    const failed = await predictVariant(corpusDir!, variant, out);
    if (variant === 'doc' && failed.length > 0 && failed.every((f) => f.endsWith('ConverterMissing'))) ctx.skip();
    expect(failed).toEqual([]);
    const [score] = scoreVariants(corpusDir!, out, [variant]);
    expect(score).toBeDefined();
    process.stdout.write(`corpus ${variant}: field F1 ${score!.fieldF1} rows ${score!.rowsFound}/${score!.rowsTotal} spurious ${score!.spurious}\n`);
    expect(score!.fieldF1).toBeGreaterThanOrEqual(floor.fieldF1);
    expect(score!.rowsTotal - score!.rowsFound).toBeLessThanOrEqual(floor.missing);
    expect(score!.spurious).toBeLessThanOrEqual(floor.spurious);
  });
});
