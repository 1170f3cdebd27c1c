// Every reader that builds tables says how it found each one (TableBlock.foundBy): from ruling lines, from the
// positions of text lines, or from the file's own table structure — one form in each of its renderings.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TableBlock, TableFoundBy } from '@jixiao/layout';
import { readerFor } from '@jixiao/readers';

const form = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/forms/template-flat-list/${name}`, import.meta.url)));

const cases: [file: string, mediaType: string, foundBy: TableFoundBy][] = [
  ['form.html', 'text/html', 'structure'],
  ['form.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'structure'],
  ['form.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'structure'],
  ['form.tsv.txt', 'text/plain', 'structure'],
  // pdftotext -layout's columns placed by spaces: found from where the pieces of each line start
  ['form.spaced.txt', 'text/plain', 'text-lines'],
  ['form.pdf', 'application/pdf', 'rules'],
  ['form-chromium.pdf', 'application/pdf', 'rules'],
];

describe('TableBlock.foundBy', () => {
  it.each(cases)('%s (%s): every table says it was found by %s', async (file, mediaType, foundBy) => {
    const read = await readerFor(mediaType);
    const { layout } = await read!(form(file), { fileName: file });
    const tables = layout.blocks.filter((b): b is TableBlock => b.type === 'table');
    expect(tables.length).toBeGreaterThan(0);
    expect(new Set(tables.map((t) => t.foundBy))).toEqual(new Set([foundBy]));
  });
});
