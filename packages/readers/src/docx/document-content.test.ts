import { describe, expect, it } from 'vitest';
import { gridOf, type TableBlock } from '@jixiao/layout';
import { toBlocks } from '../html-table/index.ts';
import { readDocument } from './document-content.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const doc = (body: string) => `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const tc = (inner: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${inner}</w:tc>`;
const tr = (cells: string, pr = '') => `<w:tr><w:trPr>${pr}</w:trPr>${cells}</w:tr>`;
const texts = (t: TableBlock) => gridOf(t).map((r) => r.map((c) => c?.text ?? null));

describe('readDocument', () => {
  it('reads row properties of a nested table as its own (w:gridBefore, deleted rows)', () => {
    const inner = `<w:tbl>${tr(tc(p('a')) + tc(p('b')) + tc(p('c')))}${tr(tc(p('d')), '<w:gridBefore w:val="2"/>')}${tr(tc(p('x')) + tc(p('x')) + tc(p('x')), '<w:del w:id="1"/>')}</w:tbl>`;
    const outer = `<w:tbl>${tr(tc(p('目标')) + tc(inner))}</w:tbl>`;
    const { blocks } = toBlocks(readDocument(doc(outer)).content);
    expect(texts(blocks[1] as TableBlock)).toEqual([
      ['a', 'b', 'c'],
      [null, null, 'd'],
    ]);
  });

  it('skips field codes and deleted runs, reads field results, breaks and tabs', () => {
    const run = (x: string) => `<w:r>${x}</w:r>`;
    const para = `<w:p>${run('<w:fldChar w:fldCharType="begin"/>')}${run('<w:instrText> PAGE </w:instrText>')}${run('<w:fldChar w:fldCharType="separate"/>')}${run('<w:t>结果</w:t>')}${run('<w:fldChar w:fldCharType="end"/>')}<w:del>${run('<w:delText>旧</w:delText>')}</w:del>${run('<w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t>')}</w:p>`;
    expect(readDocument(doc(para)).content).toEqual([{ kind: 'text', text: '结果A B\nC' }]);
  });

  it('reads the Fallback of mc:AlternateContent only', () => {
    const mc = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
    const xml = `<w:document xmlns:w="${W}" xmlns:mc="${mc}"><w:body><w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">${'<w:txbxContent>' + p('框') + '</w:txbxContent>'}</mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p('框')}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p></w:body></w:document>`;
    expect(readDocument(xml).content).toEqual([{ kind: 'text', text: '框' }]);
  });
});
