// `jixiao normalise [--year YYYY] -- CELL...`: one contract Value as JSON per cell, one line each.
import type { Command } from 'commander';
import { normaliseCell } from '@jixiao/normalise';

export function registerNormalise(program: Command): void {
  program
    .command('normalise')
    .argument('[cells...]', 'cell texts (an empty string is an empty cell)')
    .option('--year <yyyy>', 'the report fiscal year, for dates without a year')
    .action((cells: string[], opts: { year?: string }) => {
      const fiscalYear = opts.year ? Number(opts.year) : null;
      if (opts.year && !Number.isInteger(fiscalYear)) {
        process.stderr.write(`jixiao normalise: --year must be a year such as 2021, got "${opts.year}"\n`);
        process.exitCode = 2;
        return;
      }
      for (const cell of cells) process.stdout.write(JSON.stringify(normaliseCell(cell, { fiscalYear })) + '\n');
    });
}
