// Image bytes (PNG, JPEG, TIFF — multi-page TIFF too) → grey rasters, via sharp (libvips).
import sharp, { type Metadata } from 'sharp';
import { ExtractionError } from '@jixiao/contract';
import type { Raster } from './raster.ts';
import { greyWithoutRed } from './drop-red.ts';

/** Scans without a density tag are assumed to be 300 dpi, the common office-scanner default. */
export const DEFAULT_DPI = 300;

/** Density below this is not a real scan resolution (72/96 are screen defaults written by editors). */
const MIN_BELIEVABLE_DPI = 100;

export async function decodeImage(bytes: Uint8Array, maxPages = Infinity): Promise<Raster[]> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch (cause) {
    throw new ExtractionError('CorruptFile', 'The image could not be decoded; it may be damaged or not an image.', { cause });
  }
  const pages = Math.min(meta.pages ?? 1, maxPages);
  const rasters: Raster[] = [];
  for (let page = 0; page < pages; page++) {
    const { data, info } = await sharp(bytes, { page, limitInputPixels: 20_000 * 20_000 })
      .rotate() // honour EXIF orientation of phone photos
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const density = meta.density && meta.density >= MIN_BELIEVABLE_DPI ? meta.density : guessDpi(info.width, info.height);
    rasters.push({ width: info.width, height: info.height, data: greyWithoutRed(data, info.width * info.height, info.channels), dpi: density });
  }
  return rasters;
}

/** Without a density tag, assume an A4 page (portrait or landscape) filled the picture. */
export function guessDpi(width: number, height: number): number {
  const longSide = Math.max(width, height);
  const dpi = longSide / (297 / 25.4);
  return dpi >= MIN_BELIEVABLE_DPI ? Math.round(dpi) : DEFAULT_DPI;
}
