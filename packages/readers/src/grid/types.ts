// Input of the shared grid builder used by the PDF reader (vector rules) and the OCR reader (raster rules):
// positioned text plus ruling-line segments → table grids with spans.
import type { Box } from '@jixiao/layout';

/** A ruling line in page coordinates (points, origin top-left): horizontal when y0 === y1, vertical when x0 === x1. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A run of text on a page (a pdf.js text item, or an OCR word/line) with its box. */
export interface TextItem {
  text: string;
  box: Box;
  /** OCR confidence 0..1 */
  confidence?: number;
}
