// Image bytes (PNG, JPEG, TIFF — multi-page TIFF too) → grey rasters, via sharp (libvips).
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { ExtractionError } from '@jixiao/contract';
import { budgetOf, pageTooLarge, tooManyPages, type Budget } from '../budget.ts';
import type { Raster } from './raster.ts';
import { greyWithoutRed } from './drop-red.ts';

/** Scans without a density tag are assumed to be 300 dpi, the common office-scanner default. */
export const DEFAULT_DPI = 300;

/** Density below this is not a real scan resolution (72/96 are screen defaults written by editors). */
const MIN_BELIEVABLE_DPI = 100;

/** Every page (up to maxPages), decoded at once: for tests and scripts. Readers use openImage. */
export async function decodeImage(bytes: Uint8Array, maxPages = Infinity): Promise<Raster[]> {
  const image = await openImage(bytes, { ...budgetOf({}, 'the image'), maxPages: Infinity });
  const rasters: Raster[] = [];
  for (let page = 1; page <= Math.min(image.pages, maxPages); page++) rasters.push(await image.raster(page));
  return rasters;
}

export interface OpenedImage {
  pages: number;
  /** page 1… decoded when asked: a 500-page TIFF is never in memory at once */
  raster(page: number): Promise<Raster>;
}

/** The image's pages, checked against the budget from its header before any is decoded. */
export async function openImage(bytes: Uint8Array, budget: Budget): Promise<OpenedImage> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch (cause) {
    throw new ExtractionError('CorruptFile', `${budget.fileName}: the image could not be decoded; it may be damaged or not an image.`, { cause });
  }
  const pages = meta.pages ?? 1;
  if (pages > budget.maxPages) throw tooManyPages(budget, pages);
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width * height > budget.maxPagePixels) throw pageTooLarge(budget, 1, width, height);
  return { pages, raster: (page) => decodePage(bytes, page - 1, meta, budget) };
}

async function decodePage(bytes: Uint8Array, page: number, meta: Metadata, budget: Budget): Promise<Raster> {
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    // the header's size is checked in openImage; this limit holds a page of a multi-page file that lies about its own
    decoded = await sharp(bytes, { page, limitInputPixels: budget.maxPagePixels })
      .rotate() // honour EXIF orientation of phone photos
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (cause) {
    if (/pixel limit/i.test((cause as Error).message)) throw pageTooLarge(budget, page + 1, meta.width ?? 0, meta.pageHeight ?? meta.height ?? 0);
    throw new ExtractionError('CorruptFile', `${budget.fileName}: page ${page + 1} of the image could not be decoded (${(cause as Error).message})`, { cause });
  }
  const { data, info } = decoded;
  const density = meta.density && meta.density >= MIN_BELIEVABLE_DPI ? meta.density : guessDpi(info.width, info.height);
  return { width: info.width, height: info.height, data: greyWithoutRed(data, info.width * info.height, info.channels), dpi: density };
}

/** Without a density tag, assume an A4 page (portrait or landscape) filled the picture. */
export function guessDpi(width: number, height: number): number {
  const longSide = Math.max(width, height);
  const dpi = longSide / (297 / 25.4);
  return dpi >= MIN_BELIEVABLE_DPI ? Math.round(dpi) : DEFAULT_DPI;
}
