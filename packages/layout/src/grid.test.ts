import { describe, expect, it } from 'vitest';
import { gridOf, tableFromRows } from './grid.ts';

describe('tableFromRows', () => {
  it('places cells around row spans as HTML does, and the slot view fills every covered slot', () => {
    const t = tableFromRows([
      [{ text: '产出指标', rowSpan: 2 }, { text: '数量指标' }, { text: 'a' }],
      [{ text: '质量指标' }, { text: 'b' }],
    ]);
    expect(t.rows).toBe(2);
    expect(t.cols).toBe(3);
    const q = t.cells.find((c) => c.text === '质量指标')!;
    expect([q.row, q.col]).toEqual([1, 1]);
    const g = gridOf(t);
    expect(g[1]![0]!.text).toBe('产出指标');
    expect(g[1]![2]!.text).toBe('b');
  });

  it('clips a row span that runs past the table', () => {
    const t = tableFromRows([[{ text: 'x', rowSpan: 5 }, { text: 'y' }]]);
    expect(t.cells[0]!.rowSpan).toBe(1);
  });
});
