// unpackZip(bytes, options) → each member of a ZIP as its own source file, and each member that could not be
// one as its own failure. Limits are checked from the central directory BEFORE inflating and again while the
// bytes stream, so a zip bomb costs at most the limit it trips; one bad member never sinks the others.
import { createHash } from 'node:crypto';
import { crc32, inflateRaw } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { ErrorCode, ExtractionError } from '@jixiao/contract';
import { checkMemberPath, decodeMemberName, isJunkMember, type NameEncoding } from './member-name.ts';

export interface UnpackOptions {
  /** the archive's own file name, first part of every archivePath (`archive.zip!/二〇二一/项目自评表.pdf`) */
  archiveName: string;
  /** file members read across the archive and its nested archives; the rest fail with TooManyMembers */
  maxMembers?: number;
  /** uncompressed bytes read across the archive and its nested archives */
  maxTotalBytes?: number;
  /** uncompressed/compressed size of one member, checked for members above RATIO_FLOOR_BYTES */
  maxRatio?: number;
  /** how many levels of ZIP inside ZIP are opened; deeper ones fail with NestedTooDeep */
  maxDepth?: number;
  nameEncoding?: NameEncoding;
  /**
   * each member as it is read, instead of all of them in `members`: a thousand members of a MiB each are then
   * never in memory at once
   */
  onMember?: (member: ArchiveMember) => Promise<void>;
}

export interface ArchiveMember {
  /** path inside the top archive; nested archives joined with `!/` */
  path: string;
  /** `archiveName!/path`, what a source file records as where it came from */
  archivePath: string;
  bytes: Uint8Array;
  sha256: string;
}

export const ArchiveFailureCode = {
  PathTraversal: 'PathTraversal',
  TooManyMembers: 'TooManyMembers',
  FileTooLarge: ErrorCode.FileTooLarge,
  ArchiveBomb: ErrorCode.ArchiveBomb,
  CorruptFile: ErrorCode.CorruptFile,
  EncryptedMember: 'EncryptedMember',
  NestedTooDeep: 'NestedTooDeep',
} as const;
export type ArchiveFailureCode = (typeof ArchiveFailureCode)[keyof typeof ArchiveFailureCode];

export interface MemberFailure {
  archivePath: string;
  code: ArchiveFailureCode;
  message: string;
}

export interface Unpacked {
  members: ArchiveMember[];
  failures: MemberFailure[];
}

export const UNPACK_DEFAULTS = { maxMembers: 2000, maxTotalBytes: 1024 * 1024 * 1024, maxRatio: 200, maxDepth: 1 } as const;
/** Small members may compress far better than any limit (a page of blanks) and cost nothing to inflate. */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

interface Budget {
  members: number;
  bytes: number;
  /** members refused one by one for the member limit; past as many again the rest is one failure */
  refused: number;
}

type Limits = Required<Omit<UnpackOptions, 'archiveName' | 'onMember'>> & Pick<UnpackOptions, 'onMember'>;

/** Throws ExtractionError(CorruptFile) only when the archive itself cannot be opened. */
export async function unpackZip(bytes: Uint8Array, options: UnpackOptions): Promise<Unpacked> {
  const limits: Limits = { ...UNPACK_DEFAULTS, nameEncoding: 'auto', ...stripUndefined(options) };
  const out: Unpacked = { members: [], failures: [] };
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (e) {
    throw new ExtractionError(ErrorCode.CorruptFile, `${options.archiveName}: not a readable ZIP archive (${(e as Error).message})`, { cause: e });
  }
  await unpackInto(zip, { top: options.archiveName, prefix: '', depth: 0 }, limits, { members: 0, bytes: 0, refused: 0 }, out);
  return out;
}

function openZip(bytes: Uint8Array): Promise<ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return yauzl.fromBufferPromise(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true });
}

interface Level {
  /** the top archive's name */
  top: string;
  /** path of this archive inside the top one, with a trailing `!/`, or '' for the top itself */
  prefix: string;
  depth: number;
}

async function unpackInto(zip: ZipFile, level: Level, limits: Limits, budget: Budget, out: Unpacked): Promise<void> {
  const where = (path: string) => `${level.top}!/${level.prefix}${path}`;
  const self = level.prefix === '' ? level.top : where(level.prefix.slice(0, -2));
  let seen = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      seen++;
      if (budget.members >= limits.maxMembers && budget.refused >= limits.maxMembers) {
        // a directory of 100,000 members: one line for what is left rather than a failure each
        const left = zip.entryCount - seen + 1;
        out.failures.push({ archivePath: self, code: ArchiveFailureCode.TooManyMembers, message: `${self}: ${left} more entries not read, the archive has more than ${limits.maxMembers} files (MAX_ARCHIVE_MEMBERS)` });
        break;
      }
      const name = decodeMemberName(entry, limits.nameEncoding);
      if (/[/\\]$/.test(name)) continue; // a directory
      const checked = checkMemberPath(name);
      if (!checked.ok) {
        out.failures.push({ archivePath: where(name), code: ArchiveFailureCode.PathTraversal, message: `${name}: refused, ${checked.reason}` });
        continue;
      }
      if (isJunkMember(checked.path)) continue;
      const archivePath = where(checked.path);
      const refusal = refuseBeforeInflating(entry, checked.path, limits, budget);
      if (refusal) {
        if (refusal.code === ArchiveFailureCode.TooManyMembers) budget.refused++;
        out.failures.push({ archivePath, ...refusal });
        continue;
      }
      budget.members++;
      const read = await readMember(zip, entry, checked.path, limits.maxTotalBytes - budget.bytes);
      if ('code' in read) {
        out.failures.push({ archivePath, ...read });
        continue;
      }
      budget.bytes += read.bytes.length;
      if (await isPlainZip(read.bytes)) {
        await unpackNested(read.bytes, { top: level.top, prefix: `${level.prefix}${checked.path}!/`, depth: level.depth + 1 }, archivePath, limits, budget, out);
        continue;
      }
      const member = { path: level.prefix + checked.path, archivePath, bytes: read.bytes, sha256: createHash('sha256').update(read.bytes).digest('hex') };
      if (!limits.onMember) out.members.push(member);
      else
        await limits.onMember(member).catch((e: unknown) => {
          throw new HandlerFailed(e);
        });
    }
  } catch (e) {
    // the caller's own failure (its database, its disk) is not damage to the archive
    if (e instanceof HandlerFailed) throw e.cause;
    // the central directory itself broke part-way: what was read stands, the rest is one failure
    out.failures.push({ archivePath: self, code: ArchiveFailureCode.CorruptFile, message: `${self}: the archive's directory is damaged part-way (${(e as Error).message}); the members before the damage were read` });
  }
}

class HandlerFailed extends Error {
  constructor(cause: unknown) {
    super('onMember failed', { cause });
  }
}

async function unpackNested(bytes: Uint8Array, level: Level, archivePath: string, limits: Limits, budget: Budget, out: Unpacked): Promise<void> {
  if (level.depth > limits.maxDepth) {
    out.failures.push({ archivePath, code: ArchiveFailureCode.NestedTooDeep, message: `${archivePath}: an archive nested more than ${limits.maxDepth} level(s) deep is not opened; unpack it and add its files directly` });
    return;
  }
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (e) {
    out.failures.push({ archivePath, code: ArchiveFailureCode.CorruptFile, message: `${archivePath}: not a readable ZIP archive (${(e as Error).message})` });
    return;
  }
  await unpackInto(zip, level, limits, budget, out);
}

type Refusal = { code: ArchiveFailureCode; message: string };

/** Everything the central directory lets us refuse without inflating a byte. */
function refuseBeforeInflating(entry: Entry, path: string, limits: Limits, budget: Budget): Refusal | null {
  if (budget.members >= limits.maxMembers)
    return { code: ArchiveFailureCode.TooManyMembers, message: `${path}: not read, the archive has more than ${limits.maxMembers} files` };
  if (entry.isEncrypted())
    return { code: ArchiveFailureCode.EncryptedMember, message: `${path}: the member is password-protected; add it unencrypted` };
  if (budget.bytes + entry.uncompressedSize > limits.maxTotalBytes)
    return { code: ArchiveFailureCode.FileTooLarge, message: `${path}: ${entry.uncompressedSize} bytes would take the archive over its limit of ${limits.maxTotalBytes} uncompressed bytes` };
  if (entry.uncompressedSize > RATIO_FLOOR_BYTES) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (ratio > limits.maxRatio)
      return { code: ArchiveFailureCode.ArchiveBomb, message: `${path}: compressed ${Math.round(ratio)}:1, over the limit of ${limits.maxRatio}:1 (a zip bomb or a damaged header)` };
  }
  return null;
}

/**
 * The member's bytes, stopping the moment more arrive than were declared or than the budget has left. The
 * compressed bytes are inflated in one call into one buffer of the declared size (a stream of 16 KiB chunks
 * joined at the end cost a thousand MiB-sized members more in callbacks, copies and GC than the inflating).
 */
async function readMember(zip: ZipFile, entry: Entry, path: string, bytesLeft: number): Promise<{ bytes: Uint8Array } | Refusal> {
  const tooMuch: Refusal = { code: ArchiveFailureCode.ArchiveBomb, message: `${path}: inflates past its declared ${entry.uncompressedSize} bytes or the archive's byte limit; stopped` };
  const allowed = Math.min(entry.uncompressedSize, bytesLeft);
  let bytes: Buffer;
  try {
    // a method other than store or deflate is refused by yauzl here, as damage
    const stream = await zip.openReadStreamPromise(entry, entry.compressionMethod === 8 ? { decompress: false } : undefined);
    const stored = await readAll(stream as AsyncIterable<Buffer> & { destroy(): void }, entry.compressionMethod === 8 ? entry.compressedSize : allowed);
    if (!stored) return tooMuch;
    bytes = entry.compressionMethod === 8 ? await inflate(stored, allowed) : stored;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return tooMuch;
    return { code: ArchiveFailureCode.CorruptFile, message: `${path}: the member cannot be read (${(e as Error).message})` };
  }
  if (bytes.length > allowed) return tooMuch;
  if (bytes.length < entry.uncompressedSize)
    return { code: ArchiveFailureCode.CorruptFile, message: `${path}: the member cannot be read (${bytes.length} bytes where ${entry.uncompressedSize} were declared)` };
  if (crc32(bytes) !== entry.crc32 >>> 0)
    return { code: ArchiveFailureCode.CorruptFile, message: `${path}: the member is damaged (CRC-32 mismatch)` };
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/** A stream's bytes, or null once more than `most` arrive. */
async function readAll(stream: AsyncIterable<Buffer> & { destroy(): void }, most: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > most) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/** Larger outputs come in chunks of this size (a header that lies about its size must not reserve a GiB). */
const MAX_INFLATE_CHUNK = 16 * 1024 * 1024;

/** Raw deflate, on the thread pool; more than `most` bytes out throws ERR_BUFFER_TOO_LARGE. */
function inflate(compressed: Buffer, most: number): Promise<Buffer> {
  // one byte of room past the declared size: output that fills it exactly needs no second chunk to be sure
  const chunkSize = Math.max(64 * 1024, Math.min(most + 1, MAX_INFLATE_CHUNK));
  return new Promise((resolve, reject) => inflateRaw(compressed, { maxOutputLength: Math.max(1, most), chunkSize }, (err, out) => (err ? reject(err) : resolve(out))));
}

/** A ZIP that is an archive, not a DOCX/XLSX/ODF document (those are ZIPs too, and file-type tells them apart). */
async function isPlainZip(bytes: Uint8Array): Promise<boolean> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  return (await fileTypeFromBuffer(bytes))?.mime === 'application/zip';
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
