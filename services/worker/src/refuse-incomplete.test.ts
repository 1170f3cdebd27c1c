// The worker refuses a read cut short by the page limit from Source.readCut, whichever reader cut it (issue 19:
// an XLSX over the limit warned TooManyPages while the refusal looked for PageLimit, and was stored half read).
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Extraction } from '@jixiao/contract';
import { refuseIncomplete } from './refuse-incomplete.ts';

const extraction = (source: Partial<Extraction['source']>, warnings: Extraction['warnings'] = []): Extraction => ({
  schemaVersion: SCHEMA_VERSION,
  source: { fileName: 'book.xlsx', sha256: '0'.repeat(64), mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pageCount: 3, ocr: false, ...source },
  reports: [],
  warnings,
});

describe('refuseIncomplete', () => {
  it('refuses a read the page limit cut short', () => {
    const e = refuseIncomplete(extraction({ readCut: { reason: 'pageLimit', pagesRead: 2, pageCount: 3 } }), 2);
    expect(e?.code).toBe('TooManyPages');
    expect(e?.message).toContain('only 2 were read');
  });

  it('keeps a whole read, whatever its warnings say', () => {
    expect(refuseIncomplete(extraction({}, [{ code: 'PageLimit', message: 'words only', page: null }]), 2)).toBeNull();
  });
});
