// Where each value came from, as the PDF and OCR readers give it: pages, boxes and OCR confidence; and rows
// of a table joined over pages whose grid drifted from the header's (a cell a slot off, spanning two slots).
import { describe, expect, it } from 'vitest';
import { tableFromRows, type Box, type CellInput, type Layout } from '@jixiao/layout';
import { reconstruct } from './reconstruct.ts';

const para = (text: string, page: number) => ({ type: 'paragraph' as const, text, page, box: null });
/** a row of single-slot cells laid left to right, 50pt wide, at height y on a page */
const boxed = (texts: string[], page: number, y: number, confidence?: number): CellInput[] =>
  texts.map((text, k) => ({ text, page, box: { x0: k * 50, y0: y, x1: k * 50 + 50, y1: y + 20 } as Box, ...(confidence ? { confidence } : {}) }));

describe('provenance', () => {
  it('takes the indicator page, the report pages, boxes and the lowest OCR confidence from the cells', () => {
    const layout: Layout = {
      pageCount: 2,
      pages: [],
      blocks: [
        para('项目支出绩效自评表', 1),
        tableFromRows([
          boxed(['项目名称', '道路养护', '', '', '', '', ''], 1, 40),
          boxed(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'], 1, 60),
          boxed(['产出指标', '数量指标', '养护里程', '≥266米', '270米', '10', '10'], 1, 80),
          boxed(['产出指标', '质量指标', '合格率', '≥95%', '96%', '5', '5'], 2, 20, 0.62),
        ]),
      ],
    };
    const r = reconstruct(layout).reports[0]!;
    expect(r.pages).toEqual([1, 2]);
    expect(r.indicators.map((i) => i.page)).toEqual([1, 2]);
    expect(r.indicators[0]!.targetBox).toEqual({ x0: 150, y0: 80, x1: 200, y1: 100 });
    expect(r.indicators[0]!.actualBox).toEqual({ x0: 200, y0: 80, x1: 250, y1: 100 });
    expect(r.indicators[0]!.box).toEqual({ x0: 0, y0: 80, x1: 350, y1: 100 });
    expect(r.indicators.map((i) => i.confidence)).toEqual([null, 0.62]);
  });

  it('takes the box of a split target from its comparator, value and unit cells', () => {
    const layout: Layout = {
      pageCount: 1, pages: [],
      blocks: [para('项目支出绩效自评表', 1), tableFromRows([
        boxed(['项目名称', '道路养护'], 1, 40),
        boxed(['三级指标', '指标性质', '指标值', '度量单位', '完成值', '分值', '得分'], 1, 60),
        boxed(['养护里程', '≥', '266', '米', '270', '10', '10'], 1, 80),
      ])],
    };
    const i = reconstruct(layout).reports[0]!.indicators[0]!;
    expect([i.target, i.unitHint, i.targetBox]).toEqual(['≥266米', '米', { x0: 50, y0: 80, x1: 200, y1: 100 }]);
  });

  it('reads a later page whose columns sit a grid slot off the header, by the order of the cells', () => {
    // the header's cells span two slots each; the page-2 row's cells straddle them (authored-city-transport form.pdf)
    const h = (text: string): CellInput => ({ text, colSpan: 2 });
    const layout: Layout = {
      pageCount: 2, pages: [],
      blocks: [para('项目支出绩效自评表', 1), tableFromRows([
        [{ text: '项目名称', colSpan: 2 }, { text: '道路养护', colSpan: 9 }],
        [{ text: '三级指标', colSpan: 1 }, h('指标性质'), h('指标值'), h('度量单位'), h('完成值'), { text: '分值' }, { text: '得分' }],
        [{ text: '养护里程', colSpan: 2 }, h('≥'), h('266'), h('米'), { text: '270' }, h('10'), { text: '9' }],
      ])],
    };
    const i = reconstruct(layout).reports[0]!.indicators[0]!;
    expect([i.level3, i.target, i.actual, i.weight, i.score]).toEqual(['养护里程', '≥266米', '270', '10', '9']);
  });
});
