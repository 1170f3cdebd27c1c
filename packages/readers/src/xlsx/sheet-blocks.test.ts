import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { sheetBlocks } from './sheet-blocks.ts';

/** A sheet from rows of values and A1-style merges. */
function sheet(rows: (string | null)[][], merges: string[]): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  return ws;
}

const kinds = (ws: XLSX.WorkSheet) => sheetBlocks(ws, 'Sheet1', 1).blocks.map((b) => (b.type === 'table' ? `table ${b.rows}x${b.cols}` : b.text));

describe('sheetBlocks', () => {
  it('keeps a merged section row inside a table whose rows are ruled alike on both sides', () => {
    const ws = sheet(
      [
        ['指标', '指标值', '完成值'],
        ['年度绩效目标1', null, null],
        ['数量指标', '≥5个', '6个'],
      ],
      ['A2:C2'],
    );
    expect(kinds(ws)).toEqual(['table 3x3']);
  });

  it('makes merged lines between two differently ruled tables paragraphs, splitting the tables', () => {
    const ws = sheet(
      [
        ['类别', '预算', null, '执行'],
        ['基本支出', '10', null, '9'],
        ['（二）三公经费', null, null, null],
        ['单位：万元', null, null, null],
        ['内容', null, '金额', '控制率'],
        ['接待费', null, '1', '50%'],
      ],
      ['B1:C1', 'B2:C2', 'A3:D3', 'A4:D4', 'A5:B5', 'A6:B6'],
    );
    expect(kinds(ws)).toEqual(['table 2x4', '（二）三公经费', '单位：万元', 'table 2x4']);
  });

  it('keeps a row with one filled label cell in the table', () => {
    const ws = sheet(
      [
        ['标题', null, null],
        ['资金', '预算', '执行'],
        ['结余分配', null, null],
        ['总计', '1', '1'],
      ],
      ['A1:C1'],
    );
    expect(kinds(ws)).toEqual(['标题', 'table 3x3']);
  });
});
