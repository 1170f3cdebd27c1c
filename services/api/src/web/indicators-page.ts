// The indicator table: filters as a plain GET form, counts that are links to their own filter, sortable headings,
// pages of 100; not-attained and low-confidence rows stand out. Works without JavaScript.
import type { IndicatorCounts, IndicatorFact } from '@jixiao/db';
import { DEFAULT_LOW_CONFIDENCE } from '@jixiao/db';
import { html, page, withQuery, type Html } from './html.ts';
import { attainedLabel, KIND_LABELS, num } from './labels.ts';

export interface IndicatorsView {
  params: Record<string, string | undefined>;
  error: string | null;
  counts: IndicatorCounts;
  rows: IndicatorFact[];
  limit: number;
  offset: number;
  facets: { organisations: string[]; fiscalYears: number[]; level1: string[]; level2: string[] };
}

const select = (name: string, label: string, value: string | undefined, options: [string, string][]) =>
  html`<label>${label} <select name="${name}"><option value="">全部</option>${options.map(
    ([v, text]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${text}</option>`,
  )}</select></label>`;

export function indicatorsPage(v: IndicatorsView): string {
  const p = v.params;
  const threshold = Number(p.confidenceBelow ?? DEFAULT_LOW_CONFIDENCE);
  const sortLink = (key: string, label: string) => {
    const active = p.sort === key;
    const order = active && p.order !== 'desc' ? 'desc' : 'asc';
    return html`<a class="sort${active ? ' active' : ''}" href="${withQuery('/', p, { sort: key, order, offset: undefined })}">${label}${active ? (p.order === 'desc' ? ' ↓' : ' ↑') : ''}</a>`;
  };
  const count = (label: string, n: number, changes: Record<string, string | undefined>, cls: string) =>
    html`<a class="count ${cls}" href="${withQuery('/', p, { ...changes, offset: undefined })}">${label} <b>${n}</b></a>`;
  const filters = html`<form class="filters" method="get" action="/">
    <label>单位 <input name="organisation" value="${p.organisation ?? ''}" list="orgs" size="14"></label>
    <datalist id="orgs">${v.facets.organisations.map((o) => html`<option value="${o}">`)}</datalist>
    ${select('fiscalYear', '年度', p.fiscalYear, v.facets.fiscalYears.map((y) => [String(y), String(y)]))}
    ${select('kind', '类型', p.kind, Object.entries(KIND_LABELS))}
    <label>项目 <input name="project" value="${p.project ?? ''}" size="12"></label>
    ${select('level1', '一级指标', p.level1, v.facets.level1.map((x) => [x, x]))}
    ${select('level2', '二级指标', p.level2, v.facets.level2.map((x) => [x, x]))}
    ${select('attained', '是否达成', p.attained, [['yes', '达成'], ['no', '未达成'], ['unknown', '无法判断']])}
    <label><input type="checkbox" name="lowConfidence" value="true"${p.lowConfidence === 'true' ? html` checked` : ''}> 低置信度</label>
    <label>三级指标 <input name="q" value="${p.q ?? ''}" size="12" placeholder="搜索"></label>
    <button type="submit">筛选</button> <a href="/">清除</a>
  </form>`;
  const rows = v.rows.map((r) => rowHtml(r, threshold));
  const last = Math.min(v.offset + v.limit, v.counts.total);
  const exportLink = (format: string, label: string) =>
    html`<a class="button" href="${withQuery('/api/export', { ...p, sort: undefined, order: undefined, offset: undefined, limit: undefined }, { format })}" download>${label}</a>`;
  const body = html`
  <h1>绩效指标</h1>
  ${filters}
  ${v.error ? html`<p class="error">${v.error}</p>` : ''}
  <div class="counts">
    ${count('全部', v.counts.total, { attained: undefined, lowConfidence: undefined }, 'all')}
    ${count('达成', v.counts.attained, { attained: 'yes' }, 'ok')}
    ${count('未达成', v.counts.notAttained, { attained: 'no' }, 'bad')}
    ${count('无法判断', v.counts.unknown, { attained: 'unknown' }, 'unknown')}
    ${count('低置信度', v.counts.lowConfidence, { lowConfidence: 'true' }, 'low')}
    <span class="count corrected">已更正 <b>${v.counts.corrected}</b></span>
    <span class="exports">导出 ${exportLink('csv', 'CSV')} ${exportLink('xlsx', 'Excel')} ${exportLink('json', 'JSON')}</span>
  </div>
  <table class="grid indicators">
    <thead><tr>
      <th>${sortLink('organisation', '单位')}</th><th>${sortLink('fiscalYear', '年度')}</th><th>${sortLink('project', '项目名称')}</th>
      <th>${sortLink('level1', '一级指标')}</th><th>${sortLink('level2', '二级指标')}</th><th>${sortLink('level3', '三级指标')}</th>
      <th>年度指标值</th><th>实际完成值</th><th>${sortLink('weight', '分值')}</th><th>${sortLink('score', '得分')}</th>
      <th>${sortLink('attained', '是否达成')}</th><th>${sortLink('confidence', '置信度')}</th><th>${sortLink('file', '来源')}</th>
    </tr></thead>
    <tbody>${rows}</tbody>
  </table>
  ${v.rows.length === 0 ? html`<p class="empty">没有符合条件的指标。</p>` : ''}
  <nav class="pager">
    ${v.offset > 0 ? html`<a href="${withQuery('/', p, { offset: Math.max(0, v.offset - v.limit) })}">← 上一页</a>` : ''}
    <span>${v.counts.total === 0 ? 0 : v.offset + 1}–${last} / ${v.counts.total}</span>
    ${last < v.counts.total ? html`<a href="${withQuery('/', p, { offset: v.offset + v.limit })}">下一页 →</a>` : ''}
  </nav>`;
  return page('绩效指标', body);
}

function rowHtml(r: IndicatorFact, threshold: number): Html {
  const classes = [r.attained === false ? 'not-attained' : '', r.confidence !== null && r.confidence < threshold ? 'low-confidence' : '', r.corrected ? 'corrected' : '']
    .filter(Boolean)
    .join(' ');
  const fields = new Set(r.correctedFields ?? []);
  const mark = (f: string) => (fields.has(f) ? html`<span class="mark" title="已更正">✎</span>` : '');
  const href = `/documents/${r.documentId}?version=${r.documentVersion}#row-${r.reportOrdinal}-${r.rowOrdinal}`;
  return html`<tr class="${classes}">
    <td>${r.organisation}</td><td>${r.fiscalYear}</td><td>${r.projectName}</td>
    <td>${r.level1}</td><td>${r.level2}</td><td>${r.level3}</td>
    <td>${r.targetRaw}${mark('target')}</td><td>${r.actualRaw}${mark('actual')}</td>
    <td class="n">${num(r.weight)}${mark('weight')}</td><td class="n">${num(r.score)}${mark('score')}</td>
    <td class="att">${attainedLabel(r.attained)}</td><td class="n">${r.confidence === null ? '' : r.confidence.toFixed(2)}</td>
    <td><a href="${href}" title="${r.fileName}">第${r.page ?? '?'}页</a></td>
  </tr>`;
}
