// `jixiao extract FILE [--json|--jsonl]`: the contract JSON for one file, touching no database. A ZIP prints one
// Extraction per member (a JSON array, or one line each with --jsonl); members that fail go to stderr and make
// the exit code 1.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { unpackZip } from '@jixiao/archive';
import { loadConfig } from '@jixiao/config';
import { isExtractionError, type Extraction } from '@jixiao/contract';
import { detectMediaType, extractFile, MEDIA } from '@jixiao/pipeline';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .argument('<file>', 'a report file (PDF, DOCX, text, image, …) or a ZIP of them')
    .option('--json', 'print the contract Extraction as JSON (the default; a JSON array for a ZIP)')
    .option('--jsonl', 'print one Extraction per line (one per member for a ZIP)')
    .action(async (file: string, opts: { jsonl?: boolean }) => {
      // a member's failure is prefixed with its path inside the archive (readers name the file only)
      const fail = (e: unknown, where?: string) => {
        const message = isExtractionError(e) ? `${e.code}: ${e.message}` : (e as Error).message;
        process.stderr.write(`jixiao extract: ${where ? where + ': ' : ''}${message}\n`);
        process.exitCode = 1;
      };
      try {
        const bytes = new Uint8Array(await readFile(file));
        const fileName = basename(file);
        if ((await detectMediaType(bytes)) !== MEDIA.zip) {
          const extraction = await extractFile(bytes, { fileName });
          process.stdout.write(opts.jsonl ? JSON.stringify(extraction) + '\n' : JSON.stringify(extraction, null, 2) + '\n');
          return;
        }
        const config = loadConfig();
        const { members, failures } = await unpackZip(bytes, { archiveName: fileName, ...config.archiveLimits });
        const extractions: Extraction[] = [];
        for (const member of members) {
          try {
            const extraction = await extractFile(member.bytes, { fileName: basename(member.path), archivePath: member.archivePath, ...config.limits });
            if (opts.jsonl) process.stdout.write(JSON.stringify(extraction) + '\n');
            else extractions.push(extraction);
          } catch (e) {
            fail(e, member.archivePath);
          }
        }
        for (const f of failures) {
          process.stderr.write(`jixiao extract: ${f.archivePath}: ${f.code}: ${f.message}\n`);
          process.exitCode = 1;
        }
        if (!opts.jsonl) process.stdout.write(JSON.stringify(extractions, null, 2) + '\n');
      } catch (e) {
        fail(e);
      }
    });
}
