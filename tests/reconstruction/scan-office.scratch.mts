// Scratch: a few permuted variants per template through LibreOffice/Chromium (DOCX, PDF), read by extractFile.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import pLimit from 'p-limit';
import type { Report } from '@jixiao/contract';
import { extractFile } from '@jixiao/pipeline';
import { documentOf } from '../../fixtures/build/document.ts';
import { renderHtml } from '../../fixtures/build/render-html.ts';
import { convertAll, officeTools } from '../../fixtures/build/office.ts';
import { templateSpecs } from '../../fixtures/build/specs/index.ts';
import { compareReports } from '../support/compare-reports.ts';
import { applyVariant, describeVariant, variantArbitrary } from '../templates/variants.ts';

const N = Number(process.env.N ?? 2);
const tools = officeTools();
const jobs: Promise<void>[] = [];
const limit = pLimit(3);
let ok = 0, total = 0;
for (const spec of templateSpecs) {
  if (process.env.ONLY && !spec.name.includes(process.env.ONLY)) continue;
  const expected = JSON.parse(readFileSync(join('fixtures/forms', spec.name, 'expected.json'), 'utf8')).reports as Report[];
  const variants = [true, false].flatMap((sbw) => fc.sample(variantArbitrary(spec, sbw), { seed: 99, numRuns: N }));
  variants.forEach((v, k) => jobs.push(limit(async () => {
    const s = applyVariant(spec, v);
    const dir = `/tmp/jx-perm/office/${spec.name}-${k}`;
    mkdirSync(dir, { recursive: true });
    const blocks = documentOf(s);
    writeFileSync(join(dir, 'form.html'), renderHtml(s.reports[0]?.title ?? s.name, blocks, s.orientation));
    const made = await convertAll(dir, s.orientation, tools, blocks.flatMap((b) => (b.type === 'table' ? [b.widths] : [])));
    for (const file of made) {
      total++;
      const ex = await extractFile(readFileSync(join(dir, file)), { fileName: file });
      const c = compareReports(ex.reports, expected);
      const d = [...c.mismatches, ...(c.missingReports || c.spuriousReports ? [`reports ${c.missingReports}/${c.spuriousReports}`] : [])];
      if (d.length) console.log(`${spec.name}-${k}/${file}: ${describeVariant(spec, v)}\n    ${d.slice(0, 5).join('\n    ')}`);
      else ok++;
    }
  })));
}
// a few at a time: LibreOffice is heavy
await Promise.all(jobs);
console.log(`office passing ${ok}/${total}`);
