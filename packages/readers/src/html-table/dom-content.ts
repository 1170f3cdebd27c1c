// An HTML DOM (htmlparser2/domhandler) → source content in document order: lines of text and tables with
// their spans. What a person reading the page would not count as the document is skipped: scripts, styles,
// hidden elements, and a saved page's navigation, banner and footer.
import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { textContent, type SourceCell, type SourceContent, type SourceTable } from './source-table.ts';
import { collapseWhitespace, LineBuilder } from './whitespace.ts';

const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'embed', 'svg', 'math',
  'canvas', 'button', 'nav', 'aside', 'map', 'audio', 'video',
  // deleted text (Word's "save as web page" writes tracked deletions as <del>) is not what the form says
  'del',
]);
const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar']);
/** <header>/<footer> are the page's banner and footer only outside sectioning content (the ARIA mapping). */
const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'footer', 'hr',
  'html', 'legend', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'ul', 'tr', 'td', 'th', 'option',
  'tbody', 'thead', 'tfoot', 'listing', 'plaintext', 'xmp',
]);
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/** The content of a node list (a document's children, or a cell's). */
export function domContent(nodes: ChildNode[]): SourceContent[] {
  const out = new ContentBuilder();
  for (const node of nodes) walk(node, out, false, false);
  return out.finish();
}

class ContentBuilder {
  readonly lines = new LineBuilder();
  private parts: SourceContent[] = [];

  pushTable(table: SourceTable): void {
    this.flushText();
    this.parts.push({ kind: 'table', table });
  }

  finish(): SourceContent[] {
    this.flushText();
    return this.parts;
  }

  private flushText(): void {
    const lines = this.lines.take();
    if (lines.length > 0) this.parts.push(textContent(lines.join('\n')));
  }
}

function walk(node: ChildNode, out: ContentBuilder, inSection: boolean, pre: boolean): void {
  if (isText(node)) {
    if (pre) out.lines.addPreformatted(node.data);
    else out.lines.add(collapseWhitespace(node.data));
    return;
  }
  if (!isTag(node) || isSkipped(node, inSection)) return;
  const name = node.name;
  if (name === 'br') return out.lines.breakLine();
  if (name === 'table') {
    const { table, caption } = readTable(node);
    // a caption (and stray text between rows) reads as lines above its table
    for (const line of caption) {
      out.lines.add(line);
      out.lines.breakLine();
    }
    return out.pushTable(table);
  }
  if (name === 'input') return addInputValue(node, out);
  if (name === 'select') return addSelected(node, out);
  const block = BLOCK.has(name);
  if (block) out.lines.breakLine();
  const inner = inSection || SECTIONING.has(name);
  const isPre = pre || name === 'pre' || name === 'textarea' || name === 'listing' || name === 'xmp' || name === 'plaintext';
  for (const child of node.children) walk(child, out, inner, isPre);
  if (block) out.lines.breakLine();
}

function isSkipped(el: Element, inSection: boolean): boolean {
  if (SKIPPED.has(el.name)) return true;
  if ('hidden' in el.attribs) return true;
  const role = (el.attribs.role ?? '').trim().toLowerCase();
  if (SKIPPED_ROLES.has(role)) return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.attribs.style ?? '')) return true;
  if (el.name === 'header' || el.name === 'footer') return !inSection;
  return false;
}

function addInputValue(el: Element, out: ContentBuilder): void {
  const type = (el.attribs.type ?? 'text').toLowerCase();
  // a ticked box is the answer on some forms (自评等级 ☑优 ☐良); saved web forms keep them as inputs
  if (type === 'checkbox' || type === 'radio') return out.lines.add('checked' in el.attribs ? '☑' : '☐');
  if (!['text', 'number', 'date', ''].includes(type)) return;
  out.lines.add(' ' + collapseWhitespace(el.attribs.value ?? '') + ' ');
}

function addSelected(el: Element, out: ContentBuilder): void {
  const options = descendants(el, 'option');
  const chosen = options.find((o) => 'selected' in o.attribs);
  if (chosen) out.lines.add(' ' + collapseWhitespace(textOf(chosen)) + ' ');
}

/** Rows in rendering order: head rows, body rows (and rows outside any section), foot rows. */
function readTable(table: Element): { table: SourceTable; caption: string[] } {
  const head: Element[] = [];
  const body: Element[] = [];
  const foot: Element[] = [];
  const caption: string[] = [];
  for (const child of table.children) {
    // stray text between rows: a browser moves it above the table ("foster parenting")
    if (isText(child) && child.data.trim() !== '') caption.push(collapseWhitespace(child.data).trim());
    if (!isTag(child)) continue;
    if (child.name === 'caption') caption.push(textOf(child));
    else if (child.name === 'thead') head.push(...rowsIn(child));
    else if (child.name === 'tfoot') foot.push(...rowsIn(child));
    else if (child.name === 'tr') body.push(child);
    else if (!SKIPPED.has(child.name)) body.push(...rowsIn(child));
  }
  const rows = [...head, ...body, ...foot].filter((tr) => !isInvisibleRow(tr)).map((tr) => rowsCells(tr));
  // a rowspan never reaches past the last row: clipping here keeps rowspan="0" (and hostile spans) cheap
  rows.forEach((row, r) => row.forEach((cell) => (cell.rowSpan = Math.min(cell.rowSpan, rows.length - r))));
  return { table: { rows }, caption: caption.flatMap((c) => c.split('\n')) };
}

/**
 * Rows nobody sees: hidden ones, and the zero-height row of empty cells Word's "save as web page" adds to
 * pin the column widths (inside <![if !supportMisalignedColumns]>).
 */
function isInvisibleRow(tr: Element): boolean {
  if (isSkipped(tr, false)) return true;
  const zeroHeight = tr.attribs.height?.trim() === '0' || /(^|;)\s*height\s*:\s*0(px|pt)?\s*(;|$)/i.test(tr.attribs.style ?? '');
  return zeroHeight && textOf(tr).trim() === '';
}

/** <tr> elements under el, not looking into nested tables. */
function rowsIn(el: Element): Element[] {
  const rows: Element[] = [];
  for (const child of el.children) {
    if (!isTag(child) || child.name === 'table') continue;
    if (child.name === 'tr') rows.push(child);
    else rows.push(...rowsIn(child));
  }
  return rows;
}

function rowsCells(tr: Element): SourceCell[] {
  const cells: SourceCell[] = [];
  const collect = (el: Element): void => {
    for (const child of el.children) {
      if (!isTag(child) || child.name === 'table' || child.name === 'tr') continue;
      if (child.name === 'td' || child.name === 'th') {
        if (isSkipped(child, false)) continue;
        cells.push({
          rowSpan: spanOf(child.attribs.rowspan, MAX_ROWSPAN, MAX_ROWSPAN),
          colSpan: spanOf(child.attribs.colspan, MAX_COLSPAN, 1),
          content: domContent(child.children),
        });
      } else collect(child); // a <form> or stray wrapper between <tr> and its cells
    }
  };
  collect(tr);
  return cells;
}

/** rowspan="0" means "to the end of the table" (a span past the last row is clipped by the grid builder); colspan="0" is 1. */
function spanOf(value: string | undefined, max: number, zero: number): number {
  const n = Number.parseInt((value ?? '').trim(), 10);
  if (!Number.isFinite(n) || n < 0) return 1;
  if (n === 0) return zero;
  return Math.min(n, max);
}

function descendants(el: Element, name: string): Element[] {
  const found: Element[] = [];
  for (const child of el.children) {
    if (!isTag(child)) continue;
    if (child.name === name) found.push(child);
    found.push(...descendants(child, name));
  }
  return found;
}

function textOf(el: Element): string {
  return domContent(el.children)
    .map((p) => (p.kind === 'text' ? p.text : ''))
    .join('\n');
}
