// `jixiao`: argument parsing and printing only; every command calls packages and services.
import { Command } from 'commander';
import { registerExtract } from './commands/extract.ts';
import { registerNormalise } from './commands/normalise.ts';
import { isConfigError } from '@jixiao/config';
import { registerMigrate } from './commands/migrate.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerWatch } from './commands/watch.ts';
import { registerWork } from './commands/work.ts';
import { registerStatus } from './commands/status.ts';
import { registerReprocess } from './commands/reprocess.ts';
import { registerServe } from './commands/serve.ts';
import { registerExport } from './commands/export.ts';

const program = new Command('jixiao')
  .description('绩效自评表 → typed Postgres: ingest, extract, query')
  .showHelpAfterError();

registerExtract(program);
registerNormalise(program);
registerMigrate(program);
registerIngest(program);
registerWatch(program);
registerWork(program);
registerStatus(program);
registerReprocess(program);
registerServe(program);
registerExport(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // a bad setting stops start-up with one line naming it
  if (!isConfigError(e)) throw e;
  process.stderr.write(`jixiao: ${e.message}\n`);
  process.exitCode = 2;
}
