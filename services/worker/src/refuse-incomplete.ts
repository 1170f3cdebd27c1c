// What the readers return but the database should not hold as a finished extraction: a file cut short by the
// page limit (its forms would be stored half: a long PDF, a workbook with more sheets than the limit) and a file
// with nothing on any page (a blank or failed scan). Both end as failed runs with a message saying what to do;
// the readers keep warning, for `jixiao extract`. The cut is read from Source.readCut, never from a warning.
import { ErrorCode, ExtractionError, WarningCode, type Extraction } from '@jixiao/contract';

export function refuseIncomplete(extraction: Extraction, maxPages: number): ExtractionError | null {
  const name = extraction.source.archivePath ?? extraction.source.fileName;
  const cut = extraction.source.readCut;
  if (cut?.reason === 'pageLimit')
    return new ExtractionError(
      ErrorCode.TooManyPages,
      `${name}: ${cut.pageCount ?? 'more'} pages (or sheets), over the limit of ${maxPages} (MAX_PAGES); only ${cut.pagesRead} were read; split the file or raise the limit`,
    );
  const pages = extraction.source.pageCount ?? 0;
  const empty = extraction.warnings.filter((w) => w.code === WarningCode.EmptyPage).length;
  if (extraction.reports.length === 0 && pages > 0 && empty >= pages)
    return new ExtractionError(ErrorCode.NoContent, `${name}: none of its ${pages} page(s) holds any text or image; nothing to read`);
  return null;
}
