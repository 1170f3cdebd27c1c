// `jixiao extract FILE [--json|--jsonl]`: the contract JSON for one file, touching no database. A ZIP prints one
// Extraction per member (a JSON array, or one line each with --jsonl); members that fail go to stderr and make
// the exit code 1.
import { open, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { unpackZip } from '@jixiao/archive';
import { loadConfig } from '@jixiao/config';
import { ErrorCode, ExtractionError, isExtractionError, type Extraction } from '@jixiao/contract';
import { createIsolatedExtractor, detectMediaType, MEDIA } from '@jixiao/pipeline';
import { printable } from '../printable.ts';

/** file-type reads at most this much to name a type */
const HEAD_BYTES = 64 * 1024;

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
        process.stderr.write(printable(`jixiao extract: ${where ? where + ': ' : ''}${message}`) + '\n');
        process.exitCode = 1;
      };
      const config = loadConfig();
      const extractor = createIsolatedExtractor({ memoryMb: config.limits.memoryMb });
      try {
        const fileName = basename(file);
        // only a ZIP is opened here (its members each go to the extractor); the head tells which may be one,
        // the whole file which is (a DOCX is a ZIP too)
        const bytes = (await detectMediaType(await readHead(file))) === MEDIA.zip ? await readWithinLimit(file, config.limits.maxBytes) : null;
        if (!bytes || (await detectMediaType(bytes)) !== MEDIA.zip) {
          const { extraction } = await extractor.extract(bytes ? { bytes } : { path: file }, { fileName, ...config.limits });
          process.stdout.write(opts.jsonl ? JSON.stringify(extraction) + '\n' : JSON.stringify(extraction, null, 2) + '\n');
          return;
        }
        const { members, failures } = await unpackZip(bytes, { archiveName: fileName, ...config.archiveLimits });
        const extractions: Extraction[] = [];
        for (const member of members) {
          try {
            const { extraction } = await extractor.extract({ bytes: member.bytes }, { fileName: basename(member.path), archivePath: member.archivePath, ...config.limits });
            if (opts.jsonl) process.stdout.write(JSON.stringify(extraction) + '\n');
            else extractions.push(extraction);
          } catch (e) {
            fail(e, member.archivePath);
          }
        }
        for (const f of failures) {
          process.stderr.write(printable(`jixiao extract: ${f.archivePath}: ${f.code}: ${f.message}`) + '\n');
          process.exitCode = 1;
        }
        if (!opts.jsonl) process.stdout.write(JSON.stringify(extractions, null, 2) + '\n');
      } catch (e) {
        fail(e);
      } finally {
        await extractor.close();
      }
    });
}

/** The first bytes, enough to tell the type: the file itself is read by the isolated extractor. */
async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path);
  try {
    const { buffer, bytesRead } = await handle.read(new Uint8Array(HEAD_BYTES), 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function readWithinLimit(path: string, maxBytes: number): Promise<Uint8Array> {
  const { size } = await stat(path);
  if (size > maxBytes) throw new ExtractionError(ErrorCode.FileTooLarge, `${basename(path)}: ${size} bytes is over the limit of ${maxBytes} bytes (MAX_FILE_MB)`);
  return new Uint8Array(await readFile(path));
}
