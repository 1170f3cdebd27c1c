// The shared layout model every reader produces and reconstruction consumes.
// A cell knows where it sits (row, col, spans) and where it came from (page, box);
// nothing after the reader knows which format the file was.
import type { FormVocabulary } from '@jixiao/vocabulary';
import type { Box, ReadCut, Warning } from '@jixiao/contract';

export type { Box, Warning };

export interface Cell {
  /** top-left slot of the cell in its table's grid (0-based) */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** the cell's text; lines inside a cell joined with '\n' where the source broke them */
  text: string;
  /** 1-based page the cell's text starts on, or null for page-less formats */
  page: number | null;
  box: Box | null;
  /** OCR confidence 0..1 where the text came from OCR */
  confidence?: number;
  /** the OCR repairs that changed this cell's reading, by name, in the order they ran (ocr/repairs) */
  repairs?: string[];
}

/**
 * How a reader found a table's grid: from its ruling lines (vector PDF rules, rules found in a scan's pixels),
 * from the positions of its text lines (columns of text lined up without rules: a PDF's unruled table, a
 * scan whose rules were lost), or from the file's own table structure (HTML/DOCX tables, sheet cells, a text
 * export's tab rows). A grid from text lines is a guess at where rows and columns part: worth a second look.
 */
export type TableFoundBy = 'rules' | 'text-lines' | 'structure';

export interface TableBlock {
  type: 'table';
  rows: number;
  cols: number;
  /** anchored cells only; use gridOf() for a slot-by-slot view where spans fill every slot */
  cells: Cell[];
  page: number | null;
  box: Box | null;
  /** how the grid was found; set by every reader that builds tables */
  foundBy?: TableFoundBy;
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  page: number | null;
  box: Box | null;
}

export type Block = TableBlock | ParagraphBlock;

export interface PageInfo {
  /** 1-based */
  number: number;
  width: number | null;
  height: number | null;
  /** true when this page's text came from OCR */
  ocr: boolean;
  /**
   * how an OCR'd page was straightened before it was read, so boxes can be drawn on the page as published:
   * `turn` degrees clockwise first (a page scanned on its side), then `skewDegrees` undone about the centre
   * (positive: the scan was turned clockwise). Box coordinates are in the straightened page.
   */
  geometry?: { turn: 0 | 90 | 180 | 270; skewDegrees: number };
}

export interface Layout {
  /** null where the format has no pages (text, DOCX, HTML) */
  pageCount: number | null;
  pages: PageInfo[];
  /** blocks in reading order */
  blocks: Block[];
}

/** What every reader returns: the layout and what it survived (mammoth's Result(value, messages)). */
export interface ReadResult {
  layout: Layout;
  warnings: Warning[];
  /** set where the read stopped before the file's end: later stages act on this, not on a warning */
  cut?: ReadCut | null;
}

export interface ReadOptions {
  fileName?: string;
  maxPages?: number;
  /** ms; readers that can run long (PDF, OCR) stop and warn past it */
  timeBudgetMs?: number;
  signal?: AbortSignal;
  /**
   * threads OCR may use (the OCR_THREADS setting); default: the cores shared among the jobs a worker runs at
   * once (`jobsAtOnce`), so two jobs do not each claim every core
   */
  ocrThreads?: number;
  /** jobs the calling process runs side by side (WORKER_CONCURRENCY); default 1 */
  jobsAtOnce?: number;
  /** the rest of the file's budget (packages/config FileBudget); a reader past one throws its code */
  maxGridSlots?: number;
  maxDepth?: number;
  maxLineChars?: number;
  maxTextChars?: number;
  maxPagePixels?: number;
  /** the form words (headers, levels) a reader may snap a misread to; the pipeline passes the one vocabulary */
  vocabulary?: FormVocabulary;
}

export type Reader = (bytes: Uint8Array, options?: ReadOptions) => Promise<ReadResult>;
