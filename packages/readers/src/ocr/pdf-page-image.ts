// The picture of a PDF page that has no text layer: the embedded scan itself when the page is one image
// (no resampling, its own resolution), else the page rendered at ~300 dpi.
import { createCanvas } from '@napi-rs/canvas';
import type { PdfPage } from '../pdf/open-document.ts';
import type { Raster } from '../image/raster.ts';
import { greyWithoutRed } from '../image/drop-red.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export const RENDER_DPI = 300;

/** pdf.js ImageKind: 1-bit grey packed, RGB, RGBA. */
const GRAYSCALE_1BPP = 1, RGB_24BPP = 2, RGBA_32BPP = 3;

interface PdfImage { width: number; height: number; kind?: number; data?: Uint8Array | Uint8ClampedArray }

/** null when the page rendered at RENDER_DPI would be over `maxPixels` (a page 100 m wide, from MediaBox or UserUnit). */
export async function pageImage(page: PdfPage, lib: PdfJs, maxPixels: number): Promise<Raster | null> {
  const scan = await embeddedScan(page, lib);
  if (scan) return scan;
  const { width, height } = page.getViewport({ scale: RENDER_DPI / 72 });
  if (width * height > maxPixels) return null;
  return renderPage(page, RENDER_DPI);
}

async function embeddedScan(page: PdfPage, lib: PdfJs): Promise<Raster | null> {
  const ops = await page.getOperatorList();
  const images = ops.fnArray.flatMap((fn, i) => (fn === lib.OPS.paintImageXObject ? [ops.argsArray[i]![0] as string] : []));
  const drawsText = ops.fnArray.some((fn) => fn === lib.OPS.showText);
  if (images.length !== 1 || drawsText || page.rotate % 360 !== 0) return null;
  const image = await new Promise<PdfImage | null>((resolve) => {
    try {
      page.objs.get(images[0]!, (obj: unknown) => resolve(obj as PdfImage));
    } catch {
      resolve(null);
    }
  });
  if (!image?.data) return null;
  const viewport = page.getViewport({ scale: 1 });
  // the scan must fill the page the way img2pdf and scanner software place it; anything else is rendered
  if (Math.abs(image.width / image.height - viewport.width / viewport.height) > 0.02) return null;
  const grey = toGrey(image);
  if (!grey) return null;
  return { width: image.width, height: image.height, data: grey, dpi: (image.width * 72) / viewport.width };
}

function toGrey(image: PdfImage): Uint8Array | null {
  const { width, height, kind, data } = image;
  if (kind === RGB_24BPP || kind === RGBA_32BPP) {
    return greyWithoutRed(data!, width * height, kind === RGB_24BPP ? 3 : 4);
  }
  if (kind === GRAYSCALE_1BPP) {
    const out = new Uint8Array(width * height);
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) out[y * width + x] = (data![y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
    return out;
  }
  return null;
}

export async function renderPage(page: PdfPage, dpi: number): Promise<Raster> {
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.ceil(viewport.width), height = Math.ceil(viewport.height);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
  const rgba = context.getImageData(0, 0, width, height).data;
  return { width, height, data: toGrey({ width, height, kind: RGBA_32BPP, data: rgba })!, dpi };
}
