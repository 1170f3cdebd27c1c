// `jixiao extract FILE --json`: the contract JSON for one file, touching no database.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { isExtractionError } from '@jixiao/contract';
import { extractFile } from '@jixiao/pipeline';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .argument('<file>', 'a report file (PDF, DOCX, text, image, …)')
    .option('--json', 'print the contract Extraction as JSON (the default)')
    .description('print the contract JSON for one file without any database')
    .action(async (file: string) => {
      try {
        const bytes = new Uint8Array(await readFile(file));
        const extraction = await extractFile(bytes, { fileName: basename(file) });
        process.stdout.write(JSON.stringify(extraction, null, 2) + '\n');
      } catch (e) {
        const message = isExtractionError(e) ? `${e.code}: ${e.message}` : (e as Error).message;
        process.stderr.write(`jixiao extract: ${message}\n`);
        process.exitCode = 1;
      }
    });
}
