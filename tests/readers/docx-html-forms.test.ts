// Every fixture form rendered as DOCX and as HTML (fixtures/forms/<name>/form.docx, form.html), through the
// whole pipeline (extractFile), compared field by field with its hand-checked expected.json. Prints the
// per-field accuracy per format; fails when a form's reports or indicator rows go missing, or when a core
// field falls under its floor.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '@jixiao/contract';
import { gridOf, type Block } from '@jixiao/layout';
import { extractFile } from '@jixiao/pipeline';
import { read as readDocx } from '../../packages/readers/src/docx/read.ts';
import { read as readHtml } from '../../packages/readers/src/html/read.ts';
import { accuracy, compareReports, emptyComparison, formatAccuracy, type Comparison } from '../support/compare-reports.ts';

const formsDir = join(import.meta.dirname, '../../fixtures/forms');
const forms = existsSync(formsDir) ? readdirSync(formsDir).filter((d) => existsSync(join(formsDir, d, 'expected.json'))).sort() : [];

/** Floors for the fields every reader must get right once reconstruction works on the layout. */
const FLOORS: Record<string, number> = {
  'indicator.level3': 0.9,
  'indicator.target.raw': 0.9,
  'indicator.actual.raw': 0.9,
  'report.kind': 0.9,
};

describe.each([
  ['DOCX', 'form.docx'],
  ['HTML', 'form.html'],
])('%s forms through extractFile', (format, file) => {
  const present = forms.filter((f) => existsSync(join(formsDir, f, file)));
  const total = emptyComparison();

  it.skipIf(present.length === 0).each(present)(`%s/${file}`, async (form) => {
    const bytes = new Uint8Array(readFileSync(join(formsDir, form, file)));
    const expected = JSON.parse(readFileSync(join(formsDir, form, 'expected.json'), 'utf8')) as { reports: Report[] };
    const extraction = await extractFile(bytes, { fileName: `${form}/${file}` });
    const one = compareReports(extraction.reports, expected.reports);
    compareReports(extraction.reports, expected.reports, total);
    expect.soft(one.missingReports, `${form}: reports missing`).toBe(0);
    expect.soft(one.spuriousReports, `${form}: extra reports`).toBe(0);
    const rows = expected.reports.reduce((n, r) => n + r.indicators.length, 0);
    expect.soft(one.missingRows, `${form}: indicator rows missing of ${rows}\n${one.mismatches.slice(0, 20).join('\n')}`).toBeLessThanOrEqual(Math.ceil(rows * 0.05));
  });

  it.skipIf(present.length === 0)(`keeps core fields above their floors (${present.length} forms)`, () => {
    for (const [field, floor] of Object.entries(FLOORS)) {
      const t = total.fields[field];
      if (t) expect.soft(accuracy(t), `${format} ${field}`).toBeGreaterThanOrEqual(floor);
    }
  });

  afterAll(() => {
    if (present.length > 0) process.stdout.write(`${formatAccuracy(`${format} (${present.length} forms)`, total as Comparison)}\n`);
  });
});

describe('DOCX made from a form.html reads as the HTML does', () => {
  const pairs = forms.filter((f) => existsSync(join(formsDir, f, 'form.docx')) && existsSync(join(formsDir, f, 'form.html')));
  it.skipIf(pairs.length === 0).each(pairs)('%s: same blocks, grids and cell texts', async (form) => {
    const docx = await readDocx(new Uint8Array(readFileSync(join(formsDir, form, 'form.docx'))));
    const html = await readHtml(new Uint8Array(readFileSync(join(formsDir, form, 'form.html'))));
    expect(slotView(docx.layout.blocks)).toEqual(slotView(html.layout.blocks));
  });
});

/**
 * Blocks as the reader's consumers see them: tables slot by slot (text, span and anchor of the covering cell).
 * An empty cell and a missing slot at the end of a row read the same: LibreOffice pads short HTML rows
 * (template-numbered-rows) with empty w:tc cells, which is not a difference in the form.
 */
function slotView(blocks: Block[]): unknown[] {
  return blocks.map((b) => {
    if (b.type !== 'table') return b;
    return gridOf(b).map((row) => {
      const slots = row.map((c) => (c && c.text !== '' ? [c.text, c.row, c.col, c.rowSpan, c.colSpan] : null));
      while (slots.length && slots[slots.length - 1] === null) slots.pop();
      return slots;
    });
  });
}
