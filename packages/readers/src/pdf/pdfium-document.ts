// Opening a PDF with PDFium (Chromium's PDF engine, BSD-licensed) compiled to WebAssembly (@hyzyla/pdfium).
// It reads text and vector paths about four times faster than pdf.js, whose worker translates every
// embedded font for rendering and copies each page's operator list between its two halves. The C API is
// called directly: the package's own wrapper covers rendering, not text boxes or path segments.
import { ErrorCode, ExtractionError } from '@jixiao/contract';
import { PDFiumLibrary } from '@hyzyla/pdfium';

/** The slice of PDFium's C API the reader calls (emscripten exports, pointers as numbers). */
export interface Pdfium {
  HEAPU8: Uint8Array;
  HEAPF32: Float32Array;
  HEAPF64: Float64Array;
  HEAP32: Int32Array;
  HEAPU32: Uint32Array;
  _malloc(size: number): number;
  _free(ptr: number): void;
  _FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  _FPDF_CloseDocument(doc: number): void;
  _FPDF_GetLastError(): number;
  _FPDF_GetPageCount(doc: number): number;
  _FPDF_LoadPage(doc: number, index: number): number;
  _FPDF_ClosePage(page: number): void;
  _FPDFPage_GetRotation(page: number): number;
  _FPDFPage_GetMediaBox(page: number, left: number, bottom: number, right: number, top: number): number;
  _FPDFPage_GetCropBox(page: number, left: number, bottom: number, right: number, top: number): number;
  _FPDFText_LoadPage(page: number): number;
  _FPDFText_ClosePage(textPage: number): void;
  _FPDFText_CountChars(textPage: number): number;
  _FPDFText_GetUnicode(textPage: number, index: number): number;
  _FPDFText_IsGenerated(textPage: number, index: number): number;
  _FPDFText_GetFontSize(textPage: number, index: number): number;
  _FPDFText_GetMatrix(textPage: number, index: number, matrix: number): number;
  _FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  _FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  _FPDFPage_CountObjects(page: number): number;
  _FPDFPage_GetObject(page: number, index: number): number;
  _FPDFFormObj_CountObjects(form: number): number;
  _FPDFFormObj_GetObject(form: number, index: number): number;
  _FPDFPageObj_GetType(obj: number): number;
  _FPDFPageObj_GetMatrix(obj: number, matrix: number): number;
  _FPDFPageObj_GetFillColor(obj: number, r: number, g: number, b: number, a: number): number;
  _FPDFPageObj_GetStrokeColor(obj: number, r: number, g: number, b: number, a: number): number;
  _FPDFPageObj_GetStrokeWidth(obj: number, width: number): number;
  _FPDFPath_GetDrawMode(path: number, fillMode: number, stroke: number): number;
  _FPDFPath_CountSegments(path: number): number;
  _FPDFPath_GetPathSegment(path: number, index: number): number;
  _FPDFPathSegment_GetPoint(segment: number, x: number, y: number): number;
  _FPDFPathSegment_GetType(segment: number): number;
  _FPDFPathSegment_GetClose(segment: number): number;
}

let loaded: Promise<Pdfium> | null = null;

interface EmscriptenModule {
  wasmExports?: Record<string, unknown>;
  [name: string]: unknown;
}

/**
 * The package's build wraps every export in a checking shim (rest arguments and assertions on each call);
 * the reader makes a few calls per character, so it calls the WebAssembly exports themselves. The heap
 * views are read through the module each time: they are replaced when the memory grows.
 */
function directApi(module: EmscriptenModule): Pdfium {
  const api: Record<string, unknown> = {};
  for (const heap of ['HEAPU8', 'HEAPF32', 'HEAPF64', 'HEAP32', 'HEAPU32'])
    Object.defineProperty(api, heap, { get: () => module[heap], enumerable: true });
  const raw = module.wasmExports ?? {};
  for (const key of Object.keys(module)) {
    if (!key.startsWith('_')) continue;
    const direct = raw[key.slice(1)];
    api[key] = typeof direct === 'function' ? direct : module[key];
  }
  return api as unknown as Pdfium;
}

/** The WebAssembly module, instantiated once per process (about 80 ms). */
export function pdfium(): Promise<Pdfium> {
  loaded ??= PDFiumLibrary.init().then((library) => directApi((library as unknown as { module: EmscriptenModule }).module));
  return loaded;
}

// FPDF_GetLastError codes
const PASSWORD = 4;
const SECURITY = 5;

export interface PdfiumDocument {
  lib: Pdfium;
  handle: number;
  pageCount: number;
  /** 64 bytes of scratch memory for out-parameters */
  scratch: number;
  close(): void;
}

export async function openPdfium(bytes: Uint8Array, fileName: string): Promise<PdfiumDocument> {
  const lib = await pdfium();
  const data = lib._malloc(Math.max(1, bytes.length));
  lib.HEAPU8.set(bytes, data);
  // a null password: a PDF that only restricts printing or copying (an owner password) still opens
  const handle = lib._FPDF_LoadMemDocument(data, bytes.length, 0);
  if (!handle) {
    const error = lib._FPDF_GetLastError();
    lib._free(data);
    if (error === PASSWORD || error === SECURITY)
      throw new ExtractionError(ErrorCode.EncryptedPdf, `${fileName}: the PDF is encrypted with a password; open it and save an unprotected copy`);
    throw new ExtractionError(ErrorCode.CorruptFile, `${fileName}: the PDF cannot be read (PDFium error ${error}); it may be damaged or truncated`);
  }
  const scratch = lib._malloc(64);
  return {
    lib,
    handle,
    pageCount: lib._FPDF_GetPageCount(handle),
    scratch,
    close() {
      lib._FPDF_CloseDocument(handle);
      lib._free(scratch);
      // PDFium reads from the buffer for as long as the document is open
      lib._free(data);
    },
  };
}
