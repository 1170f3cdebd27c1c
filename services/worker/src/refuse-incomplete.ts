// What the readers return but the database should not hold as a finished extraction: a file cut short by the
// page limit (its forms would be stored half) and a file with nothing on any page (a blank or failed scan).
// Both end as failed runs with a message saying what to do; the readers keep warning, for `jixiao extract`.
import { ErrorCode, ExtractionError, type Extraction } from '@jixiao/contract';

export function refuseIncomplete(extraction: Extraction, maxPages: number): ExtractionError | null {
  const name = extraction.source.archivePath ?? extraction.source.fileName;
  const cut = extraction.warnings.find((w) => w.code === 'PageLimit');
  if (cut)
    return new ExtractionError(
      ErrorCode.TooManyPages,
      `${name}: more pages than the limit of ${maxPages} (MAX_PAGES); split the file or raise the limit (${cut.message})`,
    );
  const pages = extraction.source.pageCount ?? 0;
  const empty = extraction.warnings.filter((w) => w.code === 'EmptyPage').length;
  if (extraction.reports.length === 0 && pages > 0 && empty >= pages)
    return new ExtractionError(ErrorCode.NoContent, `${name}: none of its ${pages} page(s) holds any text or image; nothing to read`);
  return null;
}
