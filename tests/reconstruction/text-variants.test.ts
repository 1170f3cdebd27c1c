// Every form's text variants (original.txt, form.tsv.txt, form.wrapped.txt, form.lines.txt, form.columns.txt, form.spaced.txt) through
// extractFile, compared field by field with the hand-checked expected.json. Per-field accuracy is printed;
// a field that falls below its recorded baseline fails. Fields at 100% must stay exact. Regenerate the
// baseline after a reviewed improvement with JIXIAO_UPDATE_BASELINE=1 (then review the diff).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Extraction, schemaErrors } from '@jixiao/contract';
import { extractFile } from '@jixiao/pipeline';
import { accuracy, compareReports, formatAccuracy } from '../support/compare-reports.ts';

const FORMS = join(import.meta.dirname, '../../fixtures/forms');
const BASELINE = join(import.meta.dirname, 'baseline.json');
const VARIANTS = ['original.txt', 'form.tsv.txt', 'form.wrapped.txt', 'form.lines.txt', 'form.columns.txt', 'form.spaced.txt'];
const update = process.env.JIXIAO_UPDATE_BASELINE === '1';
const baseline: Record<string, Record<string, number>> = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, 'utf8')) : {};
const measured: Record<string, Record<string, number>> = {};

const cases = existsSync(FORMS)
  ? readdirSync(FORMS)
      .filter((f) => existsSync(join(FORMS, f, 'expected.json')))
      .flatMap((form) => VARIANTS.filter((v) => existsSync(join(FORMS, form, v))).map((v) => ({ form, variant: v })))
  : [];

describe('reconstruction from text exports', () => {
  it.each(cases)('$form/$variant', async ({ form, variant }) => {
    const bytes = new Uint8Array(readFileSync(join(FORMS, form, variant)));
    const expected = JSON.parse(readFileSync(join(FORMS, form, 'expected.json'), 'utf8'));
    const extraction = await extractFile(bytes, { fileName: variant });
    expect(schemaErrors(extraction)).toEqual([]);
    expect(() => Extraction.parse(extraction)).not.toThrow();

    const c = compareReports(extraction.reports, expected.reports);
    process.stdout.write(`${formatAccuracy(`${form}/${variant}`, c)}\n`);
    const key = `${form}/${variant}`;
    measured[key] = Object.fromEntries(Object.entries(c.fields).map(([f, t]) => [f, Math.round(accuracy(t) * 1000) / 1000]));
    measured[key]!.rowsMissing = c.missingRows;
    measured[key]!.rowsExtra = c.spuriousRows;
    if (update) {
      baseline[key] = measured[key]!;
      writeFileSync(BASELINE, `${JSON.stringify(sortKeys(baseline), null, 2)}\n`);
      return;
    }
    const base = baseline[key];
    if (!base) {
      // a new form or variant has no baseline yet: it must be exact
      expect(c.mismatches.slice(0, 20)).toEqual([]);
      return;
    }
    const regressions = Object.entries(base)
      .filter(([f]) => f !== 'rowsMissing' && f !== 'rowsExtra')
      .filter(([f, b]) => (measured[key]![f] ?? 0) < b - 1e-9)
      .map(([f, b]) => `${f}: ${measured[key]![f] ?? 0} < baseline ${b}`);
    if (c.missingRows > (base.rowsMissing ?? 0)) regressions.push(`missing rows ${c.missingRows} > ${base.rowsMissing}`);
    if (c.spuriousRows > (base.rowsExtra ?? 0)) regressions.push(`extra rows ${c.spuriousRows} > ${base.rowsExtra}`);
    expect(regressions, c.mismatches.slice(0, 30).join('\n')).toEqual([]);
  });
});

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
