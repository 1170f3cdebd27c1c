// Where the Simplified Chinese model is read from. Always a local directory: the reader must never download
// language data (tesseract.js falls back to a CDN when langPath is unset — we always set it).
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ExtractionError } from '@jixiao/contract';

export type OcrModel = 'fast' | 'best';

export interface LanguageData {
  /** local directory holding chi_sim.traineddata(.gz) */
  langPath: string;
  gzip: boolean;
  model: OcrModel;
}

const DEBIAN_TESSDATA = '/usr/share/tesseract-ocr';

/**
 * `fast`: Debian's tesseract-ocr-chi-sim (tessdata_fast, a small LSTM) — quickest; `best`: the npm package
 * @tesseract.js-data/chi_sim's 4.0.0_best_int (integerised tessdata_best). Either falls back to the other.
 */
export function languageData(model: OcrModel = 'fast', langPath?: string): LanguageData {
  if (langPath) {
    const gzip = existsSync(join(langPath, 'chi_sim.traineddata.gz'));
    if (!gzip && !existsSync(join(langPath, 'chi_sim.traineddata'))) throw missing(`no chi_sim.traineddata in ${langPath}`);
    return { langPath, gzip, model };
  }
  const order = model === 'fast' ? [debianData, npmData] : [npmData, debianData];
  for (const find of order) {
    const found = find();
    if (found) return found;
  }
  throw missing('neither Debian tesseract-ocr-chi-sim nor @tesseract.js-data/chi_sim is installed');
}

function debianData(): LanguageData | null {
  if (!existsSync(DEBIAN_TESSDATA)) return null;
  for (const version of readdirSync(DEBIAN_TESSDATA).sort().reverse()) {
    const dir = join(DEBIAN_TESSDATA, version, 'tessdata');
    if (existsSync(join(dir, 'chi_sim.traineddata'))) return { langPath: dir, gzip: false, model: 'fast' };
  }
  return null;
}

function npmData(): LanguageData | null {
  try {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')), '4.0.0_best_int');
    return existsSync(join(dir, 'chi_sim.traineddata.gz')) ? { langPath: dir, gzip: true, model: 'best' } : null;
  } catch {
    return null;
  }
}

const missing = (why: string) => new ExtractionError('ConverterMissing', `OCR language data not found: ${why}. Install tesseract-ocr-chi-sim or @tesseract.js-data/chi_sim.`);
