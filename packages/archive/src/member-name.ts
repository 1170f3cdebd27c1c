// A ZIP member's name: decoded the way the archive's writer meant it, then checked before it becomes a path.
// Chinese Windows (Explorer's "Send to → Compressed folder", WinRAR, 360压缩, older 7-Zip) writes names in the
// OEM code page, GBK/CP936, without the UTF-8 flag. The ZIP spec says such names are CP437, which turns
// `项目自评表.pdf` into box-drawing noise, so CP437 is never the guess here.
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import type { Entry } from 'yauzl';

/** bit 11 of the general purpose flag: the name is UTF-8 */
const UTF8_FLAG = 0x800;
/** Info-ZIP Unicode Path Extra Field: a UTF-8 copy of the name beside a legacy-encoded one */
const UNICODE_PATH_FIELD = 0x7075;

export type NameEncoding = 'auto' | 'utf8' | 'gb18030';

/**
 * The member's name as text. Flagged UTF-8 and Info-ZIP Unicode Path fields are trusted (yauzl decodes them);
 * an unflagged name is UTF-8 when its bytes are valid UTF-8 (macOS and Linux tools often omit the flag),
 * otherwise GB18030, the superset of GBK that Chinese Windows writes.
 */
export function decodeMemberName(entry: Pick<Entry, 'generalPurposeBitFlag' | 'fileNameRaw' | 'extraFields'>, encoding: NameEncoding = 'auto'): string {
  const raw = entry.fileNameRaw;
  const flagged = (entry.generalPurposeBitFlag & UTF8_FLAG) !== 0 || entry.extraFields.some((f) => f.id === UNICODE_PATH_FIELD);
  if (encoding === 'utf8' || (encoding === 'auto' && flagged)) return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag | UTF8_FLAG, raw, entry.extraFields, true);
  if (encoding === 'auto' && isValidUtf8(raw)) return raw.toString('utf8');
  return iconv.decode(raw, 'gb18030');
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export type CheckedPath = { ok: true; path: string } | { ok: false; reason: string };

/**
 * A member name made into a relative path with '/' separators, or the reason it is refused:
 * `..` segments, absolute paths, drive letters and UNC paths would write outside wherever a consumer unpacks to.
 */
export function checkMemberPath(name: string): CheckedPath {
  // Windows writers use '\'; decoding came first, so a GBK trail byte 0x5C is already part of its character
  const path = name.replace(/\\/g, '/');
  if (path.includes('\0')) return { ok: false, reason: 'the name contains a NUL character' };
  if (path.startsWith('/')) return { ok: false, reason: 'the name is an absolute path' };
  if (/^[A-Za-z]:/.test(path)) return { ok: false, reason: 'the name starts with a drive letter' };
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return { ok: false, reason: 'the name climbs out of the archive with ".."' };
  const clean = segments.filter((s) => s !== '' && s !== '.').join('/');
  if (clean === '') return { ok: false, reason: 'the name is empty' };
  return { ok: true, path: clean };
}

const JUNK_NAMES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini', 'ehthumbs.db']);

/** Directories and what operating systems leave in archives: never a source file, never a failure. */
export function isJunkMember(path: string): boolean {
  if (path.endsWith('/')) return true;
  const segments = path.split('/');
  if (segments[0] === '__MACOSX') return true;
  const base = segments[segments.length - 1]!;
  // AppleDouble resource forks (`._报告.pdf`) and Office lock files (`~$自评表.docx`)
  return JUNK_NAMES.has(base.toLowerCase()) || base.startsWith('._') || base.startsWith('~$');
}
