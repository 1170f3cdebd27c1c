// Bytes → text: UTF-8 when the bytes are valid UTF-8, else GB18030 (GBK exports from older Office/WPS);
// a BOM stripped, CRLF and lone CR turned into LF.
import iconv from 'iconv-lite';

export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}
