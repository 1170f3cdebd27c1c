// Opens a DOCX (a zip) with limits: a part is inflated only after its declared size passes the caps, and yauzl
// stops any entry that inflates past its declared size, so a zip bomb is refused before it is inflated.
// Only the relationships, the main document part and the chunks it imports are read: text and tables live there.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ErrorCode, ExtractionError } from '@jixiao/contract';

export interface PackageLimits {
  /** total uncompressed bytes of the parts read */
  maxTotalBytes: number;
  /** uncompressed / file size, refused only above minBytesForRatio (small XML can compress very well) */
  maxRatio: number;
  minBytesForRatio: number;
}

export const DEFAULT_LIMITS: PackageLimits = { maxTotalBytes: 200 * 1024 * 1024, maxRatio: 100, minBytesForRatio: 10 * 1024 * 1024 };

const ROOT_RELS = '_rels/.rels';
const DEFAULT_MAIN = 'word/document.xml';

export interface DocxParts {
  /** the main document part's XML bytes */
  main: Uint8Array;
  /** parts the main document imports with w:altChunk, by relationship id (HTML or MHTML a web exporter wrote) */
  altChunks: Map<string, { name: string; bytes: Uint8Array }>;
}

/**
 * The main document part, whose name comes from the package relationships (_rels/.rels: most files say
 * word/document.xml, a few generators another name), and the parts it imports with w:altChunk.
 */
export async function readDocxParts(bytes: Uint8Array, fileName: string, limits: PackageLimits = DEFAULT_LIMITS): Promise<DocxParts> {
  const zip = await openZip(bytes, fileName);
  try {
    const entries = new Map((await listEntries(zip, fileName)).map((e) => [e.fileName.replace(/^\//, ''), e]));
    let total = 0;
    const take = async (entry: Entry): Promise<Uint8Array> => {
      checkSize(total + entry.uncompressedSize, bytes.length, fileName, limits);
      return readEntry(zip, entry, fileName, (n) => {
        total += n;
        checkSize(total, bytes.length, fileName, limits);
      });
    };
    const rootRels = entries.get(ROOT_RELS);
    const named = rootRels ? relationships(new TextDecoder().decode(await take(rootRels)), '').find((r) => r.type.endsWith('/officeDocument'))?.target : undefined;
    const mainName = named && entries.has(named) ? named : DEFAULT_MAIN;
    const mainEntry = entries.get(mainName);
    if (!mainEntry) throw new ExtractionError(ErrorCode.CorruptFile, `${fileName}: not a Word document (the package has no ${named ?? DEFAULT_MAIN})`);
    const main = await take(mainEntry);

    const altChunks = new Map<string, { name: string; bytes: Uint8Array }>();
    // only a document that imports chunks pays for reading its relationships
    if (Buffer.from(main.buffer, main.byteOffset, main.byteLength).includes('altChunk')) {
      const dir = mainName.includes('/') ? mainName.slice(0, mainName.lastIndexOf('/') + 1) : '';
      const relsEntry = entries.get(`${dir}_rels/${mainName.slice(dir.length)}.rels`);
      const rels = relsEntry ? relationships(new TextDecoder().decode(await take(relsEntry)), dir) : [];
      for (const rel of rels.filter((r) => r.type.endsWith('/aFChunk'))) {
        const entry = entries.get(rel.target);
        if (entry) altChunks.set(rel.id, { name: rel.target, bytes: await take(entry) });
      }
    }
    return { main, altChunks };
  } finally {
    zip.close();
  }
}

interface Relationship {
  id: string;
  type: string;
  /** path inside the package */
  target: string;
}

/** The relationships of a .rels part; targets resolved against the folder of the part they belong to. */
function relationships(relsXml: string, baseDir: string): Relationship[] {
  const out: Relationship[] = [];
  for (const rel of relsXml.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const get = (a: string) => new RegExp(`\\b${a}\\s*=\\s*["']([^"']*)["']`).exec(rel)?.[1] ?? '';
    if (/TargetMode\s*=\s*["']External/i.test(rel)) continue;
    out.push({ id: get('Id'), type: get('Type'), target: resolvePath(baseDir, safeDecode(get('Target'))) });
  }
  return out;
}

function safeDecode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

function resolvePath(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function checkSize(total: number, fileSize: number, fileName: string, limits: PackageLimits): void {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (total > limits.maxTotalBytes)
    throw new ExtractionError(ErrorCode.ArchiveBomb, `${fileName}: its XML would inflate to ${mb(total)}, over the limit of ${mb(limits.maxTotalBytes)}; refused as a possible zip bomb`);
  if (total > limits.minBytesForRatio && total > fileSize * limits.maxRatio)
    throw new ExtractionError(ErrorCode.ArchiveBomb, `${fileName}: its XML would inflate to ${mb(total)} from a ${mb(fileSize)} file (over ${limits.maxRatio}×); refused as a possible zip bomb`);
}

function corrupt(fileName: string, err: unknown): ExtractionError {
  const why = err instanceof Error ? err.message : String(err);
  return new ExtractionError(ErrorCode.CorruptFile, `${fileName}: not a readable DOCX (damaged or not a zip package: ${why})`, { cause: err });
}

function openZip(bytes: Uint8Array, fileName: string): Promise<ZipFile> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(corrupt(fileName, err));
      else resolve(zip);
    });
  });
}

function listEntries(zip: ZipFile, fileName: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (err) => reject(corrupt(fileName, err)));
    zip.readEntry();
  });
}

function readEntry(zip: ZipFile, entry: Entry, fileName: string, onBytes: (n: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(corrupt(fileName, err));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        try {
          onBytes(chunk.length);
          chunks.push(chunk);
        } catch (e) {
          stream.destroy();
          reject(e);
        }
      });
      stream.once('error', (e) => reject(corrupt(fileName, e)));
      stream.once('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}
