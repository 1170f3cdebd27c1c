// Opening a PDF with pdf.js in Node: the legacy build on the main thread (no worker thread), CJK cMaps and
// standard fonts read from pdfjs-dist's own folders (no network), and pdf.js exceptions turned into our codes.
// The reader's second engine (PDFium reads first, see read.ts) and the OCR reader's page renderer.
import { createRequire } from 'node:module';
import path from 'node:path';
import { ErrorCode, ExtractionError } from '@jixiao/contract';
import { BUDGET_DEFAULTS } from '../budget.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

const require = createRequire(import.meta.url);
const distDir = path.dirname(require.resolve('pdfjs-dist/package.json'));

let loaded: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded once; its worker code runs in this thread (pdf.js looks for globalThis.pdfjsWorker).
 * The legacy build bundles core-js, which on Node 20's V8 swaps Array.prototype.push, JSON.stringify and
 * JSON.parse for JavaScript versions (for spec corners pdf.js never reaches: push onto a frozen length,
 * JSON.rawJSON). Those are process-wide and made every push in the process several times slower, so the
 * native ones are put back; the functions core-js only adds (Promise.withResolvers, Uint8Array.toHex …) stay.
 */
export function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const { push } = Array.prototype;
    const { stringify, parse } = JSON;
    try {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      Object.defineProperty(Array.prototype, 'push', { value: push, writable: true, configurable: true, enumerable: false });
      Object.assign(JSON, { stringify, parse });
    }
  })();
  return loaded;
}

/** Where pdf.js finds its cMaps, standard fonts and wasm on disk: nothing is ever fetched over the network. */
export const pdfjsOfflineResources = {
  cMapUrl: path.join(distDir, 'cmaps') + path.sep,
  cMapPacked: true,
  standardFontDataUrl: path.join(distDir, 'standard_fonts') + path.sep,
  wasmUrl: path.join(distDir, 'wasm') + path.sep,
  useSystemFonts: false,
  isEvalSupported: false,
  isOffscreenCanvasSupported: false,
  verbosity: 0,
} as const;

/** `maxImagePixels`: pdf.js leaves out of a page any image larger (a 30000² picture would take 3.6 GB decoded). */
export async function openDocument(bytes: Uint8Array, fileName: string, maxImagePixels: number = BUDGET_DEFAULTS.maxPagePixels): Promise<{ pdf: PdfDocument; lib: PdfJs }> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy so the caller's bytes survive
    data: new Uint8Array(bytes),
    // an empty user password is tried first, so a PDF that only restricts printing/copying still opens
    password: '',
    ...pdfjsOfflineResources,
    // nothing is rendered: with disableFontFace pdf.js would build an outline for every glyph drawn
    disableFontFace: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    maxImageSize: maxImagePixels,
  });
  try {
    return { pdf: await task.promise, lib };
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as Error)?.name;
    if (name === 'PasswordException')
      throw new ExtractionError(ErrorCode.EncryptedPdf, `${fileName}: the PDF is encrypted with a password; open it and save an unprotected copy`, { cause: e });
    throw new ExtractionError(ErrorCode.CorruptFile, `${fileName}: the PDF cannot be read (${(e as Error)?.message ?? String(e)}); it may be damaged or truncated`, {
      cause: e,
    });
  }
}
