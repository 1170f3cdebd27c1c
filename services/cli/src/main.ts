// `jixiao`: argument parsing and printing only; every command calls packages and services.
import { Command } from 'commander';
import { registerExtract } from './commands/extract.ts';
import { registerNormalise } from './commands/normalise.ts';

const program = new Command('jixiao')
  .description('绩效自评表 → typed Postgres: ingest, extract, query')
  .showHelpAfterError();

registerExtract(program);
registerNormalise(program);

await program.parseAsync(process.argv);
