// Every fixture form printed to PDF (fixtures/forms/<name>/form.pdf by LibreOffice portrait,
// form-landscape.pdf, form-chromium.pdf), through the whole pipeline (extractFile), compared field by field
// with its hand-checked expected.json. Prints per-field accuracy per producer. The issue's acceptance: every
// indicator row found, no spurious rows, and ≥ 99.5% of level/target/actual/weight/score fields exact.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '@jixiao/contract';
import { extractFile } from '@jixiao/pipeline';
import { accuracy, compareReports, emptyComparison, formatAccuracy } from '../support/compare-reports.ts';

const formsDir = join(import.meta.dirname, '../../fixtures/forms');
const forms = existsSync(formsDir) ? readdirSync(formsDir).filter((d) => existsSync(join(formsDir, d, 'expected.json'))).sort() : [];

const EXACT = 0.995;
const CORE_FIELDS = ['indicator.level1', 'indicator.level2', 'indicator.level3', 'indicator.target.raw', 'indicator.actual.raw', 'indicator.weight', 'indicator.score'];

describe.each([
  ['LibreOffice portrait', 'form.pdf'],
  ['LibreOffice landscape', 'form-landscape.pdf'],
  ['Chromium', 'form-chromium.pdf'],
])('%s PDFs through extractFile', (producer, file) => {
  const present = forms.filter((f) => existsSync(join(formsDir, f, file)));
  const total = emptyComparison();

  it.skipIf(present.length === 0).each(present)(`%s/${file}`, async (form) => {
    const bytes = new Uint8Array(readFileSync(join(formsDir, form, file)));
    const expected = JSON.parse(readFileSync(join(formsDir, form, 'expected.json'), 'utf8')) as { reports: Report[] };
    const extraction = await extractFile(bytes, { fileName: `${form}/${file}` });
    const one = compareReports(extraction.reports, expected.reports);
    compareReports(extraction.reports, expected.reports, total);
    const detail = one.mismatches.slice(0, 20).join('\n');
    expect.soft(one.missingReports, `${form}: reports missing`).toBe(0);
    expect.soft(one.spuriousReports, `${form}: extra reports`).toBe(0);
    expect.soft(one.missingRows, `${form}: indicator rows missing\n${detail}`).toBe(0);
    expect.soft(one.spuriousRows, `${form}: spurious indicator rows\n${detail}`).toBe(0);
  });

  it.skipIf(present.length === 0)(`gets ≥ ${EXACT * 100}% of the core indicator fields exact (${present.length} forms)`, () => {
    for (const field of CORE_FIELDS) {
      const t = total.fields[field];
      if (t) expect.soft(accuracy(t), `${producer} ${field}: ${t.correct}/${t.total}`).toBeGreaterThanOrEqual(EXACT);
    }
  });

  afterAll(() => {
    if (present.length > 0) process.stdout.write(`${formatAccuracy(`PDF ${producer} (${present.length} forms)`, total)}\n`);
  });
});
