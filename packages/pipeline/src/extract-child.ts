// The child process of extract-isolated.ts: takes one file at a time over IPC, runs extractFileTimed on it and
// answers with the outcome or the error's code and message. It holds no state between files.
import { readFile, stat } from 'node:fs/promises';
import { ErrorCode, ExtractionError, isExtractionError } from '@jixiao/contract';
import { extractFileTimed, type ExtractMeta, type ExtractOutcome } from './extract-file.ts';

export type ExtractSource = { bytes: Uint8Array } | { path: string };

export interface ChildRequest {
  id: number;
  source: ExtractSource;
  meta: ExtractMeta;
}

export type ChildReply =
  | { id: number; ok: true; outcome: ExtractOutcome }
  | { id: number; ok: false; error: { code: string | null; message: string } };

async function handle({ id, source, meta }: ChildRequest): Promise<ChildReply> {
  try {
    const bytes = 'path' in source ? await readWithinLimit(source.path, meta) : source.bytes;
    return { id, ok: true, outcome: await extractFileTimed(bytes, meta) };
  } catch (err) {
    if (isExtractionError(err)) return { id, ok: false, error: { code: err.code, message: err.message } };
    return { id, ok: false, error: engineLimit(err, meta.fileName) ?? { code: null, message: (err as Error)?.message ?? String(err) } };
  }
}

/** A multi-gigabyte file is refused from its size, before it is loaded. */
async function readWithinLimit(path: string, meta: ExtractMeta): Promise<Uint8Array> {
  const { size } = await stat(path);
  if (meta.maxBytes && size > meta.maxBytes)
    throw new ExtractionError(ErrorCode.FileTooLarge, `${meta.fileName}: ${size} bytes is over the limit of ${meta.maxBytes} bytes`);
  return new Uint8Array(await readFile(path));
}

/**
 * The JavaScript engine's own limits, hit by a reader that had no budget check for them: named for what they
 * mean about the file rather than passed on as "Maximum call stack size exceeded".
 */
function engineLimit(err: unknown, fileName: string): { code: string; message: string } | null {
  const message = (err as Error)?.message ?? '';
  if (err instanceof RangeError && /call stack size/i.test(message))
    return { code: ErrorCode.TooDeep, message: `${fileName}: its structure is nested too deeply to read (the reader ran out of stack)` };
  if (/Invalid (array|string|typed array) length|(Set|Map) maximum size|allocation failed/i.test(message))
    return { code: ErrorCode.OutOfMemory, message: `${fileName}: reading it needs more memory than one file may use (${message})` };
  return null;
}

process.on('message', (request: ChildRequest) => {
  void handle(request).then((reply) => process.send!(reply));
});
// the parent gone (killed, or exited with this child idle): nothing is left to answer
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
