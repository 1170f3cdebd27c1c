// One reconstruction suite over every reader's output of the same form (drizzle's "one suite, many
// implementations"): each fixtures/forms/<name>/ rendered as DOCX, HTML, PDF (LibreOffice portrait and
// landscape, Chromium), XLSX, DOC and GBK-encoded HTML where present, through extractFile, compared field by field with the
// one hand-checked expected.json. Per-field accuracy is printed per form and format; a field below its floor
// in baseline.json fails, and a form/format with no floor must match exactly. Regenerate the floors after a
// REVIEWED improvement with JIXIAO_UPDATE_BASELINE=1 (then review the diff); never lower one to hide a regression.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Extraction, schemaErrors, type Report } from '@jixiao/contract';
import { extractFile } from '@jixiao/pipeline';
import { accuracy, compareReports, emptyComparison, formatAccuracy, type Comparison } from '../support/compare-reports.ts';

const FORMS = join(import.meta.dirname, '../../fixtures/forms');
const BASELINE = join(import.meta.dirname, 'baseline.json');
const update = process.env.JIXIAO_UPDATE_BASELINE === '1';

/** Each rendering and the name its accuracy is printed under (format / producer). */
const FORMATS: [file: string, label: string][] = [
  ['form.docx', 'DOCX'],
  ['form.html', 'HTML'],
  ['form-gbk.html', 'HTML/GBK'],
  ['form.pdf', 'PDF/LibreOffice'],
  ['form-landscape.pdf', 'PDF/LibreOffice-landscape'],
  ['form-chromium.pdf', 'PDF/Chromium'],
  ['form.xlsx', 'XLSX'],
  ['form.doc', 'DOC'],
];

const baseline: Record<string, Record<string, number>> = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, 'utf8')) : {};
const measured: Record<string, Record<string, number>> = {};
const perFormat = new Map<string, Comparison>();

const cases = existsSync(FORMS)
  ? readdirSync(FORMS)
      .filter((f) => existsSync(join(FORMS, f, 'expected.json')))
      .sort()
      .flatMap((form) => FORMATS.filter(([file]) => existsSync(join(FORMS, form, file))).map(([file, label]) => ({ form, file, label })))
  : [];

describe('reconstruction from every format', () => {
  it.each(cases)('$form/$file', { timeout: 120_000 }, async ({ form, file, label }) => {
    const bytes = new Uint8Array(readFileSync(join(FORMS, form, file)));
    const expected = JSON.parse(readFileSync(join(FORMS, form, 'expected.json'), 'utf8')) as { reports: Report[] };
    const extraction = await extractFile(bytes, { fileName: file });
    expect(schemaErrors(extraction)).toEqual([]);
    expect(() => Extraction.parse(extraction)).not.toThrow();

    const c = compareReports(extraction.reports, expected.reports);
    compareReports(extraction.reports, expected.reports, perFormat.get(label) ?? perFormat.set(label, emptyComparison()).get(label));
    process.stdout.write(`${formatAccuracy(`${form}/${file} [${label}]`, c)}\n`);
    if (process.env.JIXIAO_SHOW_MISMATCHES === '1') process.stdout.write(`${c.mismatches.slice(0, 60).join('\n')}\n`);
    const key = `${form}/${file}`;
    measured[key] = Object.fromEntries(Object.entries(c.fields).map(([f, t]) => [f, Math.round(accuracy(t) * 1000) / 1000]));
    measured[key]!.reportsMissing = c.missingReports;
    measured[key]!.reportsExtra = c.spuriousReports;
    measured[key]!.rowsMissing = c.missingRows;
    measured[key]!.rowsExtra = c.spuriousRows;
    if (update) {
      baseline[key] = measured[key]!;
      writeFileSync(BASELINE, `${JSON.stringify(sortKeys(baseline), null, 2)}\n`);
      return;
    }
    const base = baseline[key];
    if (!base) {
      // a new form or rendering has no floor yet: it must be exact
      expect(c.mismatches.slice(0, 20)).toEqual([]);
      expect([c.missingReports, c.spuriousReports]).toEqual([0, 0]);
      return;
    }
    const counts = ['reportsMissing', 'reportsExtra', 'rowsMissing', 'rowsExtra'];
    const regressions = Object.entries(base)
      .filter(([f]) => !counts.includes(f))
      .filter(([f, b]) => (measured[key]![f] ?? 0) < b - 1e-9)
      .map(([f, b]) => `${f}: ${measured[key]![f] ?? 0} < baseline ${b}`);
    for (const f of counts) if (measured[key]![f]! > (base[f] ?? 0)) regressions.push(`${f}: ${measured[key]![f]} > baseline ${base[f] ?? 0}`);
    expect(regressions, c.mismatches.slice(0, 30).join('\n')).toEqual([]);
  });

  afterAll(() => {
    for (const [label, c] of perFormat) process.stdout.write(`${formatAccuracy(`ALL FORMS [${label}]`, c)}\n`);
  });
});

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
