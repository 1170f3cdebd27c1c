// MHTML ("web archive, single file": Word's .mht save, a browser's "save as single file") is a MIME message
// whose first text/html part is the page. This finds that part and undoes its transfer encoding, so the
// HTML reader sees the page's own bytes (their charset is then found as for any page).

export interface MhtmlPage {
  bytes: Uint8Array;
  /** the charset the part's Content-Type header names, if any */
  charset: string | null;
}

const HEAD_BYTES = 4096;

/** True when the bytes start as a MIME message (headers, then a multipart/related body). */
export function isMhtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, HEAD_BYTES)).toString('latin1');
  const headers = head.split(/\r?\n\r?\n/, 1)[0] ?? '';
  return /^mime-version\s*:/im.test(headers) && /content-type\s*:\s*multipart\/related/i.test(unfold(headers));
}

/** The first text/html part, decoded from its transfer encoding; null when there is none. */
export function mhtmlPage(bytes: Uint8Array): MhtmlPage | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const split = /\r?\n\r?\n/.exec(text);
  if (!split) return null;
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(unfold(text.slice(0, split.index)))?.[1];
  if (!boundary) return null;
  for (const part of text.slice(split.index).split(`--${boundary}`)) {
    const sep = /\r?\n\r?\n/.exec(part);
    if (!sep) continue;
    const headers = unfold(part.slice(0, sep.index));
    if (!/content-type\s*:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(sep.index + sep[0].length);
    const encoding = /content-transfer-encoding\s*:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase() ?? '8bit';
    const charset = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(headers)?.[1]?.toLowerCase() ?? null;
    return { bytes: decodeBody(body, encoding), charset };
  }
  return null;
}

function decodeBody(body: string, encoding: string): Uint8Array {
  if (encoding === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable')
    return Buffer.from(
      body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
      'latin1',
    );
  return Buffer.from(body, 'latin1');
}

/** Joins folded header lines (a line starting with white space continues the one before). */
function unfold(headers: string): string {
  return headers.replace(/\r?\n[ \t]+/g, ' ');
}
