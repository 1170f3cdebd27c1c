// The three text-export styles, the decoding, and the blank-line rules of the one-cell-per-line style.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import type { TableBlock } from '@jixiao/layout';
import { read, textBlocks } from './read.ts';

const rowsOf = (t: TableBlock): string[][] =>
  Array.from({ length: t.rows }, (_, r) => t.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col).map((c) => c.text));

describe('text reader', () => {
  it('keeps empty leading tab cells (merged cells) in place', () => {
    const [t] = textBlocks('一级指标\t二级指标\t三级指标\n产出指标\t数量指标\tA\n\t\tB\n') as TableBlock[];
    expect(rowsOf(t!)).toEqual([['一级指标', '二级指标', '三级指标'], ['产出指标', '数量指标', 'A'], ['', '', 'B']]);
  });

  it('joins a wrapped long cell back onto its row', () => {
    const [t] = textBlocks('名称\t说明内容\t分值\n甲\t一二三四五六七八九十一二三四五六七八九十\t5\n\t甲乙丙\t\n乙\t短\t3\n') as TableBlock[];
    // the piece ran to the run's widest cell: an exporter's wrap, joined without a break
    expect(rowsOf(t!)).toEqual([['名称', '说明内容', '分值'], ['甲', '一二三四五六七八九十一二三四五六七八九十甲乙丙', '5'], ['乙', '短', '3']]);
  });

  it('keeps a break where the piece above stopped short of the wrap width', () => {
    const text = '名称\t说明内容\t分值\n甲\t一二三四五六七八九十一二三四五六七八九十\t5\n\t完成上线率一二三四五六七八九十一二\t\n\t97.2%以上\t\n乙\t短\t3\n';
    const [t] = textBlocks(text) as TableBlock[];
    expect(rowsOf(t!)[1]).toEqual(['甲', '一二三四五六七八九十一二三四五六七八九十完成上线率一二三四五六七八九十一二\n97.2%以上', '5']);
  });

  // PDF-to-text exports: a row's cells taller than a line go on, each in its own column, on lines of their own
  it.each([
    {
      shape: 'a merged level cell over three lines, beside a scoring rule',
      text: '一级指标\t三级指标\t分值\t得分计算方法\n产出\t造林面积\t10\t完成值达到指标值，记满分；未\n指标\t\t\t达到指标值，按B/A或A/B×该指\n(39分)\t\t\t标分值记分。\n\t病虫害防治面积\t7\t\n',
      rows: [['一级指标', '三级指标', '分值', '得分计算方法'], ['产出\n指标\n(39分)', '造林面积', '10', '完成值达到指标值，记满分；未达到指标值，按B/A或A/B×该指标分值记分。'], ['', '病虫害防治面积', '7', '']],
    },
    {
      shape: 'header cells over two lines; a continuation line may drop its trailing empty cells',
      text: '年度指标完成情况\t三级指标\t分值\t年度\t实际\t得分\n\t\t\t指标值\t完成值\n\t基础信息完善\t1\t100%\t100%\t1\n',
      rows: [['年度指标完成情况', '三级指标', '分值', '年度\n指标值', '实际\n完成值', '得分'], ['', '基础信息完善', '1', '100%', '100%', '1']],
    },
    {
      shape: 'two level cells going on at once, after a row under the merge',
      text: '一级\t二级\t三级\t分值\n效益\t经济效益\t木材销售收入\t6\n指标\t指标\t\t\n\t\t林产品收入\t6\n\t社会效益\t提高就业率\t6\n\t指标\t\t\n',
      rows: [['一级', '二级', '三级', '分值'], ['效益\n指标', '经济效益\n指标', '木材销售收入', '6'], ['', '', '林产品收入', '6'], ['', '社会效益\n指标', '提高就业率', '6']],
    },
    {
      shape: 'a goal cell going on with items of its own beside its actual, cut at its column',
      text: '总体目标\t预期目标\t实际完成\n\t稳参保增基金\t稳定参保覆盖面是做好医疗保障工作的\n\t保基本谋发展。\t前提，我局通过广泛宣传政策、强化督\n\t4、勇担当敢作为。\t缴机制、严把征缴政策，确保各类参保\n\t\t人群应保尽保。\n',
      rows: [['总体目标', '预期目标', '实际完成'], ['', '稳参保增基金保基本谋发展。4、勇担当敢作为。', '稳定参保覆盖面是做好医疗保障工作的前提，我局通过广泛宣传政策、强化督缴机制、严把征缴政策，确保各类参保人群应保尽保。']],
    },
    {
      shape: 'level words cut at their narrow columns, the name beside them whole',
      text: '一级指标\t二级指标\t三级指标\t分值\n效益指标\t社会效益指标\t健康素养水平\t8\n满意度指\t服务对象满意\t居民满意度\t8\n标\t度指标\t\t\n\t\t医务人员满意度\t8\n',
      rows: [['一级指标', '二级指标', '三级指标', '分值'], ['效益指标', '社会效益指标', '健康素养水平', '8'], ['满意度指标', '服务对象满意度指标', '居民满意度', '8'], ['', '', '医务人员满意度', '8']],
    },
    {
      shape: 'a note in brackets under a level word, cut at its column',
      text: '内容\t一级\t二级\t三级\t分值\n\t产出目标\t质量指标\t控制率\t5\n\t（部门工作实绩，\t\t\t\n\t包含上级部门和区\t\t\t\n\t委区政府的工作）\t\t\t\n\t\t\t变动率\t3\n',
      rows: [['内容', '一级', '二级', '三级', '分值'], ['', '产出目标（部门工作实绩，包含上级部门和区委区政府的工作）', '质量指标', '控制率', '5'], ['', '', '', '变动率', '3']],
    },
  ])('joins continuation lines: $shape', ({ text, rows }) => {
    const [t] = textBlocks(text) as TableBlock[];
    // which lines make a row is the point here; whether a piece joins with a break is the wrap width's call
    const unbroken = (rs: string[][]) => rs.map((r) => r.map((c) => c.replace(/\n/g, '')));
    expect(unbroken(rowsOf(t!))).toEqual(unbroken(rows));
  });

  it.each([
    { shape: 'a funding line printing only its label', text: '\t预算数\t分值\n\t其中：中央财政资金\t414\t10\n\t地方财政资金\t\t\n', n: 3 },
    { shape: 'a funding line of placeholders', text: '\t预算数\t分值\n\t其中：本年财政拨款\t15\t-\n\t上年结转\t\t-\n', n: 3 },
    { shape: 'a goal heading with its points', text: '一级\t三级\t分值\n效益指标\t达标率\t10\n年度绩效目标2（40分）\t\t\n', n: 3 },
    { shape: 'a numbered parent row', text: '指标名称\t分值\n5、送戏下乡场均补助标准\t10\n二、效益指标（30分）\t\n', n: 3 },
    { shape: 'a row with a value under a label', text: '三级指标\t分值\t指标值\n财政供养人员控制率\t2\t100%\n“三公”经费变动率\t2\t\n', n: 3 },
    { shape: 'a goal after one that ended its sentence', text: '\t预期目标\t分值\n\t为我县百岁高龄老年人发放补贴,使老年人得到更好的照顾。\t\n\t为全县共享改革开放成果,促进社会稳定文明和谐\t\n\t甲\t5\n', n: 4 },
    { shape: 'the next head row under a head row', text: '主管部门\t县农业局\t实施单位\t某镇政府\n联系人\t张三\t填报人\t李四\n项目\t甲\t分值\t5\n', n: 3 },
  ])('keeps a row of its own: $shape', ({ text, n }) => {
    const [t] = textBlocks(text) as TableBlock[];
    expect(t!.rows).toBe(n);
  });

  it('reads one cell per line, with continuations and a cell ending in an empty paragraph', () => {
    // seed 002: `⇥产出指标` ⏎⏎ `⇥数量指标…` is one row; seed 001: a tab-less line after a blank continues a short row
    const text = '\t一级指标\n\t二级指标\n\t三级指标\n\n\t产出指标\n\n\t数量指标\n\tA\n\n\t\n\t第一行\n\n续行\n\tB\n\n正文段落\n';
    const [t, p] = textBlocks(text);
    expect(rowsOf(t as TableBlock)).toEqual([['一级指标', '二级指标', '三级指标'], ['产出指标', '数量指标', 'A'], ['', '第一行\n\n续行', 'B']]);
    expect(p).toMatchObject({ type: 'paragraph', text: '正文段落' });
  });

  it('starts a new block at a form title after a table, even after an empty last cell (seed 004)', () => {
    const [t, title] = textBlocks('\t总分\n\t100\n\t\n\n2021年度项目支出绩效自评表\n\n\t项目名称\n\t甲\n');
    expect(rowsOf(t as TableBlock)).toEqual([['总分', '100', '']]);
    expect(title).toMatchObject({ type: 'paragraph', text: '2021年度项目支出绩效自评表' });
  });

  it('ends a short total row at its empty last cell: the grade row after it is a row of its own', () => {
    // the total's label lost its merge, so 4 + 2 cells make up the 6 of the row above by chance
    const text = '\t甲\n\t乙\n\t丙\n\t丁\n\t戊\n\t己\n\n\t总分\n\t100\n\t98.9\n\t\n\n\t自评等级\n\t优\n';
    const [t] = textBlocks(text) as TableBlock[];
    expect(rowsOf(t!).slice(1)).toEqual([['总分', '100', '98.9', ''], ['自评等级', '优']]);
  });

  it('does not run the sentence under a table into an empty last cell or a finished row', () => {
    const short = '\t甲\n\t乙\n\t丙\n\t丁\n\t戊\n\t己\n\n\t合计\n\t100\n\t98.6\n\t\n\n自评结论：得分98.6分。\n';
    const [t, p] = textBlocks(short);
    expect(rowsOf(t as TableBlock)[1]).toEqual(['合计', '100', '98.6', '']);
    expect(p).toMatchObject({ type: 'paragraph', text: '自评结论：得分98.6分。' });
    // a row as long as the one above is finished even though its last cell is printed
    const full = '\t甲\n\t乙\n\n\t合计\n\t5\n\n（三）结转结余率\n';
    const [t2, p2] = textBlocks(full);
    expect(rowsOf(t2 as TableBlock)).toEqual([['甲', '乙'], ['合计', '5']]);
    expect(p2).toMatchObject({ type: 'paragraph', text: '（三）结转结余率' });
  });

  it('decodes GB18030, strips a BOM and CRLF', async () => {
    const gbk = new Uint8Array(iconv.encode('项目名称\t道路养护\r\n', 'gb18030'));
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('项目名称\t道路养护\r\n')]);
    for (const bytes of [gbk, utf8]) {
      const { layout } = await read(bytes);
      expect(layout.pageCount).toBeNull();
      expect(rowsOf(layout.blocks[0] as TableBlock)).toEqual([['项目名称', '道路养护']]);
    }
  });
});
