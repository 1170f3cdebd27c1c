// The HTML reader on a messy saved page in four encodings (fixtures/readers/html, rebuilt by build.sh there),
// plus small inline pages for the rules one at a time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { read } from '../../packages/readers/src/html/read.ts';
import { decodeHtml } from '../../packages/readers/src/html/charset.ts';
import { mhtmlPage } from '../../packages/readers/src/html/mhtml.ts';
import { at, kinds, paragraphs, tables } from './support/table-view.ts';

const dir = join(import.meta.dirname, '../../fixtures/readers/html');
const load = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const page = async (html: string) => (await read(new TextEncoder().encode(html))).layout;

describe.each([
  ['saved-page-gbk.html', 'gb18030', 'meta'],
  ['saved-page-nometa.html', 'gb18030', 'sniff'],
  ['saved-page-bom.html', 'utf-8', 'bom'],
  ['saved-page.src.html', 'utf-8', 'sniff'],
  ['saved-page.mht', 'gb18030', 'meta'],
])('HTML reader: %s', async (file, encoding, source) => {
  const bytes = load(file);
  const { layout } = await read(bytes, { fileName: file });
  const [form, ...others] = tables(layout);

  it(`decodes as ${encoding} (from the ${source})`, () => {
    const page = file.endsWith('.mht') ? mhtmlPage(bytes)! : { bytes, charset: null };
    const decoded = decodeHtml(page.bytes, page.charset);
    expect([decoded.encoding, decoded.source]).toEqual([encoding, source]);
  });

  it('skips script, style, navigation, banner, aside, footer and hidden elements; unwraps the layout table', () => {
    expect(others).toEqual([]);
    expect(kinds(layout)).toEqual(['p', 'p', 'p', 't', 'p']);
    expect(paragraphs(layout)).toEqual(['当前位置：首页 > 政务公开 > 绩效评价', '项目支出绩效自评表', '（2023年度）', '备注：评价等级为“优”。']);
  });

  it('reads rowspan/colspan across unclosed <td>/<tr>, thead, tbody and tfoot', () => {
    expect([form!.rows, form!.cols]).toEqual([9, 6]);
    expect(at(form!, 0, 5)).toEqual(['农村 公路 养护', 1, 5, 0, 1]);
    expect(at(form!, 2, 0)).toEqual(['项目资金\n（万元）', 2, 1, 1, 0]);
    expect(at(form!, 2, 1)).toEqual(['50', 1, 1, 2, 1]);
    expect(at(form!, 6, 0)).toEqual(['产出指标', 3, 1, 4, 0]);
    expect(at(form!, 5, 1)).toEqual(['数量指标', 2, 1, 4, 1]);
    expect(at(form!, 6, 1)).toEqual(['质量指标', 1, 1, 6, 1]);
    expect(at(form!, 8, 0)).toEqual(['总分', 1, 5, 8, 0]);
    expect(at(form!, 8, 5)).toEqual(['99.9', 1, 1, 8, 5]);
  });

  it("decodes entities, collapses white space, and turns <br>/<p> in a cell into '\\n'", () => {
    expect(at(form!, 4, 3)![0]).toBe('≥120公里');
    expect(at(form!, 5, 3)![0]).toBe('≥8处');
    expect(at(form!, 5, 2)![0]).toBe('新建 错车道');
    expect(at(form!, 6, 3)![0]).toBe('<=5%&>=1%');
    expect(at(form!, 6, 2)![0]).toBe('路况优良率\n（抽检结果）');
    // a source line break between two Chinese characters is no space (社会效益\n指标)
    expect(at(form!, 7, 1)![0]).toBe('社会效益指标');
  });
});

describe('HTML reader: rules one at a time', () => {
  it('keeps a <header> inside <article> (the document title) but not the page banner', async () => {
    const layout = await page('<body><header>网站名称</header><article><header><h1>部门整体支出绩效自评表</h1></header><p>正文</p></article></body>');
    expect(paragraphs(layout)).toEqual(['部门整体支出绩效自评表', '正文']);
  });

  it('places cells after a rowspan from above (the HTML table algorithm), and clips rowspan=0 to the table', async () => {
    const layout = await page('<table><tr><td rowspan=0>A</td><td>B</td></tr><tr><td>C</td></tr><tr><td>D</td><td>E</td></tr></table>');
    const [t] = tables(layout);
    expect(at(t!, 2, 0)).toEqual(['A', 3, 1, 0, 0]);
    expect(at(t!, 1, 1)).toEqual(['C', 1, 1, 1, 1]);
    expect(at(t!, 2, 1)).toEqual(['D', 1, 1, 2, 1]);
    expect(at(t!, 2, 2)).toEqual(['E', 1, 1, 2, 2]);
  });

  it('reads a caption and stray text between rows above the table, as a browser shows them', async () => {
    const layout = await page('<table><caption>表1</caption><tr><td>a</td></tr>单位：万元<tr><td>b</td></tr></table>');
    expect(kinds(layout)).toEqual(['p', 'p', 't']);
    expect(paragraphs(layout)).toEqual(['表1', '单位：万元']);
    expect(tables(layout)[0]!.rows).toBe(2);
  });

  it('shows check boxes as ☑/☐ and text inputs by their value', async () => {
    expect(paragraphs(await page('<p>等级：<input type=checkbox checked>优 <input type="checkbox">良</p><p>得分<input value="95"></p>'))).toEqual(['等级：☑优 ☐良', '得分 95']);
  });

  it("drops the zero-height column-pinning row of Word's saved web pages", async () => {
    const html = "<table class=MsoNormalTable><tr><td><p class=MsoNormal>a<o:p></o:p></p></td><td>b</td></tr><![if !supportMisalignedColumns]><tr height=0><td width=57 style='border:none'></td><td width=60 style='border:none'></td><td width=3 style='border:none'></td></tr><![endif]></table>";
    const [t] = tables(await page(html));
    expect([t!.rows, t!.cols]).toEqual([1, 2]);
  });

  it('drops deleted text (<del>)', async () => {
    expect(paragraphs(await page('<p>实际完成<del>90%</del>95%</p>'))).toEqual(['实际完成95%']);
  });

  it('reads hostile spans quickly', async () => {
    const t0 = performance.now();
    const [t] = tables(await page('<table><tr><td rowspan=0 colspan=1000>x</td></tr><tr><td rowspan=99999999>y</td></tr></table>'));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect([t!.rows, t!.cols]).toEqual([2, 1001]);
  });

  it('reads text between tables as paragraphs, one per line', async () => {
    const layout = await page('<div>第一行<br>第二行</div><table><tr><td>x</td></tr></table>尾部文字');
    expect(kinds(layout)).toEqual(['p', 'p', 't', 'p']);
    expect(paragraphs(layout)).toEqual(['第一行', '第二行', '尾部文字']);
  });

  it('flattens a table nested in a cell of a real table, with a warning', async () => {
    const { layout, warnings } = await read(
      new TextEncoder().encode('<table><tr><td>目标</td><td>说明<table><tr><td>1</td><td>完成</td></tr></table></td></tr></table>'),
    );
    const [t] = tables(layout);
    expect(at(t!, 0, 1)![0]).toBe('说明\n1 完成');
    expect(warnings.map((w) => w.code)).toEqual(['NestedTable']);
  });

  it('does not trust a Western charset on a page with Chinese bytes', () => {
    const decoded = decodeHtml(iconv.encode('<meta charset="iso-8859-1"><p>绩效自评</p>', 'gbk'));
    expect([decoded.encoding, decoded.text.includes('绩效自评')]).toEqual(['gb18030', true]);
  });

  it('prefers the bytes when a page declares UTF-8 but is GBK', () => {
    const bytes = iconv.encode('<meta charset="utf-8"><p>项目支出绩效自评表</p>', 'gbk');
    const decoded = decodeHtml(bytes);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toContain('项目支出绩效自评表');
    expect(decoded.warnings.map((w) => w.code)).toEqual(['CharsetMismatch']);
  });
});
