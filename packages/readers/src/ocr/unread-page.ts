// A page OCR could not read costs that page only: the form's head and rows come from the pages that read,
// and this warning names the one that did not.
import type { Warning } from '@jixiao/layout';

export function unreadPage(page: number, error: unknown): Warning {
  const why = error instanceof Error ? error.message : String(error);
  return { code: 'PageUnreadable', message: `Page ${page} could not be read by OCR (${why}); the rest of the file was read without it.`, page };
}
