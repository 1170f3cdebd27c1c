import { describe, expect, it } from 'vitest';
import { gridOf, type TableBlock } from '@jixiao/layout';
import { toBlocks } from './to-blocks.ts';
import type { SourceCell, SourceTable } from './source-table.ts';

const cell = (text: string, o: Partial<SourceCell> = {}): SourceCell => ({ rowSpan: 1, colSpan: 1, content: text ? [{ kind: 'text', text }] : [], ...o });
const withTable = (text: string, table: SourceTable): SourceCell => ({ rowSpan: 1, colSpan: 1, content: [{ kind: 'text', text }, { kind: 'table', table }] });
const texts = (t: TableBlock) => gridOf(t).map((row) => row.map((c) => c?.text ?? null));

const goals: SourceTable = { rows: [[cell('序号'), cell('年度目标'), cell('完成情况')], [cell('1'), cell('修路'), cell('已完成')]] };
const pair: SourceTable = { rows: [[cell('1'), cell('修路')]] };

describe('toBlocks', () => {
  it('lifts a nested table with a real grid out after its outer table, and warns', () => {
    const { blocks, warnings } = toBlocks([{ kind: 'table', table: { rows: [[cell('项目名称'), cell('修路')], [cell('年度目标'), withTable('见下表', goals)]] } }]);
    expect(blocks.map((b) => b.type)).toEqual(['table', 'table']);
    expect(texts(blocks[0] as TableBlock)).toEqual([['项目名称', '修路'], ['年度目标', '见下表']]);
    expect(texts(blocks[1] as TableBlock)).toEqual([['序号', '年度目标', '完成情况'], ['1', '修路', '已完成']]);
    expect(warnings.map((w) => w.code)).toEqual(['NestedTable']);
  });

  it('flattens a small nested table into the cell text', () => {
    const { blocks } = toBlocks([{ kind: 'table', table: { rows: [[cell('目标'), withTable('说明', pair)]] } }]);
    expect(texts(blocks[0] as TableBlock)).toEqual([['目标', '说明\n1 修路']]);
  });

  it('lifts a form out of layout tables nested several deep (sidebar | content → rows → form)', () => {
    const content: SourceTable = { rows: [[cell('标题')], [{ rowSpan: 1, colSpan: 1, content: [{ kind: 'table', table: goals }] }]] };
    const page: SourceTable = { rows: [[cell('栏目导航'), { rowSpan: 1, colSpan: 1, content: [{ kind: 'table', table: content }] }]] };
    const { blocks } = toBlocks([{ kind: 'table', table: page }]);
    expect(blocks.map((b) => (b.type === 'table' ? `table ${b.rows}x${b.cols}` : b.text))).toEqual(['table 1x2', '标题', 'table 2x3']);
    expect(texts(blocks[2] as TableBlock)[1]).toEqual(['1', '修路', '已完成']);
  });

  it('unwraps a one-cell-per-row wrapper into the blocks it holds', () => {
    const wrapper: SourceTable = { rows: [[{ rowSpan: 1, colSpan: 1, content: [{ kind: 'text', text: '标题' }, { kind: 'table', table: goals }] }]] };
    const { blocks, warnings } = toBlocks([{ kind: 'table', table: wrapper }]);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'table']);
    expect(warnings).toEqual([]);
  });

  it('lets placeholders take grid columns without emitting a cell', () => {
    const { blocks } = toBlocks([{ kind: 'table', table: { rows: [[cell('a'), cell('b')], [cell('', { placeholder: true }), cell('c')]] } }]);
    const t = blocks[0] as TableBlock;
    expect(texts(t)).toEqual([['a', 'b'], [null, 'c']]);
    expect(t.cells).toHaveLength(3);
  });
});
