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
  /** the OCR repairs that changed this reading, by name */
  repairs?: string[];
}

/** An axis-aligned rule after classification: `pos` is y for a horizontal rule, x for a vertical one. */
export interface Rule {
  pos: number;
  from: number;
  to: number;
}

export interface GridOptions {
  /** coordinates closer than this are one line (points); scans need more than vector PDFs */
  snap?: number;
  /** collinear pieces this close are one rule: bridges broken scan lines and per-cell border pieces */
  bridgeGap?: number;
  /** rows or columns thinner than this are drawing noise (double borders), not cells */
  minCellSize?: number;
  /** share of a cell edge a rule must cover to count as a wall between two slots */
  edgeCoverage?: number;
  /**
   * keep a line the author ended early (well short of the cell's edge) as '\n' in the cell text, as the
   * HTML and DOCX readers keep a <br> or a second paragraph; needs exact text boxes (vector PDFs)
   */
  authorBreaks?: boolean;
  /**
   * a merged area that is not a rectangle (a wall drawn only part-way) is cut along its most-drawn boundary
   * instead of growing to its bounding box: a scan that lost one piece of a rule would otherwise swallow
   * the cells around it, and those around them, into one cell
   */
  cutPartWalls?: boolean;
}

export const defaultGridOptions: Required<GridOptions> = { snap: 2, bridgeGap: 3, minCellSize: 4, edgeCoverage: 0.5, authorBreaks: false, cutPartWalls: false };
