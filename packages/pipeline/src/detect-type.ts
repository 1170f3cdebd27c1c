// The media type from the bytes, never from the name (a workbook named .pdf is read as a workbook).
import { fileTypeFromBuffer } from 'file-type';
import { cfbMediaType } from '@jixiao/readers';

export const MEDIA = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  text: 'text/plain',
  html: 'text/html',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
} as const;

export async function detectMediaType(bytes: Uint8Array): Promise<string | null> {
  const ft = await fileTypeFromBuffer(bytes);
  // file-type calls every legacy Office file application/x-cfb; its directory says which (.doc, .xls, …)
  if (ft?.mime === 'application/x-cfb') return cfbMediaType(bytes) ?? ft.mime;
  if (ft) return ft.mime;
  if (looksLikeHtml(bytes)) return MEDIA.html;
  if (looksLikeText(bytes)) return MEDIA.text;
  return null;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).toLowerCase();
  return /<(!doctype html|html|table|meta\s)/.test(head);
}

/** UTF-8 (or GB18030) text: no NUL bytes and few control characters in the first 64 KiB. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / sample.length < 0.01;
}
