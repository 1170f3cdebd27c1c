// `jixiao`: argument parsing and printing only; every command calls packages and services.
// Start-up loads only the command asked for: the commands pull in PDFium, ONNX Runtime, sharp, Fastify, BullMQ
// and PGlite between them, seconds of CPU that `--help` or `normalise` must not pay (npm run bench prints it).
import { Command } from 'commander';
import { COMMANDS, commandNamed } from './command-table.ts';

const program = new Command('jixiao')
  .description('绩效自评表 → typed Postgres: ingest, extract, query')
  .showHelpAfterError();

const args = process.argv.slice(2);
// `jixiao help extract` asks about extract as `jixiao extract --help` does
const asked = commandNamed(args[0] === 'help' ? args[1] : args[0]);
if (asked) {
  (await asked.load())(program);
  program.commands.find((c) => c.name() === asked.name)?.description(asked.summary);
} else {
  // the overview (or an unknown command): names and summaries only, nothing loaded
  for (const c of COMMANDS) program.command(`${c.name} ${c.usage}`.trim()).description(c.summary);
}

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // a bad setting stops start-up with one line naming it
  const { isConfigError } = await import('@jixiao/config');
  if (!isConfigError(e)) throw e;
  process.stderr.write(`jixiao: ${e.message}\n`);
  process.exitCode = 2;
}
