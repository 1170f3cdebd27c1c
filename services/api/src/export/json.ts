// JSON export in the contract shape: one Extraction per document version, as stored by its latest run, with only
// the reports and indicator rows the filter selected and the analysts' corrections applied to those rows.
import type { Writable } from 'node:stream';
import { inArray } from 'drizzle-orm';
import type { Extraction, Indicator } from '@jixiao/contract';
import { applyCorrection, currentCorrections, extractionRuns, type Db, type IndicatorFact } from '@jixiao/db';

export async function writeJson(db: Db, batches: AsyncIterable<IndicatorFact[]>, out: Writable): Promise<number> {
  // which rows of which run: runId → report ordinal → row ordinals (in the order the filter returned them)
  const selected = new Map<number, { sourceFileId: number; rows: Map<number, Set<number>> }>();
  let n = 0;
  for await (const rows of batches) {
    for (const r of rows) {
      const run = selected.get(r.runId) ?? { sourceFileId: r.sourceFileId, rows: new Map() };
      selected.set(r.runId, run);
      const report = run.rows.get(r.reportOrdinal) ?? new Set();
      run.rows.set(r.reportOrdinal, report);
      report.add(r.rowOrdinal);
    }
    n += rows.length;
  }
  out.write('[');
  let first = true;
  const runIds = [...selected.keys()].sort((a, b) => a - b);
  for (let i = 0; i < runIds.length; i += 200) {
    const runs = await db
      .select({ id: extractionRuns.id, extraction: extractionRuns.extraction })
      .from(extractionRuns)
      .where(inArray(extractionRuns.id, runIds.slice(i, i + 200)));
    for (const run of runs) {
      if (!run.extraction) continue;
      const want = selected.get(run.id)!;
      const corrections = await currentCorrections(db, want.sourceFileId);
      const extraction: Extraction = {
        ...run.extraction,
        reports: run.extraction.reports.flatMap((report, ri) => {
          const rows = want.rows.get(ri);
          if (!rows) return [];
          const indicators = report.indicators.flatMap((ind, ii): Indicator[] => {
            if (!rows.has(ii)) return [];
            const c = corrections.get(`${want.sourceFileId}/${ri}/${ii}`);
            const guarded = c && c.level1 === ind.level1 && c.level2 === ind.level2 && c.level3 === ind.level3 ? c : undefined;
            return [{ ...ind, ...applyCorrection(ind, guarded) }];
          });
          return [{ ...report, indicators }];
        }),
      };
      out.write((first ? '\n' : ',\n') + JSON.stringify(extraction));
      first = false;
    }
  }
  out.write('\n]\n');
  return n;
}
