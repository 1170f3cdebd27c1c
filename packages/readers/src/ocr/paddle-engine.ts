// PP-OCR as an OCR engine: the PP-OCRv4 Chinese text-line recogniser (CRNN-style network, CTC output over
// 6,623 characters) run by ONNX Runtime on the CPU. It reads one line at a time, so a region picture is cut
// into its text lines first (the lines the region's ink shows, found by the cropper), each scaled to the
// network's 48 px input height.
import { availableParallelism } from 'node:os';
import * as ort from 'onnxruntime-node';
import { inkThreshold } from '../image/clean.ts';
import { inkLines } from './cell-image.ts';
import { lineTensor } from './line-tensor.ts';
import { ctcGreedy } from './ctc-decode.ts';
import type { OcrEngine, OcrEngineOptions, Picture, RecognisedLine, SegMode } from './engine.ts';
import { paddleModels } from './paddle-models.ts';

/** the network's input height; widths vary with the line */
const INPUT_HEIGHT = 48;
/** paper kept around a line, in line heights: the model was trained on detector boxes a little larger than the ink */
const MARGIN_Y = 0.2;
const MARGIN_X = 0.35;

export async function createPaddleEngine(options: OcrEngineOptions = {}): Promise<OcrEngine> {
  const models = paddleModels();
  const threads = Math.max(1, options.workers ?? availableParallelism());
  // one session using every core: runs are short (~6 ms a line) and measured as fast one after another as
  // side by side, so they are queued rather than run concurrently. Its threads sleep between runs instead of
  // spinning: spinning doubled the CPU-seconds per line (28 → 14 ms at 2 threads) and gains no wall time on
  // a machine whose cores other jobs want
  const session = await ort.InferenceSession.create(models.recognition, {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    executionProviders: ['cpu'],
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  });
  const classIndex = new Map(models.classes.map((c, i) => [c, i] as const));
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
  const input = session.inputNames[0]!, output = session.outputNames[0]!;

  async function readLine(line: LineCrop, allowed: ReadonlySet<number> | undefined): Promise<RecognisedLine | null> {
    const width = Math.max(16, Math.round((line.width * INPUT_HEIGHT) / line.height));
    const tensor = lineTensor(line.data, line.width, line.height, width, INPUT_HEIGHT);
    const result = await serial(() => session.run({ [input]: new ort.Tensor('float32', tensor, [1, 3, INPUT_HEIGHT, width]) }));
    const probs = result[output]!;
    const [, steps, classes] = probs.dims as [number, number, number];
    const decoded = ctcGreedy(probs.data as Float32Array, steps, classes, allowed);
    if (decoded.length === 0) return null;
    // a step covers width/steps input pixels; back to the picture's pixels
    const stepPx = ((width / steps) * line.height) / INPUT_HEIGHT;
    const chars = decoded.map((d) => ({ text: models.classes[d.index]!, confidence: d.probability, x: line.left + ((d.from + d.to + 1) / 2) * stepPx }));
    const text = chars.map((c) => c.text).join('');
    if (text.trim() === '') return null;
    // a line is as sure as its least sure character: one misread character in a long name is what an analyst
    // must be pointed to (峻 for 竣 was read at 0.42 among characters read at 0.99)
    const confidence = Math.min(...chars.map((c) => c.confidence));
    return { text, confidence, bbox: line.ink, chars };
  }

  return {
    name: 'paddle',
    data: { model: 'PP-OCRv4', langPath: models.dir },
    size: threads,
    preferredDpi: null,
    async recognise(picture: Picture, mode: SegMode, charset = '') {
      const allowed = charset ? new Set([...charset].map((c) => classIndex.get(c)).filter((i): i is number => i !== undefined)) : undefined;
      const lines: RecognisedLine[] = [];
      for (const crop of lineCrops(picture, mode)) {
        const line = await readLine(crop, allowed);
        if (line) lines.push(line);
      }
      return lines;
    },
    async terminate() {
      await queue;
      await session.release();
    },
  };
}

interface LineCrop {
  data: Uint8Array;
  width: number;
  height: number;
  /** picture column of the crop's first column */
  left: number;
  /** the line's ink in the picture */
  ink: { x0: number; y0: number; x1: number; y1: number };
}

/**
 * The picture's text lines cut out with a little paper around each; the neighbouring lines' rows inside that
 * margin are painted paper, so a line never shows the descenders of the one above.
 */
export function lineCrops(picture: Picture, mode: SegMode): LineCrop[] {
  const { width: w, height: h, data } = picture;
  const threshold = inkThreshold(data);
  let lines = picture.lines.filter(([a, b]) => b > a && a >= 0 && b <= h);
  // a picture that comes without its lines: found here the way the cropper finds them
  if (lines.length === 0) {
    const rowInk = new Int32Array(h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (data[y * w + x]! <= threshold) rowInk[y]++;
    lines = inkLines(rowInk, null, 0, h - 1, picture.dpi);
  }
  if (mode === 'line' && lines.length > 1) lines = [[lines[0]![0], lines[lines.length - 1]![1]]];
  const crops: LineCrop[] = [];
  for (const [i, [a, b]] of lines.entries()) {
    let x0 = w, x1 = -1;
    for (let y = a; y < b; y++) {
      const row = y * w;
      for (let x = 0; x < w; x++) if (data[row + x]! <= threshold) { if (x < x0) x0 = x; if (x > x1) x1 = x; }
    }
    if (x1 < 0) continue;
    const lineHeight = b - a;
    const my = Math.round(lineHeight * MARGIN_Y), mx = Math.round(lineHeight * MARGIN_X);
    const top = Math.max(0, a - my), bottom = Math.min(h, b + my);
    const left = Math.max(0, x0 - mx), right = Math.min(w, x1 + 1 + mx);
    const cw = right - left, ch = bottom - top;
    const crop = new Uint8Array(cw * ch);
    const before = lines[i - 1]?.[1] ?? -1, after = lines[i + 1]?.[0] ?? h + 1;
    for (let y = top; y < bottom; y++) {
      const out = (y - top) * cw;
      if (y < before || y >= after) crop.fill(255, out, out + cw);
      else crop.set(data.subarray(y * w + left, y * w + right), out);
    }
    crops.push({ data: crop, width: cw, height: ch, left, ink: { x0, y0: a, x1: x1 + 1, y1: b } });
  }
  return crops;
}
