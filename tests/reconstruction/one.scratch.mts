import { readFileSync } from 'node:fs';
import { extractFile } from '@jixiao/pipeline';
const f = process.argv[2]!;
const ex = await extractFile(readFileSync(f), { fileName: f.replace(/^.*\//, '') });
const r = ex.reports[0]!;
console.log(JSON.stringify(r.funding.map((l) => [l.label, l.initialBudget, l.annualBudget, l.executed, l.executionRate, l.weight, l.score]), null, 0));
console.log(ex.warnings.map((w) => w.message).join('\n'));
