import { describe, expect, it } from 'vitest';
import { gridOf, type Cell } from '@jixiao/layout';
import { buildTables } from './build-tables.ts';
import type { Segment, TextItem } from './types.ts';

const h = (y: number, x0: number, x1: number): Segment => ({ x0, y0: y, x1, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, y0, x1: x, y1 });
const t = (text: string, x0: number, y0: number, x1: number, y1: number): TextItem => ({ text, box: { x0, y0, x1, y1 } });

// 3×3 grid, columns at x 0/100/200/300, rows at y 0/20/40/60:
//   A (rows 0–1)  | B (cols 1–2)
//   (A)           | C   | D
//   E             | F   | G
const segments: Segment[] = [
  h(0, 0, 300),
  h(60.4, 0, 300), // slight jitter: still one line
  v(0, 0, 60),
  v(300.3, 0, 60),
  h(20, 100, 300), // no wall under A: vertical merge
  h(40, 0, 148),
  h(40, 150.5, 300), // a broken rule, bridged
  v(100, 0, 60),
  v(200, 20, 60), // no wall inside B: horizontal merge
];

function cellAt(cells: Cell[], row: number, col: number): Cell | undefined {
  return cells.find((c) => c.row === row && c.col === col);
}

describe('buildTables', () => {
  const items = [
    t('A', 40, 25, 50, 35),
    t('产出产出产出产出产出产', 110, 2, 292, 9), // wrapped at the cell's edge
    t('指标', 110, 11, 130, 18),
    t('C', 110, 25, 120, 35),
    t('D', 210, 25, 220, 35),
    t('E', 10, 45, 20, 55),
    t('10 9.5', 150, 45, 260, 55), // runs across the wall at x=200: two cells' texts in one item
    t('说明：表外文字', 0, 80, 100, 90),
  ];
  const { tables, rest } = buildTables(segments, items, 3);

  it('finds one 3×3 table with a vertical and a horizontal merge', () => {
    expect(tables).toHaveLength(1);
    const table = tables[0]!;
    expect([table.rows, table.cols]).toEqual([3, 3]);
    expect(cellAt(table.cells, 0, 0)).toMatchObject({ rowSpan: 2, colSpan: 1, text: 'A', page: 3 });
    expect(cellAt(table.cells, 0, 1)).toMatchObject({ rowSpan: 1, colSpan: 2 });
    expect(table.cells).toHaveLength(7);
    const slots = gridOf(table);
    expect(slots[1]![0]).toBe(cellAt(table.cells, 0, 0));
    expect(slots[0]![2]).toBe(cellAt(table.cells, 0, 1));
  });

  it('bridges the broken rule between rows 1 and 2', () => {
    expect(cellAt(tables[0]!.cells, 1, 1)).toMatchObject({ rowSpan: 1, text: 'C' });
    expect(cellAt(tables[0]!.cells, 2, 1)).toBeDefined();
  });

  it('assigns text to cells, joins wrapped CJK lines without a space, and cuts an item at a wall', () => {
    const cells = tables[0]!.cells;
    expect(cellAt(cells, 0, 1)!.text).toBe('产出产出产出产出产出产指标');
    expect(cellAt(cells, 1, 2)!.text).toBe('D');
    expect(cellAt(cells, 2, 0)!.text).toBe('E');
    expect(cellAt(cells, 2, 1)!.text).toBe('10');
    expect(cellAt(cells, 2, 2)!.text).toBe('9.5');
    expect(cellAt(cells, 0, 0)!.box).toEqual({ x0: 0, y0: 0, x1: 100, y1: 40 });
  });

  it("keeps the author's line break (a line ending well short of the cell's edge) as a newline", () => {
    const lines = [t('指标1：保证运行', 110, 25, 150, 33), t('指标2：维护稳定', 110, 34, 150, 42)];
    const cell = cellAt(buildTables(segments, lines, 1, { authorBreaks: true }).tables[0]!.cells, 1, 1)!;
    expect(cell.text).toBe('指标1：保证运行\n指标2：维护稳定');
    // off by default: OCR boxes are too rough to tell an early line end from a wrap
    expect(cellAt(buildTables(segments, lines, 1).tables[0]!.cells, 1, 1)!.text).toBe('指标1：保证运行指标2：维护稳定');
  });

  it('leaves text outside the rules as rest', () => {
    expect(rest.map((i) => i.text)).toEqual(['说明：表外文字']);
  });

  it('does not take a lone frame or an underline for a table', () => {
    const frame = [h(0, 0, 100), h(30, 0, 100), v(0, 0, 30), v(100, 0, 30), h(50, 0, 80)];
    expect(buildTables(frame, [t('框', 10, 10, 20, 20)], 1).tables).toHaveLength(0);
  });

  it('keeps walls drawn in broken pieces, as a scan shows them', () => {
    const broken = [h(0, 0, 45), h(0, 52, 100), h(20, 0, 100), h(40, 0, 100), v(0, 0, 40), v(50, 0, 6), v(50, 13, 40), v(100, 0, 40)];
    expect(buildTables(broken, [], 1, { bridgeGap: 8 }).tables[0]!.cells).toHaveLength(4);
    // a wall with most of it missing is a merge, not a broken wall
    const merged = [h(0, 0, 100), h(20, 0, 100), h(40, 0, 100), v(0, 0, 40), v(50, 0, 3), v(50, 20, 40), v(100, 0, 40)];
    expect(buildTables(merged, [], 1).tables[0]!.cells).toHaveLength(3);
  });
});
