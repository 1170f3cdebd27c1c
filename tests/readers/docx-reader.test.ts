// The DOCX reader on small fixtures (fixtures/readers/docx, rebuilt by build.sh there): merges from
// w:gridSpan, w:vMerge, w:gridBefore/w:gridAfter and w:hMerge land on the right slots; text order; bad bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { isExtractionError } from '@jixiao/contract';
import { read } from '../../packages/readers/src/docx/read.ts';
import { readDocxParts } from '../../packages/readers/src/docx/open-package.ts';
import { at, kinds, paragraphs, tables } from './support/table-view.ts';

const dir = join(import.meta.dirname, '../../fixtures/readers/docx');
const load = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

describe('DOCX reader: LibreOffice-made form (merged-table.docx)', async () => {
  const { layout, warnings } = await read(load('merged-table.docx'), { fileName: 'merged-table.docx' });
  const [form, conclusion] = tables(layout);

  it('keeps tables and paragraphs in document order, page-less', () => {
    expect(kinds(layout)).toEqual(['p', 'p', 't', 'p', 't']);
    expect(paragraphs(layout)).toEqual(['项目支出绩效自评表', '（2023年度）', '说明：本表金额单位为万元。']);
    expect(layout.pageCount).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('reads the grid with colspan and vertical merges over 一级/二级 indicators', () => {
    expect([form!.rows, form!.cols]).toEqual([9, 6]);
    expect(at(form!, 0, 3)).toEqual(['城市道路维护', 1, 5, 0, 1]);
    expect(at(form!, 2, 0)).toEqual(['项目资金（万元）', 2, 1, 1, 0]);
    expect(at(form!, 6, 0)).toEqual(['产出指标', 3, 1, 4, 0]);
    expect(at(form!, 5, 1)).toEqual(['数量指标', 2, 1, 4, 1]);
    expect(at(form!, 6, 1)).toEqual(['质量指标', 1, 1, 6, 1]);
    expect(at(form!, 5, 3)).toEqual(['=300盏', 1, 1, 5, 3]);
    expect(at(form!, 8, 4)).toEqual(['总分', 1, 5, 8, 0]);
    expect(at(form!, 8, 5)).toEqual(['98.8', 1, 1, 8, 5]);
    expect(conclusion!.cells.map((c) => c.text)).toEqual(['自评结论', '优']);
  });

  it("turns paragraph breaks inside a cell into '\\n'", () => {
    expect(at(form!, 6, 2)![0]).toBe('验收合格率\n（抽检）');
  });
});

describe('DOCX reader: merges mammoth loses (grid-before.docx)', async () => {
  const { layout, warnings } = await read(load('grid-before.docx'));
  const [t] = tables(layout);

  it('keeps vertical merges although a bookmark sits between the rows', () => {
    expect(at(t!, 2, 0)).toEqual(['产出指标', 2, 1, 1, 0]);
    expect(at(t!, 2, 1)).toEqual(['数量指标', 2, 1, 1, 1]);
    expect(at(t!, 2, 2)).toEqual(['培训场次', 1, 1, 2, 2]);
  });

  it('starts a w:gridBefore row in its grid column and leaves the skipped slot empty', () => {
    expect(at(t!, 3, 0)).toBeNull();
    expect(at(t!, 4, 1)).toEqual(['质量指标', 2, 1, 3, 1]);
    expect(at(t!, 4, 2)).toEqual(['满意率', 1, 1, 4, 2]);
    expect(at(t!, 4, 3)).toEqual(['≥95%', 1, 1, 4, 3]);
  });

  it('drops deleted rows and deleted text, and leaves w:gridAfter slots empty', () => {
    expect([t!.rows, t!.cols]).toEqual([7, 4]);
    expect(t!.cells.some((c) => c.text.includes('作废'))).toBe(false);
    expect(at(t!, 5, 1)).toEqual(['总分', 1, 2, 5, 0]);
    expect(at(t!, 5, 3)).toBeNull();
    expect(paragraphs(layout)).toEqual(['绩效指标完成情况', '说明：以上为自评结果。']);
    expect(warnings).toEqual([]);
  });

  it('reads Wingdings check boxes (w:sym) as Unicode symbols', () => {
    expect(at(t!, 6, 3)).toEqual(['\u{1F5F9}优\u{1F78E}良', 1, 3, 6, 1]);
  });
});

describe('DOCX reader: other table shapes', () => {
  it('reads legacy w:hMerge as a column span', async () => {
    const [t] = tables((await read(load('hmerge.docx'))).layout);
    expect(at(t!, 0, 2)).toEqual(['乡村道路', 1, 2, 0, 1]);
    expect(at(t!, 1, 2)).toEqual(['实施单位', 1, 1, 1, 2]);
  });

  it('unwraps a one-cell wrapper table and flattens a table nested in a cell, with a warning', async () => {
    const { layout, warnings } = await read(load('nested.docx'));
    const [t, ...rest] = tables(layout);
    expect(rest).toEqual([]);
    expect([t!.rows, t!.cols]).toEqual([2, 2]);
    expect(at(t!, 0, 1)![0]).toBe('道路维修\n（二期）');
    expect(at(t!, 1, 1)![0]).toBe('目标如下：\n目标1 完成道路维修\n目标2 群众满意');
    expect(warnings.map((w) => w.code)).toEqual(['NestedTable']);
  });
});

describe('DOCX reader: body and footnotes (footnote.docx)', async () => {
  const { layout, warnings } = await read(load('footnote.docx'));

  it('reads the body only: its table keeps its grid (w:gridBefore), the footnote table is not read', () => {
    const [body, ...rest] = tables(layout);
    expect(rest).toEqual([]);
    expect(at(body!, 1, 0)).toEqual(['产出指标', 2, 1, 0, 0]);
    expect(at(body!, 2, 1)).toEqual(['时效指标', 1, 1, 2, 1]);
    expect(at(body!, 2, 0)).toBeNull();
    expect(paragraphs(layout)).toEqual(['注释']);
    expect(warnings).toEqual([]);
  });
});

describe('DOCX reader: package layout', () => {
  it('finds the main part through _rels/.rels when it is not word/document.xml', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const pkg = zipSync({
      '_rels/.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>',
      ),
      'word/document2.xml': strToU8(`<x:document xmlns:x="${W}"><x:body><x:p><x:r><x:t>整体支出绩效自评表</x:t></x:r></x:p></x:body></x:document>`),
    });
    expect(paragraphs((await read(pkg)).layout)).toEqual(['整体支出绩效自评表']);
  });
});

describe('DOCX reader: a web exporter\'s DOCX (altchunk.docx)', () => {
  it('reads the imported MHTML chunk in place, merges and all', async () => {
    const { layout, warnings } = await read(load('altchunk.docx'));
    expect(kinds(layout)).toEqual(['p', 'p', 't', 'p']);
    expect(paragraphs(layout)).toEqual(['导出说明', '项目支出绩效自评表', '（完）']);
    expect(at(tables(layout)[0]!, 1, 0)).toEqual(['产出指标', 2, 1, 0, 0]);
    expect(warnings).toEqual([]);
  });
});

describe('DOCX reader: bad bytes', () => {
  const codeOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'no error';
    } catch (e) {
      return isExtractionError(e) ? `${e.code}: ${e.message}` : `other: ${String(e)}`;
    }
  };

  it('refuses a file that is not a zip as CorruptFile, naming the file', async () => {
    expect(await codeOf(read(load('not-a-zip.docx'), { fileName: 'not-a-zip.docx' }))).toMatch(/^CorruptFile: not-a-zip\.docx: /);
  });

  it('refuses a zip without word/document.xml, and truncated bytes, as CorruptFile', async () => {
    const noDocument = zipSync({ 'hello.txt': strToU8('hi') });
    expect(await codeOf(read(noDocument, { fileName: 'a.docx' }))).toMatch(/^CorruptFile: a\.docx: .*word\/document\.xml/);
    const truncated = load('merged-table.docx').subarray(0, 3000);
    expect(await codeOf(read(truncated, { fileName: 'cut.docx' }))).toMatch(/^CorruptFile: cut\.docx: /);
  });

  it('refuses a document.xml that is not XML as CorruptFile', async () => {
    const bad = zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p></w:body>') });
    expect(await codeOf(read(bad, { fileName: 'bad.docx' }))).toMatch(/^CorruptFile: bad\.docx: /);
  });

  it('refuses a zip bomb (over the ratio and the total cap) before inflating it', async () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(30 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await codeOf(read(bomb, { fileName: 'bomb.docx' }))).toMatch(/^ArchiveBomb: bomb\.docx: /);
    const limits = { maxTotalBytes: 1024 * 1024, maxRatio: 1e9, minBytesForRatio: 0 };
    expect(await codeOf(readDocxParts(load('merged-table.docx'), 'ok.docx', limits))).toBe('no error');
    expect(await codeOf(readDocxParts(zipSync({ 'word/document.xml': new Uint8Array(2 * 1024 * 1024) }), 'big.docx', limits))).toMatch(/^ArchiveBomb: big\.docx: .*over the limit/);
  });
});
