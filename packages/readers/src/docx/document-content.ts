// word/document.xml → source content in document order (paragraph lines and tables), in one saxes pass.
// Tables keep Word's grid: w:gridSpan, w:vMerge restart/continue, legacy w:hMerge, w:gridBefore/w:gridAfter
// (mammoth drops the last three, and all vertical merges of a table with a bookmark between its rows).
// What is read follows what Word shows: deleted runs and rows and field codes are skipped, of
// mc:AlternateContent only the Fallback is read (as mammoth does), and Wingdings symbols map to Unicode.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { hex as dingbat } from 'dingbat-to-unicode';
import type { SourceContent } from '../html-table/index.ts';
import { budgetOf, checkTextSize, tooDeep, type Budget } from '../budget.ts';
import { resolveMerges, type RawCell, type RawRow } from './resolve-merges.ts';

const W_URIS = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC_URI = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
/** Subtrees with no text Word shows: deleted and moved-away runs, field codes, properties, the other AlternateContent branch. */
const SKIP = new Set(['w:del', 'w:moveFrom', 'w:instrText', 'w:delText', 'w:delInstrText', 'mc:Choice', 'w:pPr', 'w:rPr', 'w:sectPr', 'w:tblPr', 'w:tblGrid', 'w:sdtPr']);

/** Where finished paragraphs go: the body, or a table cell. */
interface Container {
  parts: SourceContent[];
  lines: string[];
  cell: RawCell | null;
}

interface TableState {
  rows: RawRow[];
  row: RawRow | null;
  /** containers.length when the table opened: equal again between its cells (row properties), greater inside one */
  depth: number;
}

export interface DocumentContent {
  content: SourceContent[];
  /** w:altChunk elements whose imported content (RTF, or a part that is missing) could not be read */
  unreadChunks: number;
}

/** The content a w:altChunk imports (by relationship id), or null where it cannot be read. */
export type ChunkResolver = (relationshipId: string) => SourceContent[] | null;

export function readDocument(xml: string, resolveChunk: ChunkResolver = () => null, budget: Budget = budgetOf({}, 'the DOCX file')): DocumentContent {
  checkTextSize(xml, budget);
  // the parse is iterative, but what it builds (tables in cells) is walked recursively afterwards
  let depth = 0;
  const body: Container = { parts: [], lines: [], cell: null };
  const containers: Container[] = [body];
  const tables: TableState[] = [];
  const paragraphs: string[] = [];
  const prefixes = new Map<string, string>();
  let skip = 0;
  let inText = false;
  let unreadChunks = 0;

  const container = () => containers.at(-1)!;
  const append = (s: string) => {
    if (paragraphs.length > 0) paragraphs[paragraphs.length - 1] += s;
  };
  const parser = new SaxesParser({ xmlns: false });

  parser.on('opentag', (tag) => {
    if (!tag.isSelfClosing && ++depth > budget.maxDepth) throw tooDeep(budget, 'XML elements');
    if (prefixes.size === 0) learnPrefixes(tag, prefixes);
    const name = canonical(tag.name, prefixes);
    if (skip > 0 || SKIP.has(name)) {
      // a w:del in a row's properties (not inside a cell) marks the whole row deleted
      const table = tables.at(-1);
      if (name === 'w:del' && skip === 0 && table?.row && containers.length === table.depth) table.row.deleted = true;
      skip++;
      return;
    }
    const table = tables.at(-1);
    const cell = container().cell;
    const inRowProperties = !!table?.row && containers.length === table.depth;
    switch (name) {
      case 'w:tbl':
        tables.push({ rows: [], row: null, depth: containers.length });
        break;
      case 'w:tr':
        if (table) table.row = { cells: [], gridBefore: 0, gridAfter: 0, deleted: false };
        break;
      case 'w:gridBefore':
        if (inRowProperties) table!.row!.gridBefore = intVal(tag) ?? 0;
        break;
      case 'w:gridAfter':
        if (inRowProperties) table!.row!.gridAfter = intVal(tag) ?? 0;
        break;
      case 'w:tc':
        if (table?.row) containers.push({ parts: [], lines: [], cell: { gridSpan: 1, vMerge: null, hMerge: null, content: [] } });
        break;
      case 'w:gridSpan':
        if (cell) cell.gridSpan = Math.max(1, intVal(tag) ?? 1);
        break;
      case 'w:vMerge':
        if (cell) cell.vMerge = attr(tag, 'val') === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:hMerge':
        if (cell) cell.hMerge = attr(tag, 'val') === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:p':
        paragraphs.push('');
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
      case 'w:ptab':
        append(' ');
        break;
      case 'w:br':
      case 'w:cr':
        append('\n');
        break;
      case 'w:noBreakHyphen':
        append('-');
        break;
      case 'w:altChunk': {
        // content a web exporter pasted in as HTML: it stands where the chunk stands
        const chunk = resolveChunk(attr(tag, 'id') ?? '');
        if (chunk) {
          flushLines(container());
          container().parts.push(...chunk);
        } else unreadChunks++;
        break;
      }
      case 'w:sym':
        // Wingdings ticks and boxes (☑优 ☐良) are symbols, not text; mapped as mammoth maps them
        append(symbol(tag));
        break;
    }
  });

  parser.on('text', (text) => {
    if (inText && skip === 0) append(text);
  });

  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) depth--;
    if (skip > 0) {
      skip--;
      return;
    }
    const name = canonical(tag.name, prefixes);
    const table = tables.at(-1);
    switch (name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:p': {
        const text = paragraphs.pop();
        if (text !== undefined) container().lines.push(...text.split('\n'));
        break;
      }
      case 'w:tc': {
        const done = container();
        if (table?.row && done.cell) {
          containers.pop();
          flushLines(done);
          done.cell.content = done.parts;
          table.row.cells.push(done.cell);
        }
        break;
      }
      case 'w:tr':
        if (table?.row) {
          if (!table.row.deleted) table.rows.push(table.row);
          table.row = null;
        }
        break;
      case 'w:tbl': {
        const done = tables.pop();
        if (!done) break;
        const target = container();
        flushLines(target);
        target.parts.push({ kind: 'table', table: resolveMerges(done.rows) });
        break;
      }
    }
  });

  parser.write(xml).close();
  flushLines(body);
  return { content: body.parts, unreadChunks };
}

/** Moves a container's finished lines into its content as one text part (before a table, and at the end). */
function flushLines(c: Container): void {
  const lines = c.lines.map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim()).filter((l) => l !== '');
  if (lines.length > 0) c.parts.push({ kind: 'text', text: lines.join('\n') });
  c.lines = [];
}

/** Which prefixes the root element binds to the WordprocessingML and markup-compatibility namespaces. */
function learnPrefixes(root: SaxesTagPlain, prefixes: Map<string, string>): void {
  for (const [name, uri] of Object.entries(root.attributes)) {
    if (!name.startsWith('xmlns:')) continue;
    if (W_URIS.has(uri)) prefixes.set(name.slice(6), 'w');
    else if (uri === MC_URI) prefixes.set(name.slice(6), 'mc');
  }
  if (prefixes.size === 0) prefixes.set('w', 'w'); // no declarations at all: assume the usual prefix
}

/** The element name with its prefix replaced by the canonical one ('w:' / 'mc:'). */
function canonical(name: string, prefixes: Map<string, string>): string {
  const colon = name.indexOf(':');
  if (colon < 0) return name;
  const known = prefixes.get(name.slice(0, colon));
  return known ? `${known}:${name.slice(colon + 1)}` : name;
}

function attr(tag: SaxesTagPlain, local: string): string | null {
  for (const [name, value] of Object.entries(tag.attributes)) if (name === local || name.endsWith(`:${local}`)) return value;
  return null;
}

/** Word's grid has at most 63 columns; 1000 keeps a damaged file from building a huge grid. */
const MAX_SPAN = 1000;

function intVal(tag: SaxesTagPlain): number | null {
  const n = Number.parseInt(attr(tag, 'val') ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, MAX_SPAN) : null;
}

function symbol(tag: SaxesTagPlain): string {
  const font = attr(tag, 'font') ?? '';
  const char = attr(tag, 'char') ?? '';
  const found = dingbat(font, char) ?? (/^F0..$/i.test(char) ? dingbat(font, char.slice(2)) : undefined);
  return found?.string ?? '';
}
