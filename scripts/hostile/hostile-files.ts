// Hostile and pathological files (issue 18), built on demand: deep, wide, huge or lying about their size. Each
// says what jixiao must make of it: a failed run with a code, or a read with a warning. Small ones are a few KB
// and run in CI (tests/hostile); `big` ones are generated into a temp folder by scripts/bench-hostile.ts only.
// Nothing here is committed as a file: the bytes are cheap to make and some are hundreds of MB.
import { deflateSync } from 'node:zlib';
import { writeZip } from '../../fixtures/archives/zip-writer.ts';

export interface HostileFile {
  name: string;
  /** what the file is, as the issue's table puts it */
  kind: string;
  big: boolean;
  /** the error code it must fail with, or null where it must be read (with `warning` among its warnings) */
  code: string | null;
  warning?: string;
  /** words the one-line message must hold (the limit's setting) */
  message?: RegExp;
  build(): Buffer | Promise<Buffer>;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function docx(body: string): Buffer {
  const text = (s: string) => Buffer.from(s, 'utf8');
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    { name: 'word/document.xml', data: text(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`) },
  ]);
}

/** One sheet; `cells` are [ref, text]; extra XML (a lying dimension, merges) goes where SpreadsheetML puts it. */
function xlsx(rows: string, extra: { dimension?: string; merges?: string[] } = {}): Buffer {
  const text = (s: string) => Buffer.from(s, 'utf8');
  const dimension = extra.dimension ? `<dimension ref="${extra.dimension}"/>` : '';
  const merges = extra.merges?.length ? `<mergeCells count="${extra.merges.length}">${extra.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: text(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension}<sheetData>${rows}</sheetData>${merges}</worksheet>`),
    },
  ]);
}

const cell = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
const FORM_ROWS = `<row r="1">${cell('A1', '项目支出绩效自评表')}</row><row r="2">${cell('A2', '项目名称')}${cell('B2', '测试项目')}</row>`;

function colName(n: number): string {
  let s = '';
  for (n++; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function assemblePdf(objects: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(at);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    at += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/**
 * A page holding one 1-bit image of w × h pixels, all white, deflated (a few hundred KB for 30000²), drawn over
 * the page. `pageEntries` sets its size (MediaBox, UserUnit).
 */
function pdfWithImage(w: number, h: number, pageEntries = '/MediaBox [0 0 595 842]'): Buffer {
  const rowBytes = Math.ceil(w / 8);
  const data = deflateSync(Buffer.alloc(rowBytes * h, 0xff), { level: 9 });
  const image = Buffer.concat([
    Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream'),
  ]);
  const box = /MediaBox \[0 0 (\d+) (\d+)\]/.exec(pageEntries)!;
  const content = `q ${box[1]} 0 0 ${box[2]} 0 0 cm /Im0 Do Q`;
  return assemblePdf([
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R ${pageEntries} /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>`),
    Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
    image,
  ]);
}

/** A PNG whose header claims w × h pixels; its data is one deflated row (decoders read the header first). */
function pngClaiming(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit grey
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(w + 1, 0xff))), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A little-endian TIFF of `pages` 8 × 8 white grey pages, one IFD each. */
function tiffPages(pages: number): Buffer {
  const px = 8;
  const entries = 9;
  const ifdSize = 2 + entries * 12 + 4;
  const header = Buffer.alloc(8);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  header.writeUInt32LE(8, 4);
  const out: Buffer[] = [header];
  let at = 8;
  for (let p = 0; p < pages; p++) {
    const dataAt = at + ifdSize;
    const next = p + 1 < pages ? dataAt + px * px : 0;
    const ifd = Buffer.alloc(ifdSize);
    ifd.writeUInt16LE(entries, 0);
    const tags: [number, number, number][] = [
      [256, 3, px], // width
      [257, 3, px], // height
      [258, 3, 8], // bits per sample
      [259, 3, 1], // no compression
      [262, 3, 1], // black is zero
      [273, 4, dataAt], // strip offset
      [277, 3, 1], // samples per pixel
      [278, 3, px], // rows per strip
      [279, 4, px * px], // strip bytes
    ];
    tags.forEach(([tag, type, value], i) => {
      const o = 2 + i * 12;
      ifd.writeUInt16LE(tag, o);
      ifd.writeUInt16LE(type, o + 2);
      ifd.writeUInt32LE(1, o + 4);
      if (type === 3) ifd.writeUInt16LE(value, o + 8);
      else ifd.writeUInt32LE(value, o + 8);
    });
    ifd.writeUInt32LE(next, 2 + entries * 12);
    out.push(ifd, Buffer.alloc(px * px, 0xff));
    at = dataAt + px * px;
  }
  return Buffer.concat(out);
}

const nestedHtml = (depth: number) => '<html><body>' + '<table><tr><td>'.repeat(depth) + '项目名称' + '</td></tr></table>'.repeat(depth) + '</body></html>';
const nestedDocx = (depth: number) => docx('<w:tbl><w:tr><w:tc>'.repeat(depth) + '<w:p><w:r><w:t>项目名称</w:t></w:r></w:p>' + '</w:tc></w:tr></w:tbl>'.repeat(depth));

export const HOSTILE: HostileFile[] = [
  { name: 'html-tables-nested-5000.html', kind: 'HTML with tables nested thousands deep', big: false, code: 'TooDeep', message: /MAX_DEPTH/, build: () => Buffer.from(nestedHtml(5000)) },
  { name: 'docx-tables-nested-5000.docx', kind: 'DOCX with tables nested thousands deep', big: false, code: 'TooDeep', message: /MAX_DEPTH/, build: () => nestedDocx(5000) },
  {
    name: 'html-span-bomb.html',
    kind: 'HTML whose colspan·rowspan multiply a small file into billions of grid slots',
    big: false,
    code: 'TooManyCells',
    message: /MAX_GRID_SLOTS/,
    build: () => Buffer.from('<table>' + '<tr><td colspan="1000" rowspan="65534">x</td></tr>'.repeat(2000) + '</table>'),
  },
  {
    name: 'docx-gridspan-bomb.docx',
    kind: 'DOCX whose w:gridSpan multiplies a small file into billions of grid slots',
    big: false,
    code: 'TooManyCells',
    message: /MAX_GRID_SLOTS/,
    build: () => docx('<w:tbl>' + `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>`.repeat(1000) + '</w:tbl>'),
  },
  {
    name: 'xlsx-16384-columns.xlsx',
    kind: 'XLSX of 16,384 columns',
    big: false,
    code: null,
    warning: 'NoFormsFound',
    build: () => xlsx(`<row r="1">${Array.from({ length: 16384 }, (_, c) => cell(`${colName(c)}1`, String(c))).join('')}</row>`),
  },
  { name: 'xlsx-dimension-lies.xlsx', kind: 'XLSX whose dimension lies', big: false, code: null, warning: 'NoFormsFound', build: () => xlsx(FORM_ROWS, { dimension: 'A1:XFD1048576' }) },
  // SheetJS reads no row past MAX_GRID_SLOTS + 1 (xlsx/read.ts): the form is read, the far cell named in a warning
  { name: 'xlsx-cell-at-XFD1048576.xlsx', kind: 'XLSX with one cell at XFD1048576 beside a form', big: false, code: null, warning: 'FarCellsSkipped', build: () => xlsx(FORM_ROWS + `<row r="1048576">${cell('XFD1048576', '末')}</row>`) },
  // within the rows read, the far cell would make the sheet one grid of 2.4 billion slots: left out, named
  { name: 'xlsx-cell-at-XFD150000.xlsx', kind: 'XLSX with one cell at XFD150000 beside a form', big: false, code: null, warning: 'FarCellsSkipped', build: () => xlsx(FORM_ROWS + `<row r="150000">${cell('XFD150000', '末')}</row>`) },
  { name: 'xlsx-huge-merge.xlsx', kind: 'XLSX with a huge merged range', big: false, code: null, warning: 'NoFormsFound', build: () => xlsx(FORM_ROWS, { merges: ['A3:XFD1048576'] }) },
  { name: 'text-one-line-300k.txt', kind: 'a text file of one line (300,000 characters)', big: false, code: 'LineTooLong', message: /MAX_LINE_CHARS/, build: () => Buffer.from('项目名称\t'.repeat(60_000)) },
  { name: 'pdf-page-100m-wide.pdf', kind: 'a PDF page 100 m wide (MediaBox)', big: false, code: null, warning: 'PageTooLarge', build: () => pdfWithImage(8, 16, '/MediaBox [0 0 283465 283465]') },
  { name: 'pdf-page-userunit.pdf', kind: 'a PDF page 100 m wide (UserUnit)', big: false, code: null, warning: 'PageTooLarge', build: () => pdfWithImage(8, 16, '/MediaBox [0 0 14400 14400] /UserUnit 75000') },
  { name: 'tiff-600-pages.tif', kind: 'a TIFF of more pages than MAX_PAGES', big: false, code: 'TooManyPages', message: /MAX_PAGES/, build: () => tiffPages(600) },
  { name: 'png-claims-16000x16000.png', kind: 'a 16000² white PNG (header)', big: false, code: 'PageTooLarge', message: /MAX_PAGE_MEGAPIXELS/, build: () => pngClaiming(16000, 16000) },
  // generated at bench time: large to build, or slow to read
  { name: 'xlsx-million-rows.xlsx', kind: 'XLSX of a million rows', big: true, code: 'TooManyCells', message: /MAX_GRID_SLOTS/, build: () => xlsx(Array.from({ length: 1_048_576 }, (_, r) => `<row r="${r + 1}">${cell(`A${r + 1}`, 'x')}</row>`).join('')) },
  { name: 'text-one-line-90mb.txt', kind: 'a 90 MB text file of one line', big: true, code: 'TooMuchText', message: /MAX_TEXT_CHARS/, build: () => Buffer.alloc(90 * 1024 * 1024, 'a') },
  { name: 'html-tables-nested-50mb.html', kind: 'a 50 MB HTML of nested tables', big: true, code: 'TooMuchText', message: /MAX_TEXT_CHARS/, build: () => Buffer.from(nestedHtml(Math.floor((50 * 1024 * 1024) / 36))) },
  { name: 'pdf-image-30000sq.pdf', kind: 'a 30000² image inside a PDF', big: true, code: null, warning: 'NoFormsFound', build: () => pdfWithImage(30000, 30000) },
  { name: 'tiff-500-pages.tif', kind: 'a 500-page TIFF (at MAX_PAGES)', big: true, code: null, warning: 'NoFormsFound', build: () => tiffPages(500) },
];
