// Which reader reads which media type. One folder per format; each exports read(bytes, options) → ReadResult.
import type { Reader } from '@jixiao/layout';

export type MediaType = string;

const readers: Record<string, () => Promise<Reader>> = {
  'text/plain': async () => (await import('./text/read.ts')).read,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': async () => (await import('./xlsx/read.ts')).read,
  'application/vnd.ms-excel': async () => (await import('./xlsx/read.ts')).read,
  // file-type names every .doc/.xls/.wps/.et `application/x-cfb`; the legacy reader tells them apart
  'application/x-cfb': async () => (await import('./legacy-office/read.ts')).read,
  'application/msword': async () => (await import('./legacy-office/read.ts')).read,
  // the other kinds detectMediaType names from a CFB's directory: the legacy reader reads or explains them
  'application/vnd.ms-works': async () => (await import('./legacy-office/read.ts')).read,
  'application/vnd.ms-powerpoint': async () => (await import('./legacy-office/read.ts')).read,
  'application/x-ooxml-encrypted': async () => (await import('./legacy-office/read.ts')).read,
  'application/pdf': async () => (await import('./scanned-pdf/read.ts')).read,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': async () => (await import('./docx/read.ts')).read,
  'text/html': async () => (await import('./html/read.ts')).read,
  'image/png': async () => (await import('./ocr/read.ts')).read,
  'image/jpeg': async () => (await import('./ocr/read.ts')).read,
  'image/tiff': async () => (await import('./ocr/read.ts')).read,
};

/** The reader for a media type, or null where none exists. Loaded lazily: OCR and PDF pull in heavy modules. */
export async function readerFor(mediaType: MediaType): Promise<Reader | null> {
  const load = readers[mediaType];
  return load ? load() : null;
}
