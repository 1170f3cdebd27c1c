import { readFileSync } from 'node:fs';
import { extractFile } from '@jixiao/pipeline';
import { compareReports } from '../support/compare-reports.ts';
const [f, form] = process.argv.slice(2) as [string, string];
const ex = await extractFile(readFileSync(f), { fileName: f.replace(/^.*\//, '') });
const expected = JSON.parse(readFileSync(`fixtures/forms/${form}/expected.json`, 'utf8')).reports;
console.log(f, compareReports(ex.reports, expected).mismatches.slice(0, 8));
