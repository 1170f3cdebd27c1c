// tesseract.js as an OCR engine: a pool of workers (one per core) sharing one queue, loaded from local language data only.
import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { createWorker, OEM, PSM, type Page, type Worker } from 'tesseract.js';
import type { OcrEngine, OcrEngineOptions, Picture, RecognisedLine, SegMode } from './engine.ts';
import { languageData } from './language-data.ts';

export async function createTesseractEngine(options: OcrEngineOptions = {}): Promise<OcrEngine> {
  const data = languageData(options.model, options.langPath);
  const size = Math.max(1, options.workers ?? availableParallelism());
  const workers = await Promise.all(
    Array.from({ length: size }, async () => {
      const worker = await createWorker('chi_sim', OEM.LSTM_ONLY, {
        langPath: data.langPath,
        gzip: data.gzip,
        // 'none': neither read nor write a cache copy in the working directory
        cacheMethod: 'none',
      });
      // keep spaces as printed between digits and units; spaces between Chinese characters are dropped later
      await worker.setParameters({ preserve_interword_spaces: '1' });
      return { worker, mode: null as SegMode | null, charset: '' };
    }),
  );
  // Our own queue rather than tesseract.js's createScheduler: the page-segmentation mode is a per-worker
  // parameter, so a job must set it on the very worker that runs it, which the scheduler cannot express.
  const idle = [...workers];
  const waiting: ((w: PoolWorker) => void)[] = [];
  const acquire = () => new Promise<PoolWorker>((resolve) => {
    const w = idle.pop();
    if (w) resolve(w);
    else waiting.push(resolve);
  });
  const release = (w: PoolWorker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  return {
    name: 'tesseract',
    data,
    size,
    // the Chinese LSTM models misread body text drawn 40+ px tall; 300 read the scan fixtures best
    preferredDpi: 300,
    async recognise(picture, mode, charset = '') {
      const image = await pngOf(picture);
      const w = await acquire();
      try {
        if (w.mode !== mode) {
          await w.worker.setParameters({ tessedit_pageseg_mode: PSM_OF[mode] });
          w.mode = mode;
        }
        if (w.charset !== charset) {
          await w.worker.setParameters({ tessedit_char_whitelist: charset });
          w.charset = charset;
        }
        const { data: page } = await w.worker.recognize(image, {}, { blocks: true, text: true });
        return linesOf(page);
      } finally {
        release(w);
      }
    },
    async terminate() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

interface PoolWorker {
  worker: Worker;
  mode: SegMode | null;
  charset: string;
}

function linesOf(page: Page): RecognisedLine[] {
  const out: RecognisedLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const text = line.text.replace(/\n$/, '');
        if (text.trim() === '') continue;
        out.push({ text, confidence: line.confidence / 100, bbox: line.bbox });
      }
    }
  }
  return out;
}

/** tesseract.js reads encoded images; the resolution travels along for its layout analysis */
function pngOf(picture: Picture): Promise<Buffer> {
  return sharp(picture.data, { raw: { width: picture.width, height: picture.height, channels: 1 } })
    .withMetadata({ density: picture.dpi })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

export const PSM_OF: Record<SegMode, PSM> = { line: PSM.SINGLE_LINE, block: PSM.SINGLE_BLOCK };
