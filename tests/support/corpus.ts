// The development corpus beside the checkout (../shared/corpus: real forms in every format, their truth and
// the scorer): every document of the chosen variants read in-process through extractFile, written as the
// scorer expects (ID.VARIANT.json), then scored by the corpus's own score.mjs. CI clones have no ../shared,
// so callers check `corpusDir` first. A file that cannot be read (a .doc with no LibreOffice) is left out of
// the prediction folder; the scorer counts it unreadable.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isExtractionError } from '@jixiao/contract';
import { extractFile } from '@jixiao/pipeline';

const candidate = resolve(import.meta.dirname, '../../../shared/corpus');
/** the corpus folder, or null where the checkout has none beside it */
export const corpusDir: string | null = existsSync(join(candidate, 'score.mjs')) ? candidate : null;

export const CORPUS_VARIANTS = ['txt', 'docx', 'doc', 'html', 'xlsx', 'pdf'] as const;
export type CorpusVariant = (typeof CORPUS_VARIANTS)[number];
const SUFFIX: Record<CorpusVariant, string> = { txt: '.txt', docx: '.docx', doc: '.doc', html: '.web.html', xlsx: '.xlsx', pdf: '.pdf' };

export interface VariantScore {
  variant: string;
  docs: number;
  rowsFound: number;
  rowsTotal: number;
  spurious: number;
  fieldF1: number;
  unreadable: number;
}

/** The documents of one variant: [id, path]. `.pdf` excludes the scan and mixed variants. */
export function corpusDocs(dir: string, variant: CorpusVariant): [string, string][] {
  const suffix = SUFFIX[variant];
  return readdirSync(join(dir, 'docs'))
    .filter((f) => f.endsWith(suffix) && !(variant === 'pdf' && /\.(scan|mixed)\.pdf$/.test(f)))
    .sort()
    .map((f) => [f.slice(0, -suffix.length), join(dir, 'docs', f)]);
}

/** Reads every document of `variant` into `out`; returns the ids it could not read with their error codes. */
export async function predictVariant(dir: string, variant: CorpusVariant, out: string): Promise<string[]> {
  const failed: string[] = [];
  for (const [id, path] of corpusDocs(dir, variant)) {
    try {
      // a neutral name, as predict.sh gives: the variant is not in it
      const extraction = await extractFile(new Uint8Array(readFileSync(path)), { fileName: `${id}${path.slice(path.lastIndexOf('.'))}` });
      writeFileSync(join(out, `${id}.${variant}.json`), JSON.stringify(extraction));
    } catch (e) {
      if (!isExtractionError(e)) throw e;
      failed.push(`${id}: ${e.code}`);
    }
  }
  return failed;
}

/** The scorer's per-variant lines, parsed. */
export function scoreVariants(dir: string, predictions: string, variants: readonly CorpusVariant[]): VariantScore[] {
  const text = execFileSync(process.execPath, [join(dir, 'score.mjs'), join(dir, 'truth'), predictions, '--docs', join(dir, 'docs'), '--variants', variants.join(',')], { encoding: 'utf8' });
  return text.split('\n').flatMap((line) => {
    const m = /^(\w+) docs (\d+) rows (\d+)\/(\d+) spurious (\d+) field F1 ([\d.]+)(?: \| unreadable (\d+))?/.exec(line);
    return m ? [{ variant: m[1]!, docs: +m[2]!, rowsFound: +m[3]!, rowsTotal: +m[4]!, spurious: +m[5]!, fieldF1: +m[6]!, unreadable: +(m[7] ?? 0) }] : [];
  });
}
