// The rule grid checked against the page's text. A scan whose rules were lost (a form printed without inner
// rules, rules too faint or broken to find) still shows its table in the text: lines of text set in columns,
// pieces with white gutters between them. Where the rules part fewer of those pieces than the text shows — a
// region of columned lines inside one giant cell, or outside every ruled table — the rule tables there are
// dropped and the region is read as text lines, whose positions the aligned-tables path turns into a grid.
import { WarningCode } from '@jixiao/contract';
import type { TableBlock, Warning } from '@jixiao/layout';
import { alignedTables } from '../grid/aligned-tables.ts';
import { buildTables, type BuiltTables } from '../grid/build-tables.ts';
import type { TextLine } from '../grid/text-lines.ts';
import type { GridOptions, Segment, TextItem } from '../grid/types.ts';
import type { Bitmap } from '../image/raster.ts';
import { CELL_LINE_REPAIRS, titleEnding, type LineRepair } from './correct-text.ts';
import { median } from './median.ts';
import { cutAtGutters, inkBands, LINE_GUTTER_INCHES, type PxBox } from './text-bands.ts';

/**
 * A line is set in columns where its pieces are apart by more than this many line heights, as the
 * aligned-tables path cuts a line's runs: wide enough that no narrative line of the fixtures counts (at 0.9,
 * the blanks after commas in seed-001's photographed sentences did), so a well-ruled page never falls back.
 */
const GUTTER_LINES = 1.5;

/** The read pieces are the runs already cut at gutters: only what OCR split within one piece joins again. */
const GUTTER_WITHIN_PIECE = 0.5;

/** Columned lines one location (a rule cell, or the page outside the rule tables) must hold before they count. */
const MIN_UNEXPLAINED = 3;

/** A rule table is dropped when this share of its rows, or more, is matched by columned lines in one of its cells. */
const DROP_SHARE = 0.25;

export interface RulesAgainstText {
  /** the rule tables the text agrees with, read as ruled */
  kept: TableBlock[];
  /** the rule tables whose cells hold columns of text their rules do not draw */
  dropped: TableBlock[];
  /** lines of the page's text set in two or more pieces */
  columned: number;
  /** of those, the lines whose pieces no rule parts (same cell, or outside every kept table) */
  unexplained: number;
  /** true when the page is read from its text lines where the rules do not explain them */
  fallback: boolean;
  /** where the page falls back: its lines of text as pieces cut at column gutters, px, the regions read */
  pieces: PxBox[];
  /** px per point of the page the pieces are on */
  pxPerPt: number;
}

/**
 * Compares the rule tables (`tables`, boxes in points) with the lines of text in the rule-erased `ink`.
 * Each line is cut into pieces at gutters; two pieces of one line in one rule cell, or both outside every
 * table, are columns the rules do not explain.
 */
export function checkRulesAgainstText(tables: TableBlock[], ink: Bitmap, dpi: number): RulesAgainstText {
  const toPt = (px: number) => (px * 72) / dpi;
  // the page's bands of ink found once, cut twice: at the usual gutter to measure the body's line height (the
  // commonest height among its lines of text, most holding one line each), then at the column gutter
  const inked = inkBands(ink, dpi, []);
  const lineHeight = median(cutAtGutters(ink, dpi, inked, dpi * LINE_GUTTER_INCHES).map((b) => b.y1 - b.y0)) || dpi / 8;
  const bands = new Map<number, PxBox[]>();
  const pieces = cutAtGutters(ink, dpi, inked, lineHeight * GUTTER_LINES);
  for (const p of pieces) bands.set(p.y0, [...(bands.get(p.y0) ?? []), p]);
  // a piece's location: the rule table and cell its middle falls in, or outside every table
  const locate = (p: PxBox): string => {
    const x = toPt((p.x0 + p.x1) / 2), y = toPt((p.y0 + p.y1) / 2);
    for (let t = 0; t < tables.length; t++) {
      const c = tables[t]!.cells.findIndex((cell) => cell.box && x >= cell.box.x0 && x <= cell.box.x1 && y >= cell.box.y0 && y <= cell.box.y1);
      if (c >= 0) return `${t}:${c}`;
    }
    return 'outside';
  };
  const unexplainedAt = new Map<string, number>();
  let columned = 0;
  for (const band of bands.values()) {
    if (band.length < 2) continue;
    columned++;
    const seen = new Set<string>();
    const shared = new Set<string>();
    for (const p of band) {
      const at = locate(p);
      if (seen.has(at)) shared.add(at);
      seen.add(at);
    }
    for (const at of shared) unexplainedAt.set(at, (unexplainedAt.get(at) ?? 0) + 1);
  }
  const kept: TableBlock[] = [], dropped: TableBlock[] = [];
  tables.forEach((table, t) => {
    const worst = Math.max(0, ...[...unexplainedAt].filter(([at]) => at.startsWith(`${t}:`)).map(([, n]) => n));
    (worst >= MIN_UNEXPLAINED && worst >= table.rows * DROP_SHARE ? dropped : kept).push(table);
  });
  const outside = unexplainedAt.get('outside') ?? 0;
  const unexplained = [...unexplainedAt.values()].reduce((a, b) => a + b, 0);
  const fallback = dropped.length > 0 || outside >= MIN_UNEXPLAINED;
  return { kept, dropped, columned, unexplained, fallback, pieces, pxPerPt: dpi / 72 };
}

/** The rules of the kept tables only: the grid builder must not draw the dropped ones again. */
export function rulesOfTables(segments: Segment[], tables: TableBlock[], slack: number): Segment[] {
  return segments.filter((s) =>
    tables.some((t) => t.box && s.x0 >= t.box.x0 - slack && s.x1 <= t.box.x1 + slack && s.y0 >= t.box.y0 - slack && s.y1 <= t.box.y1 + slack),
  );
}

/** The pieces of text outside the kept tables (`keptBoxes`, px): what the fallback reads as text lines. */
export function piecesOutside(pieces: PxBox[], keptBoxes: PxBox[]): PxBox[] {
  return pieces.filter((p) => {
    const x = (p.x0 + p.x1) / 2, y = (p.y0 + p.y1) / 2;
    return !keptBoxes.some((b) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1);
  });
}

/** A piece read in the fallback is a table cell, or a line of the head (the title among them). */
export const PIECE_REPAIRS: readonly LineRepair[] = [...CELL_LINE_REPAIRS, { name: 'titleEnding', repair: titleEnding }];

/**
 * The page's tables from its read text: the kept rule tables from their rules, and — where the page fell
 * back — the text outside them through the aligned-tables path, each such table with a warning saying so.
 */
export function tablesOfPage(check: RulesAgainstText, segments: Segment[], items: TextItem[], page: number, grid: GridOptions, margin: number): BuiltTables & { warnings: Warning[] } {
  if (!check.fallback) return { ...buildTables(segments, items, page, grid), warnings: [] };
  const ruled = buildTables(rulesOfTables(segments, check.kept, grid.snap ?? 2), items, page, grid);
  // lines whose ink runs together are one row: a wrapped name beside the values centred on its row
  const bandOf = (line: TextLine) => {
    const y = ((line.box.y0 + line.box.y1) / 2) * check.pxPerPt;
    return check.pieces.findIndex((p) => y >= p.y0 && y <= p.y1);
  };
  const aligned = alignedTables(ruled.rest, page, { sameRow: (above, line) => bandOf(above) >= 0 && bandOf(above) === bandOf(line), gutter: GUTTER_WITHIN_PIECE });
  // a text-line cell's box is its text's: grown by `margin` (pt), it is cropped and re-read as a ruled cell is,
  // inside its walls
  for (const table of aligned.tables) {
    for (const cell of table.cells) if (cell.box) cell.box = { x0: cell.box.x0 - margin, y0: cell.box.y0 - margin, x1: cell.box.x1 + margin, y1: cell.box.y1 + margin };
  }
  const lost = check.dropped.length > 0 ? `the rules found gave ${check.dropped.map((t) => `${t.rows}×${t.cols}`).join(', ')} cells` : 'no rules were found around it';
  const warnings: Warning[] = aligned.tables.map((table) => ({
    code: WarningCode.TableFromTextLines,
    message: `Page ${page}: a table of ${table.rows} rows and ${table.cols} columns was built from the positions of its text lines (${lost}, too few for the ${check.unexplained} lines of text set in columns); check its rows and columns against the scan.`,
    page,
  }));
  return { tables: [...ruled.tables, ...aligned.tables].sort((a, b) => (a.box?.y0 ?? 0) - (b.box?.y0 ?? 0)), rest: aligned.rest, warnings };
}
