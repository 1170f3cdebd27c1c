import { describe, expect, it } from 'vitest';
import { CELL_LINE_REPAIRS, correctCellText, correctJoinedCell, leadingMarkBeforeNumber, ruleRemnant, runRepairs, tidyText, titleEnding } from './correct-text.ts';

describe('correctCellText', () => {
  it.each([
    // spaces OCR puts between Chinese characters and before units
    ['机构 正常 运行 率', '机构正常运行率'],
    ['526 人次', '526人次'],
    ['1400', '1400'],
    // full-width digits and percent from OCR
    ['１００％', '100%'],
    // a comma read for the decimal point: one or two digits follow, then a unit
    ['≤1325，2万元', '≤1325.2万元'],
    ['1325．2万元', '1325.2万元'],
    // a thousands separator stays
    ['1,325万元', '1,325万元'],
    // the percent sign's lower circle read as a digit after it
    ['100%6', '100%'],
    ['≥95%4', '≥95%'],
    ['96.2%', '96.2%'],
    // two percentages in one cell keep their own numbers
    ['药品网采率≥90%，高值医用耗材网采率≥80%', '药品网采率≥90%，高值医用耗材网采率≥80%'],
    ['2023年12月前', '2023年12月前'],
    // 1 and 0 look-alikes next to digits
    ['了0', '10'],
    ['1O0%', '100%'],
    ['指标工：财政供养控制率', '指标1：财政供养控制率'],
    ['DRG、DIP', 'DRG、DIP'],
    // a form word with one character misread snaps to the word; other text is left alone
    ['数晶指标', '数量指标'],
    ['质呈指标', '质量指标'],
    ['效益指木(30分)', '效益指标(30分)'],
    // one character from two form words (产出指标, 产出目标): ambiguous, left as read
    ['产出扯标', '产出扯标'],
    ['社会指标', '社会指标'],
    ['资金结余', '资金结余'],
  ])('%s → %s', (input, output) => {
    expect(correctCellText(input)).toBe(output);
  });
});

describe('leadingMarkBeforeNumber', () => {
  it.each([
    ['之500人次', true],
    ['过10000人', true],
    ['>56家', true],
    ['≥2个', true],
    ['约500人', false],
    ['每人每月100元', false],
    ['第1名', false],
    ['526人次', false],
    ['有所提升', false],
  ])('%s → %s', (input, output) => {
    expect(leadingMarkBeforeNumber(input)).toBe(output);
  });
});

describe('tidyText', () => {
  it('keeps spaces between Latin words', () => {
    expect(tidyText('DRG DIP 付费 100 %')).toBe('DRG DIP付费100 %');
  });
});

describe('correctJoinedCell', () => {
  it.each([
    // a form word wrapped in a narrow column, two characters misread across its lines
    ['服务对销满\n痊度指标', '服务对象满意度指标'],
    ['数量指\n标', '数量指标'],
    // anything else keeps its lines
    ['正常持\n续运转', '正常持\n续运转'],
    ['可持续运转', '可持续运转'],
  ])('%j → %j', (input, output) => {
    expect(correctJoinedCell(input)).toBe(output);
  });
});

describe('noteOpener', () => {
  it.each([
    // the opening bracket of a level's note read as <
    ['满意度指标<10分)', '满意度指标(10分)'],
    ['满意度指标〈10分）', '满意度指标(10分）'],
    // a real comparator stays
    ['<10分', '<10分'],
    ['(a<b)', '(a<b)'],
  ])('%j → %j', (input, output) => {
    expect(correctCellText(input)).toBe(output);
  });
});

describe('OCR line repairs', () => {
  it('snaps a title ending one character off, and leaves other endings alone', () => {
    expect(titleEnding('稷山县项目支出绩效言评表')).toBe('稷山县项目支出绩效自评表');
    expect(titleEnding('项目支出绩效评价表')).toBe('项目支出绩效评价表');
    expect(titleEnding('绩效言评表')).toBe('绩效言评表');
  });
  it('drops a piece of a cell wall read at the edge of its text', () => {
    expect(ruleRemnant('」二级指标')).toBe('二级指标');
    expect(ruleRemnant('I年度指标完成')).toBe('年度指标完成');
    expect(ruleRemnant('l年度指标值')).toBe('年度指标值');
    expect(ruleRemnant('指标1：完成率|')).toBe('指标1：完成率');
    expect(ruleRemnant('「三公」经费')).toBe('「三公」经费');
    expect(ruleRemnant('!\n年度指标值')).toBe('年度指标值');
    expect(ruleRemnant('单位自评总分．')).toBe('单位自评总分');
  });
  it('records which repairs changed a line, in order', () => {
    expect(runRepairs('|１０%6', CELL_LINE_REPAIRS)).toEqual({ text: '110%', applied: ['halfWidthNumbers', 'digitLookalikes', 'percentTail'] });
    expect(runRepairs('」数晶指标', CELL_LINE_REPAIRS)).toEqual({ text: '数量指标', applied: ['ruleRemnant', 'formWord'] });
  });
});
