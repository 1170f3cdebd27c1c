// Wide scan of the permutation property: many variants per group, prints failing groups and sample diffs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Extraction, Report } from '@jixiao/contract';
import { extractFile } from '@jixiao/pipeline';
import { documentOf } from '../../fixtures/build/document.ts';
import { renderHtml } from '../../fixtures/build/render-html.ts';
import { renderLines, renderTsv, renderWrapped } from '../../fixtures/build/render-text.ts';
import type { FormSpec } from '../../fixtures/build/spec.ts';
import { templateSpecs } from '../../fixtures/build/specs/index.ts';
import { compareReports } from '../../tests/support/compare-reports.ts';
import { applyVariant, describeVariant, variantArbitrary } from '../../tests/templates/variants.ts';

const N = Number(process.env.N ?? 30);
const ONLY = process.env.ONLY ?? '';
const FORMS = 'fixtures/forms';
const STYLES = [
  { name: 'html', file: 'form.html', render: (s: FormSpec) => renderHtml(s.reports[0]?.title ?? s.name, documentOf(s), s.orientation) },
  { name: 'tsv', file: 'form.tsv.txt', render: (s: FormSpec) => renderTsv(documentOf(s)) },
  { name: 'wrapped', file: 'form.wrapped.txt', render: (s: FormSpec) => renderWrapped(documentOf(s)) },
  { name: 'lines', file: 'form.lines.txt', render: (s: FormSpec) => renderLines(documentOf(s)) },
];
function diffs(spec: FormSpec, ex: Extraction, expected: Report[]): string[] {
  const c = compareReports(ex.reports, expected);
  const out = [...c.mismatches];
  if (c.missingReports || c.spuriousReports) out.push(`reports: ${c.missingReports} missing, ${c.spuriousReports} extra`);
  expected.forEach((report, r) => {
    const got = ex.reports[r]?.indicators ?? [];
    if (got.length !== report.indicators.length) return;
    report.indicators.forEach((row, i) => { if ((row.core ?? false) !== (got[i]!.core ?? false)) out.push(`core[${i}]`); });
  });
  for (const column of spec.reports.flatMap((report) => report.indicators?.columns ?? [])) {
    if (column.key !== 'other') continue;
    const header = column.header.replace(/\s+/g, '');
    if (!ex.warnings.some((w) => w.message.replace(/\s+/g, '').includes(header))) out.push(`no warning "${header}"`);
  }
  return out;
}
/** The funding block's columns shuffled (rows' cells with them), when FUND=1. */
function shuffleFunding(spec: FormSpec, seed: number): FormSpec {
  if (!process.env.FUND) return spec;
  const r = spec.reports[0]!;
  if (!r.funding) return spec;
  const n = r.funding.columns.length;
  const order = fc.sample(fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }), { seed, numRuns: 1 })[0]!;
  const funding = { ...r.funding, columns: order.map((i) => r.funding!.columns[i]!), rows: r.funding.rows.map((row) => [row[0]!, ...order.map((i) => row[i + 1] ?? '')]) };
  return { ...spec, reports: [{ ...r, funding }, ...spec.reports.slice(1)] };
}
let total = 0, ok = 0;
for (const spec of templateSpecs) {
  if (ONLY && !spec.name.includes(ONLY)) continue;
  const expected = JSON.parse(readFileSync(join(FORMS, spec.name, 'expected.json'), 'utf8')).reports as Report[];
  for (const style of STYLES) {
    if (process.env.STYLE && style.name !== process.env.STYLE) continue;
    for (const sbw of [false, true]) {
      const vs = fc.sample(variantArbitrary(spec, sbw), { seed: 7 + total, numRuns: N });
      let bad = 0; const samples: string[] = [];
      for (const v of vs) {
        total++;
        const ex = await extractFile(new TextEncoder().encode(style.render(shuffleFunding(applyVariant(spec, v), total))), { fileName: style.file });
        const d = diffs(spec, ex, expected);
        if (process.env.SHOWF && total < 5) console.log(style.render(shuffleFunding(applyVariant(spec, v), total)).split("\n").slice(3, 9).join("\n"));
        if (d.length) { if (process.env.DUMP && bad === 0) { const t = style.render(shuffleFunding(applyVariant(spec, v), total)); const i = t.search(/\t(合计|总分|分总)\n/); console.log(JSON.stringify(t.slice(Math.max(0, i - 300), i + 200))); (await import("node:fs")).writeFileSync(`/tmp/jx-perm/${spec.name}.${style.name}.txt`, t); } bad++; if (samples.length < 2) samples.push(JSON.stringify(shuffleFunding(applyVariant(spec, v), total).reports[0]!.funding?.columns.map((c) => c.header)) + ' ' + describeVariant(spec, v) + '\n      ' + d.slice(0, 4).join('\n      ')); } else ok++;
      }
      if (bad) console.log(`${spec.name}/${style.name}/${sbw ? '得分 before 分值' : '分值 before 得分'}: ${bad}/${N} fail\n    ${samples.join('\n    ')}`);
    }
  }
}
console.log(`passing ${ok}/${total}`);
