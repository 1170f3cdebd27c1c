import { readFileSync } from 'node:fs';
import { readerFor } from '../../packages/readers/src/index.ts';
import { layoutRows } from '../../packages/reconstruct/src/rows.ts';
const f = process.argv[2]!;
const type = f.endsWith('.pdf') ? 'application/pdf' : f.endsWith('.docx') ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : f.endsWith('.html') ? 'text/html' : 'text/plain';
const reader = await (readerFor as (t: string) => unknown)(type) as { read: (b: Uint8Array, o: object) => Promise<{ layout: never }> } | ((b: Uint8Array, o: object) => Promise<{ layout: never }>);
const read = typeof reader === 'function' ? reader : reader.read;
const { layout } = await read(new Uint8Array(readFileSync(f)), {});
for (const r of layoutRows(layout)) console.log(r.table, r.page, r.cells.length, JSON.stringify(r.cells.map((c) => (c.present ? '' : '∅') + c.text + (c.start !== c.end ? `[${c.start}-${c.end}]` : '') + (c.anchored ? '' : '^'))));
