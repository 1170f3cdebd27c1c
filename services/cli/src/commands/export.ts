// `jixiao export --format csv|xlsx|json [filters] -o FILE`: the same rows and columns as the API's /api/export.
import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '@jixiao/config';
import { openDatabase } from '@jixiao/db';
import { ExportQuery, exportIndicators, filterOf } from '@jixiao/api';

interface ExportOptions {
  format: string;
  output: string;
  organisation?: string;
  year?: string;
  kind?: string;
  project?: string;
  level1?: string;
  level2?: string;
  attained?: string;
  lowConfidence?: boolean;
  q?: string;
  document?: string;
}

/** ExportQuery's field → the option that sets it, for error messages. */
const OPTION_OF: Record<string, string> = { fiscalYear: '--year', documentId: '--document', lowConfidence: '--low-confidence' };

export function registerExport(program: Command): void {
  program
    .command('export')
    .requiredOption('-o, --output <file>', 'file to write')
    .option('--format <format>', 'csv (UTF-8 with BOM), xlsx or json (contract shape)', 'csv')
    .option('--organisation <text>', 'organisation contains')
    .option('--year <year>', 'fiscal year')
    .option('--kind <kind>', 'department | project | transfer_payment | unknown')
    .option('--project <text>', 'project name contains')
    .option('--level1 <text>', '一级指标')
    .option('--level2 <text>', '二级指标')
    .option('--attained <yes|no|unknown>', 'attained or not')
    .option('--low-confidence', 'only rows with low OCR confidence')
    .option('--q <text>', '三级指标 contains')
    .option('--document <id>', 'one document')
    .action(async (opts: ExportOptions) => {
      const parsed = ExportQuery.safeParse({
        format: opts.format,
        organisation: opts.organisation,
        fiscalYear: opts.year,
        kind: opts.kind,
        project: opts.project,
        level1: opts.level1,
        level2: opts.level2,
        attained: opts.attained,
        lowConfidence: opts.lowConfidence ? 'true' : undefined,
        q: opts.q,
        documentId: opts.document,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const option = OPTION_OF[String(issue.path[0])] ?? `--${String(issue.path[0])}`;
        process.stderr.write(`jixiao export: ${option}: ${issue.message}\n`);
        process.exitCode = 2;
        return;
      }
      const config = loadConfig();
      const database = openDatabase(config);
      try {
        await database.migrate();
        const t0 = performance.now();
        const out = createWriteStream(opts.output);
        const finished = new Promise<void>((resolve, reject) => out.on('close', resolve).on('error', reject));
        const n = await exportIndicators(database.db, filterOf(parsed.data), parsed.data.format, out);
        await finished;
        process.stderr.write(`jixiao export: ${n} indicator rows → ${opts.output} (${Math.round(performance.now() - t0)} ms)\n`);
      } finally {
        await database.close();
      }
    });
}
