// The small hostile files (scripts/hostile/hostile-files.ts) through the isolated extractor the services use, with
// the settings' budget: each ends as a failed run with its code and a line naming the limit's setting, or as a
// read with its warning, within 60 s and 1.5 GB; and the child that read it reads the next file. The big ones
// (a million rows, 90 MB of one line, a 30000² image) are measured by scripts/bench-hostile.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@jixiao/config';
import { isExtractionError } from '@jixiao/contract';
import { createIsolatedExtractor } from '@jixiao/pipeline';
import { HOSTILE } from '../../scripts/hostile/hostile-files.ts';

const config = loadConfig({});
const extractor = createIsolatedExtractor({ memoryMb: config.limits.memoryMb });
afterAll(() => extractor.close());

describe('hostile files end cleanly within their budget', () => {
  it.each(HOSTILE.filter((f) => !f.big).map((f) => [f.name, f] as const))('%s', async (_name, file) => {
    let stats = { ms: 0, peakRssBytes: 0 };
    const outcome = await extractor
      .extract({ bytes: await file.build() }, { fileName: file.name, ...config.limits, timeBudgetMs: 60_000 }, { onStats: (s) => (stats = s) })
      .then(
        (o) => ({ code: null, warnings: o.extraction.warnings.map((w) => w.code), message: '' }),
        (e: unknown) => ({ code: isExtractionError(e) ? e.code : String(e), warnings: [], message: (e as Error).message }),
      );
    expect(outcome.code, outcome.message).toBe(file.code);
    if (file.code) {
      expect(outcome.message).toContain(file.name);
      expect(outcome.message).not.toContain('\n');
      if (file.message) expect(outcome.message).toMatch(file.message);
    } else expect(outcome.warnings).toContain(file.warning);
    expect(stats.ms).toBeLessThan(60_000);
    expect(stats.peakRssBytes).toBeLessThan(1.5 * 1024 ** 3);
  });
});
