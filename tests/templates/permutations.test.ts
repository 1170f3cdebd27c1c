// Property test for issue 10: the template forms (fixtures/build/specs/template-*.ts) re-printed with their
// indicator columns in other orders and their header words swapped for synonyms (tests/templates/synonyms.ts),
// rendered in process to HTML and the three text-export styles (no LibreOffice in the loop), read by extractFile
// and compared with the form's hand-checked expected.json by compareReports — plus the `core` marks and the
// warning an unknown header must raise, which compareReports does not look at.
//
// Per form, style and column-order class (分值 left of 得分, as the genre prints it, or 得分 left of 分值), PER_GROUP
// variants drawn by fast-check from a fixed seed, and two properties:
//   1. invariance — every variant is read exactly as the printed form is read (same mismatches, if any);
//   2. correctness — every variant is read as expected.json says (no mismatch at all).
// A group reconstruction cannot yet read is listed in KNOWN_GAPS with the missing ability: its tests are
// `it.fails` (they start failing — i.e. passing — the day the ability lands; then delete the entry). The
// comparison itself is never loosened. A sweep at the end prints every synonym once, so a word missing from the
// vocabulary is named.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Extraction, Report } from '@jixiao/contract';
import { extractFile } from '@jixiao/pipeline';
import { documentOf } from '../../fixtures/build/document.ts';
import { renderHtml } from '../../fixtures/build/render-html.ts';
import { renderLines, renderTsv, renderWrapped } from '../../fixtures/build/render-text.ts';
import type { FormSpec } from '../../fixtures/build/spec.ts';
import { templateSpecs } from '../../fixtures/build/specs/index.ts';
import { compareReports } from '../support/compare-reports.ts';
import { FUNDING_SYNONYMS, GRADE_LABELS, INDICATOR_SYNONYMS, LEVEL3_SYNONYMS, TOTAL_LABELS } from './synonyms.ts';
import { applyVariant, describeVariant, printedVariant, variantArbitrary, type Variant } from './variants.ts';

const FORMS = join(import.meta.dirname, '../../fixtures/forms');
const SEED = 20231010;
const PER_GROUP = 4;

interface Style { name: string; file: string; render: (spec: FormSpec) => string }

const STYLES: Style[] = [
  { name: 'html', file: 'form.html', render: (s) => renderHtml(s.reports[0]?.title ?? s.name, documentOf(s), s.orientation) },
  { name: 'tsv', file: 'form.tsv.txt', render: (s) => renderTsv(documentOf(s)) },
  { name: 'wrapped', file: 'form.wrapped.txt', render: (s) => renderWrapped(documentOf(s)) },
  { name: 'lines', file: 'form.lines.txt', render: (s) => renderLines(documentOf(s)) },
];

/**
 * `form/style/order` groups reconstruction cannot yet read exactly, each with the ability it lacks, e.g.
 * `'template-flat-list/lines/分值 before 得分': 'one-cell-per-line total row: …'`. Empty: every group reads exactly.
 */
const KNOWN_GAPS: Record<string, string> = {};

function expectedOf(name: string): Report[] {
  return (JSON.parse(readFileSync(join(FORMS, name, 'expected.json'), 'utf8')) as { reports: Report[] }).reports;
}

async function extract(spec: FormSpec, style: Style): Promise<Extraction> {
  return extractFile(new TextEncoder().encode(style.render(spec)), { fileName: style.file });
}

/** Everything that differs from expected.json: compareReports' mismatches, row counts, core marks, unknown headers. */
function differences(spec: FormSpec, extraction: Extraction, expected: Report[]): string[] {
  const c = compareReports(extraction.reports, expected);
  const out = [...c.mismatches];
  if (c.missingReports || c.spuriousReports) out.push(`reports: ${c.missingReports} missing, ${c.spuriousReports} extra`);
  expected.forEach((report, r) => {
    const got = extraction.reports[r]?.indicators ?? [];
    if (got.length !== report.indicators.length) return;
    report.indicators.forEach((row, i) => {
      if ((row.core ?? false) !== (got[i]!.core ?? false)) out.push(`report ${r + 1}.indicators[${i}].core: expected ${row.core ?? false} got ${got[i]!.core ?? false}`);
    });
  });
  for (const column of spec.reports.flatMap((report) => report.indicators?.columns ?? [])) {
    if (column.key !== 'other') continue;
    const header = column.header.replace(/\s+/g, '');
    if (!extraction.warnings.some((w) => w.message.replace(/\s+/g, '').includes(header))) out.push(`no warning quotes the unknown header "${header}"`);
  }
  return out;
}

const ORDERS = [
  { name: '分值 before 得分', scoreBeforeWeight: false },
  { name: '得分 before 分值', scoreBeforeWeight: true },
];

describe.each(templateSpecs.map((spec, f) => ({ spec, f })))('$spec.name', ({ spec, f }) => {
  const expected = expectedOf(spec.name);

  describe.each(STYLES.map((style, s) => ({ style, s })))('$style.name', ({ style, s }) => {
    let printed: string[] | null = null;
    const readPrinted = async () => (printed ??= differences(spec, await extract(applyVariant(spec, printedVariant(spec)), style), expected));

    it('renders the printed form in process exactly as the fixture build wrote it', () => {
      expect(style.render(applyVariant(spec, printedVariant(spec)))).toBe(readFileSync(join(FORMS, spec.name, style.file), 'utf8'));
    });

    describe.each(ORDERS.map((order, o) => ({ order, o })))('$order.name', ({ order, o }) => {
      const seed = SEED + (f * STYLES.length + s) * ORDERS.length + o;
      const variants = fc.sample(variantArbitrary(spec, order.scoreBeforeWeight), { seed, numRuns: PER_GROUP });
      const gap = KNOWN_GAPS[`${spec.name}/${style.name}/${order.name}`];
      let read: string[][] | null = null;
      const readVariants = async () => {
        if (read) return read;
        const out: string[][] = [];
        for (const variant of variants) out.push(differences(spec, await extract(applyVariant(spec, variant), style), expected));
        return (read = out);
      };

      (gap ? it.fails : it)(`reads all ${PER_GROUP} variants as it reads the printed form${gap ? ` — KNOWN GAP: ${gap}` : ''}`, async () => {
        const base = await readPrinted();
        const got = await readVariants();
        const failures: string[] = [];
        variants.forEach((variant, i) => {
          if (JSON.stringify(got[i]) !== JSON.stringify(base)) failures.push(`${describeVariant(spec, variant)}\n    ${got[i]!.filter((d) => !base.includes(d)).slice(0, 4).join('\n    ')}`);
        });
        expect(failures).toEqual([]);
      });

      (gap ? it.fails : it)(`reads all ${PER_GROUP} variants as expected.json says${gap ? ` — KNOWN GAP: ${gap}` : ''}`, async () => {
        const got = await readVariants();
        const failures: string[] = [];
        variants.forEach((variant, i) => {
          if (got[i]!.length) failures.push(`${describeVariant(spec, variant)}\n    ${got[i]!.slice(0, 4).join('\n    ')}`);
        });
        expect(failures).toEqual([]);
      });
    });

    it('reads the printed form as expected.json says', async () => {
      expect(await readPrinted()).toEqual([]);
    });
  });
});

/** Every synonym of the list, each printed once on the first template form that has the column (tsv). */
function sweep(): { word: string; spec: FormSpec; variant: Variant }[] {
  const out: { word: string; spec: FormSpec; variant: Variant }[] = [];
  const withColumn = (key: string) => templateSpecs.find((s) => s.reports[0]?.indicators?.columns.some((c) => c.key === key && (key !== 'level3' || s.reports[0]!.indicators!.columns.some((d) => d.key === 'level1'))));
  for (const [key, words] of Object.entries({ ...INDICATOR_SYNONYMS, level3: LEVEL3_SYNONYMS.levelled })) {
    const spec = withColumn(key);
    if (!spec) throw new Error(`no template form has a ${key} column`);
    for (const word of words) {
      const base = printedVariant(spec);
      out.push({ word: `${key}: ${word}`, spec, variant: { ...base, headers: { ...base.headers, [key]: word } } });
    }
  }
  const flat = templateSpecs.find((s) => !s.reports[0]?.indicators?.columns.some((c) => c.key === 'level1'))!;
  for (const word of LEVEL3_SYNONYMS.flat) out.push({ word: `level3 (flat): ${word}`, spec: flat, variant: { ...printedVariant(flat), headers: { ...printedVariant(flat).headers, level3: word } } });
  const totalled = templateSpecs.find((s) => s.reports[0]?.indicators?.totalLabel)!;
  for (const word of TOTAL_LABELS) out.push({ word: `total: ${word}`, spec: totalled, variant: { ...printedVariant(totalled), totalLabel: word } });
  const graded = templateSpecs.find((s) => s.reports[0]?.tail?.some(([label]) => GRADE_LABELS.includes(label)))!;
  for (const word of GRADE_LABELS) out.push({ word: `grade: ${word}`, spec: graded, variant: { ...printedVariant(graded), gradeLabel: word } });
  for (const [field, words] of Object.entries(FUNDING_SYNONYMS)) {
    const spec = templateSpecs.find((s) => s.reports[0]?.funding?.columns.some((c) => c.field === field))!;
    const at = spec.reports[0]!.funding!.columns.findIndex((c) => c.field === field);
    for (const word of words) {
      const base = printedVariant(spec);
      out.push({ word: `funding ${field}: ${word}`, spec, variant: { ...base, fundingHeaders: base.fundingHeaders.map((h, i) => (i === at ? word : h)) } });
    }
  }
  return out;
}

describe('every synonym in the list, one at a time (tsv)', () => {
  const tsv = STYLES[1]!;
  const printed = new Map<string, string[]>();
  it.each(sweep())('$word', async ({ spec, variant }) => {
    const expected = expectedOf(spec.name);
    if (!printed.has(spec.name)) printed.set(spec.name, differences(spec, await extract(applyVariant(spec, printedVariant(spec)), tsv), expected));
    expect(differences(spec, await extract(applyVariant(spec, variant), tsv), expected)).toEqual(printed.get(spec.name));
  });
});
