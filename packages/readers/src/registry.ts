// Which reader reads which media type. One folder per format; each exports read(bytes, options) → ReadResult.
import type { Reader } from '@jixiao/layout';

export type MediaType = string;

const readers: Record<string, () => Promise<Reader>> = {
  'text/plain': async () => (await import('./text/read.ts')).read,
};

/** The reader for a media type, or null where none exists. Loaded lazily: OCR and PDF pull in heavy modules. */
export async function readerFor(mediaType: MediaType): Promise<Reader | null> {
  const load = readers[mediaType];
  return load ? load() : null;
}
