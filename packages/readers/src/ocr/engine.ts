// What the OCR stages ask of a text recogniser, and which one they get. Two engines read the same region
// pictures: PP-OCR (the default: a text-line recogniser trained on printed Chinese, run by ONNX Runtime) and
// tesseract.js (the chi_sim LSTM). Both load their models from disk only and never download anything.
// Measured on the scan fixtures (scripts/bench-ocr.ts): PP-OCR reads far more indicator names exactly.
import { availableParallelism } from 'node:os';
import type { OcrModel } from './language-data.ts';

export type OcrEngineName = 'paddle' | 'tesseract';

export interface OcrEngineOptions {
  /** which recogniser; default `paddle` */
  kind?: OcrEngineName;
  /** concurrent recognitions; default: the machine's cores */
  workers?: number;
  /** tesseract only: which chi_sim model */
  model?: OcrModel;
  /** tesseract only: a directory holding chi_sim.traineddata(.gz), overriding the installed ones */
  langPath?: string;
}

/** A region picture as the engines take it: grey, 0 = ink, 255 = paper. */
export interface Picture {
  width: number;
  height: number;
  data: Uint8Array;
  /** resolution of this picture (after any resampling) */
  dpi: number;
  /**
   * the text lines the picture's ink shows, [top, bottom) rows of this picture; empty: let the engine find
   * them. A line recogniser reads each on its own; a page-layout engine (tesseract) finds lines itself.
   */
  lines: [number, number][];
}

export interface RecognisedChar {
  text: string;
  /** 0..1 */
  confidence: number;
  /** where the character was read along the line, pixels of the picture passed in */
  x: number;
}

export interface RecognisedLine {
  text: string;
  /** 0..1 */
  confidence: number;
  /** pixels in the picture passed in */
  bbox: { x0: number; y0: number; x1: number; y1: number };
  /** per character, where the engine tells (PP-OCR does; tesseract's lines come without) */
  chars?: RecognisedChar[];
}

/** `line`: the picture is one line of text; `block`: one or more lines (a wrapped cell). */
export type SegMode = 'line' | 'block';

export interface OcrEngine {
  readonly name: OcrEngineName;
  /** which model, and the local directory it was loaded from (for logs and the bench) */
  readonly data: { model: string; langPath: string };
  readonly size: number;
  /**
   * resolution the region pictures are best resampled to for this engine; null: read them as scanned
   * (PP-OCR scales every line to its own input height anyway)
   */
  readonly preferredDpi: number | null;
  /** `charset`: the only characters the reading may use; default all */
  recognise(picture: Picture, mode: SegMode, charset?: string): Promise<RecognisedLine[]>;
  terminate(): Promise<void>;
}

export async function createOcrEngine(options: OcrEngineOptions = {}): Promise<OcrEngine> {
  if (options.kind === 'tesseract') return (await import('./tesseract-engine.ts')).createTesseractEngine(options);
  return (await import('./paddle-engine.ts')).createPaddleEngine(options);
}

/** OCR threads for a reader: the asked-for count, else the cores shared among the jobs run side by side. */
export function ocrThreads(options: { ocrThreads?: number; jobsAtOnce?: number }): number {
  return Math.max(1, options.ocrThreads ?? Math.floor(availableParallelism() / Math.max(1, options.jobsAtOnce ?? 1)));
}

const shared = new Map<string, Promise<OcrEngine>>();

/**
 * The process's engine for these options, started on first use and kept: building an ONNX session costs
 * more than reading a small page, so files read one after another share one. Never terminate it.
 */
export function sharedOcrEngine(options: OcrEngineOptions = {}): Promise<OcrEngine> {
  const key = JSON.stringify([options.kind ?? 'paddle', options.workers ?? null, options.model ?? null, options.langPath ?? null]);
  let engine = shared.get(key);
  if (!engine) {
    engine = createOcrEngine(options);
    shared.set(key, engine);
    engine.catch(() => shared.delete(key));
  }
  return engine;
}
