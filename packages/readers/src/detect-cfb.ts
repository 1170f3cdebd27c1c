// What a Compound File (OLE2) really is. file-type calls every legacy Office file `application/x-cfb`;
// the streams in its directory tell them apart. WPS Office saves .wps as a Word 97 binary and .et as a BIFF8
// workbook, so they answer to the same stream names as .doc and .xls.
import * as XLSX from '@e965/xlsx';

export type CfbKind = 'doc' | 'xls' | 'works' | 'ppt' | 'encrypted' | 'other';

export const CFB_MEDIA: Record<CfbKind, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  works: 'application/vnd.ms-works',
  ppt: 'application/vnd.ms-powerpoint',
  encrypted: 'application/x-ooxml-encrypted',
  other: 'application/x-cfb',
};

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

interface CfbContainer {
  FileIndex: { name: string; type: number }[];
}

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

/** The kind of a CFB file, or null when the bytes are not one (or its directory cannot be read). */
export function cfbKind(bytes: Uint8Array): CfbKind | null {
  if (!isCfb(bytes)) return null;
  let names: Set<string>;
  try {
    const cfb = XLSX.CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' }) as CfbContainer;
    names = new Set(cfb.FileIndex.map((e) => e.name));
  } catch {
    return null;
  }
  if (names.has('WordDocument')) return 'doc';
  // BIFF8 names its stream Workbook, BIFF5 (Excel 5/95) Book
  if (names.has('Workbook') || names.has('Book') || names.has('WORKBOOK')) return 'xls';
  if (names.has('EncryptedPackage')) return 'encrypted';
  if (names.has('PowerPoint Document')) return 'ppt';
  // Microsoft Works word processor (.wps from Works 4–9): text in CONTENTS beside MatOST/SPELLING
  if (names.has('CONTENTS') && (names.has('MatOST') || names.has('SPELLING') || names.has('SPELLING2'))) return 'works';
  return 'other';
}

/** A precise media type for CFB bytes (`application/msword`, `application/vnd.ms-excel`, …), or null. */
export function cfbMediaType(bytes: Uint8Array): string | null {
  const kind = cfbKind(bytes);
  return kind ? CFB_MEDIA[kind] : null;
}
