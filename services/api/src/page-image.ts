// A picture of one page of a stored file, for the review page: PDF pages rendered by pdf.js onto @napi-rs/canvas,
// image scans (PNG, JPEG, TIFF pages) re-encoded as PNG. Each comes with the page's size in the coordinates the
// extraction's boxes use (PDF points; for scans pixels × 72 / dpi), so the page can draw a box over the picture.
// A page OCR turned or deskewed is shown straightened the same way, since its boxes are on the straightened page.
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import type { PageGeometry } from '@jixiao/contract';
import { pdfjs, pdfjsOfflineResources } from '@jixiao/readers';

export interface PageImage {
  png: Buffer;
  /** the page's size in box coordinates (points) */
  widthPt: number;
  heightPt: number;
  pageCount: number;
}

/** Rendering scale for PDF pages: 2 px per point (144 dpi) reads Chinese small print on a laptop screen. */
const SCALE = 2;
/** …but no side longer than this, so a poster-sized page does not make a 100 MB picture */
const MAX_SIDE_PX = 3000;

export class PageOutOfRange extends Error {
  constructor(readonly page: number, readonly pageCount: number) {
    super(`page ${page} does not exist: the file has ${pageCount} page${pageCount === 1 ? '' : 's'}`);
  }
}

/** MAX_PAGE_MEGAPIXELS' default: pictures (and images inside PDF pages) larger are not decoded for a preview */
export const DEFAULT_MAX_PAGE_PIXELS = 150_000_000;

/** how the read straightened the page (PageGeometry without its page number); null: as published */
export type Straightening = Pick<PageGeometry, 'turn' | 'skewDegrees'> | null;

export async function renderPageImage(
  bytes: Uint8Array,
  mediaType: string,
  page: number,
  fileName: string,
  maxPixels = DEFAULT_MAX_PAGE_PIXELS,
  geometry: Straightening = null,
): Promise<PageImage> {
  if (mediaType === 'application/pdf') return straighten(await renderPdfPage(bytes, page, fileName, maxPixels), geometry);
  if (mediaType.startsWith('image/')) return straighten(await renderImagePage(bytes, page, maxPixels), geometry);
  throw new UnsupportedPreview(mediaType);
}

/**
 * The OCR reader's straightening (readers/src/ocr: turnRaster, then image/clean.ts rotate): turn clockwise,
 * then undo the skew about the centre, keeping the turned page's size.
 */
async function straighten(image: PageImage, geometry: Straightening): Promise<PageImage> {
  if (!geometry || (geometry.turn === 0 && geometry.skewDegrees === 0)) return image;
  let png = image.png;
  // sharp rotates once per pipeline: the quarter turn and the skew are two
  if (geometry.turn !== 0) png = await sharp(png).rotate(geometry.turn).png().toBuffer();
  if (geometry.skewDegrees !== 0) {
    const { width = 0, height = 0 } = await sharp(png).metadata();
    const turned = await sharp(png).rotate(-geometry.skewDegrees, { background: '#ffffff' }).png().toBuffer({ resolveWithObject: true });
    const left = Math.max(0, Math.floor((turned.info.width - width) / 2));
    const top = Math.max(0, Math.floor((turned.info.height - height) / 2));
    png = await sharp(turned.data).extract({ left, top, width, height }).png().toBuffer();
  }
  const quarter = geometry.turn === 90 || geometry.turn === 270;
  return { ...image, png, widthPt: quarter ? image.heightPt : image.widthPt, heightPt: quarter ? image.widthPt : image.heightPt };
}

export class PreviewTooLarge extends Error {
  constructor(width: number, height: number, maxPixels: number) {
    super(`the page picture is ${width} × ${height} pixels, over the limit of ${maxPixels} (MAX_PAGE_MEGAPIXELS)`);
  }
}

export class UnreadablePdf extends Error {}

export class UnsupportedPreview extends Error {
  constructor(readonly mediaType: string) {
    super(`no page images for ${mediaType} files: only PDF and image sources have pages to show`);
  }
}

async function renderPdfPage(bytes: Uint8Array, pageNumber: number, fileName: string, maxPixels: number): Promise<PageImage> {
  const lib = await pdfjs();
  const pdf = await lib.getDocument({
    data: new Uint8Array(bytes),
    password: '',
    ...pdfjsOfflineResources,
    // Node has no FontFace: glyphs must be drawn as paths, or CJK text comes out as boxes
    disableFontFace: true,
    // an image larger than a page may be is left out of the picture rather than decoded (30000² is 3.6 GB)
    maxImageSize: maxPixels,
  }).promise.catch((cause: unknown) => {
    throw new UnreadablePdf(`${fileName}: pdf.js could not open the file (${(cause as Error).message})`);
  });
  try {
    if (pageNumber > pdf.numPages) throw new PageOutOfRange(pageNumber, pdf.numPages);
    const page = await pdf.getPage(pageNumber);
    const unit = page.getViewport({ scale: 1 });
    const scale = Math.min(SCALE, MAX_SIDE_PX / Math.max(unit.width, unit.height));
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    return { png: await canvas.encode('png'), widthPt: unit.width, heightPt: unit.height, pageCount: pdf.numPages };
  } finally {
    await pdf.destroy();
  }
}

// The image reader's density rule (packages/readers/src/image/decode.ts): a density tag of 100 dpi or more is
// believed, otherwise an A4 page is assumed to fill the picture. Boxes were made with it, so the page size must be too.
const MIN_BELIEVABLE_DPI = 100;
const DEFAULT_DPI = 300;
function dpiOf(density: number | undefined, width: number, height: number): number {
  if (density && density >= MIN_BELIEVABLE_DPI) return density;
  const dpi = Math.max(width, height) / (297 / 25.4);
  return dpi >= MIN_BELIEVABLE_DPI ? Math.round(dpi) : DEFAULT_DPI;
}

async function renderImagePage(bytes: Uint8Array, pageNumber: number, maxPixels: number): Promise<PageImage> {
  const meta = await sharp(bytes).metadata();
  const pageCount = meta.pages ?? 1;
  if (pageNumber > pageCount) throw new PageOutOfRange(pageNumber, pageCount);
  const [width, height] = [meta.width ?? 0, meta.pageHeight ?? meta.height ?? 0];
  if (width * height > maxPixels) throw new PreviewTooLarge(width, height, maxPixels);
  // shown at most MAX_SIDE_PX a side, as PDF pages are: a 16000² scan re-encoded whole took 89 s
  const { data } = await sharp(bytes, { page: pageNumber - 1, limitInputPixels: maxPixels })
    .rotate()
    .flatten({ background: '#ffffff' })
    .resize({ width: MAX_SIDE_PX, height: MAX_SIDE_PX, fit: 'inside', withoutEnlargement: true })
    .png()
    .toBuffer({ resolveWithObject: true });
  // the page's size from the picture as read (EXIF turns a phone photo), not as shrunk for the screen
  const [w, h] = (meta.orientation ?? 1) >= 5 ? [height, width] : [width, height];
  const dpi = dpiOf(meta.density, w, h);
  return { png: data, widthPt: (w * 72) / dpi, heightPt: (h * 72) / dpi, pageCount };
}
