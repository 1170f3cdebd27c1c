import { describe, expect, it } from 'vitest';
import { gridOf } from '@jixiao/layout';
import { alignedTables } from './aligned-tables.ts';
import type { TextItem } from './types.ts';

const t = (text: string, x0: number, y0: number, x1: number): TextItem => ({ text, box: { x0, y0, x1, y1: y0 + 8 } });

// An unruled table of three columns (name | target | weight) whose third row wraps its name over two lines,
// the short cells centred on the row, between the two lines of the name (as Chromium prints vertical-align:
// middle): lines at y 30 (name), 35 (values), 40 (率).
const items: TextItem[] = [
  t('1、送戏下乡演出场次', 0, 0, 80), t('≥120场', 120, 0, 150), t('10', 200, 0, 208),
  t('2、公共图书馆年流通人次', 0, 13, 96), t('≥8万人次', 120, 13, 156), t('10', 200, 13, 208),
  t('3、乡镇综合文化站免费开放', 0, 28, 104), t('100%', 124, 33, 144), t('10', 200, 33, 208), t('率', 0, 38, 8),
  t('4、群众文化活动完成时间', 0, 52, 96), t('2023年11月', 118, 52, 160), t('10', 200, 52, 208),
];
const texts = (rows: ReturnType<typeof alignedTables>) => rows.tables.flatMap((table) => gridOf(table).map((row) => row.map((c) => c?.text ?? '')));

describe('alignedTables', () => {
  it('builds a table from lines in columns and says it was found from text lines', () => {
    const { tables } = alignedTables(items.filter((i) => i.box.y0 < 25), null);
    expect(tables).toHaveLength(0); // two rows are not a table
    const third = [t('4、群众文化活动完成时间', 0, 26, 96), t('2023年11月', 118, 26, 160), t('10', 200, 26, 208)];
    const three = alignedTables([...items.slice(0, 6), ...third], null);
    expect(three.tables[0]).toMatchObject({ rows: 3, cols: 3, foundBy: 'text-lines' });
  });

  it('joins the lines a caller says are one row: a wrapped name and the values centred beside it', () => {
    // the caller's rows: here by y (a scan's bands of ink that run together)
    const rowOf = (y: number) => (y < 10 ? 0 : y < 22 ? 1 : y < 48 ? 2 : 3);
    const joined = alignedTables(items, null, { sameRow: (above, line) => rowOf(above.box.y0) === rowOf(line.box.y0), gutter: 0.5 });
    expect(texts(joined)).toEqual([
      ['1、送戏下乡演出场次', '≥120场', '10'],
      ['2、公共图书馆年流通人次', '≥8万人次', '10'],
      ['3、乡镇综合文化站免费开放率', '100%', '10'],
      ['4、群众文化活动完成时间', '2023年11月', '10'],
    ]);
    expect(joined.rest).toEqual([]);
    // without them the wrapped name's first line, one run at the left, ends the table there
    const alone = alignedTables(items, null);
    expect(texts(alone).flat()).not.toContain('3、乡镇综合文化站免费开放率');
  });
});
