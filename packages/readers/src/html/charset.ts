// Which encoding an HTML file is in: the byte-order mark, else the <meta> declaration in the first bytes
// (the HTML prescan), else a sniff (valid UTF-8, else GB18030 — the superset of GBK and GB2312 that
// Chinese government sites still publish in). A declaration the bytes contradict loses to the bytes.
import iconv from 'iconv-lite';
import type { Warning } from '@jixiao/layout';

export interface Decoded {
  text: string;
  /** the encoding used, as iconv-lite names it */
  encoding: string;
  /** how it was chosen */
  source: 'bom' | 'meta' | 'sniff';
  warnings: Warning[];
}

const PRESCAN_BYTES = 4096;

/** Single-byte Western labels (server and editor defaults). */
const WESTERN = new Set(['iso-8859-1', 'latin1', 'l1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii']);

/** Labels pages use for the GB family; GB18030 decodes all of them. */
const GB_LABELS = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'gb_2312-80', 'csgb2312', 'chinese', 'iso-ir-58', 'cp936', 'ms936', 'windows-936']);

/** transportCharset: what the file's container says (an MHTML part's Content-Type), ahead of the page's own <meta>. */
export function decodeHtml(bytes: Uint8Array, transportCharset: string | null = null): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomEncoding(buf);
  if (bom) return { text: iconv.decode(buf, bom), encoding: bom, source: 'bom', warnings: [] };

  const warnings: Warning[] = [];
  const declared = transportCharset ?? declaredCharset(buf);
  if (declared) {
    const encoding = canonical(declared);
    if (!iconv.encodingExists(encoding)) {
      warnings.push({ code: 'UnknownCharset', message: `the page declares charset "${declared}", which is not known; the encoding was guessed from the bytes`, page: null });
    } else if (WESTERN.has(encoding) && hasMultibyte(buf)) {
      // our documents are Chinese: a Western single-byte declaration on a page with high bytes is a server default
      const sniffed = isValidUtf8(buf) ? 'utf-8' : 'gb18030';
      warnings.push({ code: 'CharsetMismatch', message: `the page declares charset "${declared}", which cannot hold Chinese text; read as ${sniffed.toUpperCase()}`, page: null });
      return { text: iconv.decode(buf, sniffed), encoding: sniffed, source: 'sniff', warnings };
    } else if (encoding === 'utf-8' && !isValidUtf8(buf)) {
      warnings.push({ code: 'CharsetMismatch', message: 'the page declares UTF-8 but its bytes are not UTF-8; read as GB18030', page: null });
      return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030', source: 'sniff', warnings };
    } else if (encoding === 'gb18030' && isValidUtf8(buf) && hasMultibyte(buf)) {
      // pages re-saved as UTF-8 often keep their old charset=gbk meta
      warnings.push({ code: 'CharsetMismatch', message: `the page declares charset "${declared}" but its bytes are UTF-8; read as UTF-8`, page: null });
      return { text: iconv.decode(buf, 'utf-8'), encoding: 'utf-8', source: 'sniff', warnings };
    } else {
      return { text: iconv.decode(buf, encoding), encoding, source: 'meta', warnings };
    }
  }
  const encoding = isValidUtf8(buf) ? 'utf-8' : 'gb18030';
  return { text: iconv.decode(buf, encoding), encoding, source: 'sniff', warnings };
}

function bomEncoding(buf: Buffer): string | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  if (buf[0] === 0x84 && buf[1] === 0x31 && buf[2] === 0x95 && buf[3] === 0x33) return 'gb18030';
  return null;
}

/** The charset of the first <meta charset> or <meta http-equiv=content-type content="…; charset=…">. */
export function declaredCharset(buf: Buffer): string | null {
  const head = buf.subarray(0, PRESCAN_BYTES).toString('latin1').replace(/<!--[\s\S]*?-->/g, '');
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta);
    if (direct) return direct[1]!.toLowerCase();
  }
  // XHTML pages saved with an XML declaration only
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return xml ? xml[1]!.toLowerCase() : null;
}

function canonical(label: string): string {
  if (GB_LABELS.has(label)) return 'gb18030';
  if (label === 'utf8' || label === 'unicode-1-1-utf-8') return 'utf-8';
  // a page cannot really be UTF-16 once its meta tag was readable as ASCII (the HTML standard says the same)
  if (label.startsWith('utf-16')) return 'utf-8';
  return label;
}

function isValidUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

function hasMultibyte(buf: Buffer): boolean {
  return buf.some((b) => b >= 0x80);
}
