// One document: the page picture on the left with the selected row's boxes drawn over it, the extracted form on
// the right (report heading, funding, indicators), warnings with their pages, versions and runs, and the
// correction panel. The page and the boxes are drawn by /assets/review.js; everything else is here.
import type { documentDetail } from '../routes/documents.ts';
import { DEFAULT_LOW_CONFIDENCE, type DocumentSummary } from '@jixiao/db';
import { html, page, withQuery, type Html } from './html.ts';
import { attainedLabel, KIND_LABELS, num, STATUS_LABELS } from './labels.ts';

type Detail = NonNullable<Awaited<ReturnType<typeof documentDetail>>>;

const hasPages = (mediaType: string | null) => mediaType === 'application/pdf' || (mediaType ?? '').startsWith('image/');

export function documentPage(d: Detail): string {
  const s = d.selected!;
  const fileUrl = `/api/documents/${d.document.id}/file?version=${s.version}`;
  const versions = d.versions.map(
    (v) => html`<li class="${v.version === s.version ? 'current-view' : ''}"><a href="/documents/${d.document.id}?version=${v.version}">第${v.version}版</a>
      ${v.fileName}${v.isCurrent ? html` <span class="tag">当前</span>` : ''}
      <span class="runs">${v.runs.map((r) => html`<span class="run ${r.status}" title="${r.errorCode ?? ''} ${r.errorMessage ?? ''}">#${r.runId} ${STATUS_LABELS[r.status] ?? r.status}</span> `)}</span></li>`,
  );
  const warnings = s.warnings.map(
    (w) => html`<li data-page="${w.page ?? ''}"><code>${w.code}</code> ${w.message}${w.page ? html` <a href="#" class="goto">第${w.page}页</a>` : ''}</li>`,
  );
  const failures = s.failures.map((f) => html`<li>第${f.version}版 #${f.runId} <code>${f.errorCode}</code> ${f.errorMessage}</li>`);
  const reports = s.reports.map((r) => reportHtml(r, s.indicators.filter((i) => i.reportOrdinal === r.ordinal)));
  const body = html`
  <div class="doc" data-document="${d.document.id}" data-version="${s.version}" data-source-file="${s.sourceFileId}" data-pages="${s.pageCount ?? ''}">
    <section class="pane page-pane">
      ${hasPages(s.mediaType)
        ? html`<div class="pagebar"><button type="button" data-step="-1">‹</button> 第 <span class="page-no">1</span> / ${s.pageCount ?? '?'} 页 <button type="button" data-step="1">›</button></div>
          <div class="sheet"><img alt="页面图像" class="page-img"><div class="hl row-box"></div><div class="hl cell-box target-box"></div><div class="hl cell-box actual-box"></div></div>`
        : html`<p class="empty">${s.mediaType ?? '此'}格式没有页面图像；请下载原文件查看。</p>`}
    </section>
    <section class="pane form-pane">
      <h1>${d.document.label}</h1>
      <p class="meta">第${s.version}版 · ${s.fileName} · ${s.mediaType ?? '未知格式'} · ${s.pageCount ?? '?'}页${s.ocr ? ' · OCR' : ''}
        · <a href="${fileUrl}">下载原文件</a> · <button type="button" class="reprocess">重新提取</button> <span class="reprocess-status"></span></p>
      <details${warnings.length ? html` open` : ''}><summary>警告 (${warnings.length})</summary><ul class="warnings">${warnings}</ul></details>
      ${failures.length ? html`<details open><summary>失败 (${failures.length})</summary><ul class="failures">${failures}</ul></details>` : ''}
      <details><summary>版本与运行 (${d.versions.length})</summary><ul class="versions">${versions}</ul></details>
      ${reports}
      ${s.reports.length === 0 ? html`<p class="empty">该版本没有提取到表格。</p>` : ''}
      <form class="correct" hidden>
        <b>更正所选行</b> <span class="row-name"></span><br>
        <label>字段 <select name="field"><option value="target">年度指标值</option><option value="actual">实际完成值</option><option value="weight">分值</option><option value="score">得分</option></select></label>
        <label>新值 <input name="value" size="16"></label>
        <button type="submit">保存</button> <button type="button" class="revert">恢复原值</button>
        <span class="correct-status"></span>
      </form>
      <details><summary>更正记录 (${s.corrections.length})</summary><ul class="history">${s.corrections.map(
        (c) => html`<li>${c.correctedAt.toISOString().slice(0, 16).replace('T', ' ')} ${c.correctedBy}：表${c.reportOrdinal + 1}第${c.rowOrdinal + 1}行 ${c.field} ${c.oldValue ?? '—'} → ${c.newValue ?? '（恢复原值）'}</li>`,
      )}</ul></details>
    </section>
  </div>`;
  return page(d.document.label, body, 'review.js');
}

type Report = Detail['selected'] extends infer S ? (S extends { reports: (infer R)[] } ? R : never) : never;
type Fact = NonNullable<Detail['selected']>['indicators'][number];

function reportHtml(r: Report, indicators: Fact[]): Html {
  const funding = r.funding.map(
    (f) => html`<tr data-page="${f.page ?? ''}" data-box="${f.box ? JSON.stringify(f.box) : ''}"><td>${f.label}</td><td class="n">${num(f.initialBudget)}</td><td class="n">${num(f.annualBudget)}</td><td class="n">${num(f.executed)}</td><td class="n">${num(f.executionRate)}</td><td class="n">${num(f.weight)}</td><td class="n">${num(f.score)}</td></tr>`,
  );
  return html`<article class="report">
    <h2>${r.title ?? KIND_LABELS[r.kind] ?? r.kind}</h2>
    <dl class="heading"><dt>单位</dt><dd>${r.organisation}</dd><dt>实施单位</dt><dd>${r.implementingUnit}</dd>
      <dt>项目名称</dt><dd>${r.projectName}</dd><dt>年度</dt><dd>${r.fiscalYear}</dd><dt>类型</dt><dd>${KIND_LABELS[r.kind] ?? r.kind}</dd>
      <dt>总分</dt><dd>${num(r.totalScore)}</dd><dt>评价等级</dt><dd>${r.grade}</dd><dt>页码</dt><dd>${r.pageFrom ?? ''}–${r.pageTo ?? ''}</dd></dl>
    ${funding.length
      ? html`<table class="grid funding"><thead><tr><th>资金</th><th>年初预算数</th><th>全年预算数</th><th>全年执行数</th><th>执行率</th><th>分值</th><th>得分</th></tr></thead><tbody>${funding}</tbody></table>`
      : ''}
    <table class="grid form-rows"><thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>是否达成</th><th>页</th></tr></thead>
    <tbody>${indicators.map((i) => indicatorRow(i))}</tbody></table>
  </article>`;
}

function indicatorRow(i: Fact): Html {
  const fields = new Set(i.correctedFields ?? []);
  const cell = (field: string, text: string, extracted: string, cls = '') =>
    html`<td class="${[cls, fields.has(field) ? 'corrected' : ''].filter(Boolean).join(' ')}" data-field="${field}"${fields.has(field) ? html` title="原提取值：${extracted}"` : ''}>${text}</td>`;
  const classes = [i.attained === false ? 'not-attained' : '', i.confidence !== null && i.confidence < DEFAULT_LOW_CONFIDENCE ? 'low-confidence' : ''].filter(Boolean).join(' ');
  return html`<tr id="row-${i.reportOrdinal}-${i.rowOrdinal}" class="${classes}" data-report="${i.reportOrdinal}" data-row="${i.rowOrdinal}" data-page="${i.page ?? ''}"
      data-box="${i.box ? JSON.stringify(i.box) : ''}" data-target-box="${i.targetBox ? JSON.stringify(i.targetBox) : ''}" data-actual-box="${i.actualBox ? JSON.stringify(i.actualBox) : ''}">
    <td>${i.level1}</td><td>${i.level2}</td><td>${i.level3}</td>
    ${cell('target', i.targetRaw, i.extractedTargetRaw)}${cell('actual', i.actualRaw, i.extractedActualRaw)}
    ${cell('weight', num(i.weight), num(i.extractedWeight), 'n')}${cell('score', num(i.score), num(i.extractedScore), 'n')}
    <td class="att">${attainedLabel(i.attained)}</td><td class="n">${i.page}</td></tr>`;
}

export function documentsPage(params: Record<string, string | undefined>, list: { total: number; rows: DocumentSummary[] }, error: string | null): string {
  const rows = list.rows.map(
    (d) => html`<tr class="${d.status === 'failed' ? 'not-attained' : d.warnings > 0 ? 'low-confidence' : ''}">
      <td><a href="/documents/${d.documentId}">${d.label}</a></td><td>第${d.version}版${d.versions > 1 ? html` / ${d.versions}` : ''}</td>
      <td>${d.organisation}</td><td>${d.fiscalYear}</td><td>${d.kind ? (KIND_LABELS[d.kind] ?? d.kind) : ''}</td>
      <td>${d.status ? (STATUS_LABELS[d.status] ?? d.status) : ''}${d.errorCode ? html` <code>${d.errorCode}</code>` : ''}</td>
      <td class="n">${d.reports}</td><td class="n">${d.indicators}</td><td class="n">${d.warnings}</td></tr>`,
  );
  const body = html`<h1>文档</h1>
  <form class="filters" method="get" action="/documents">
    <label>单位 <input name="organisation" value="${params.organisation ?? ''}" size="14"></label>
    <label>年度 <input name="fiscalYear" value="${params.fiscalYear ?? ''}" size="5"></label>
    <label>类型 <select name="kind"><option value="">全部</option>${Object.entries(KIND_LABELS).map(([k, v]) => html`<option value="${k}"${params.kind === k ? html` selected` : ''}>${v}</option>`)}</select></label>
    <label>状态 <select name="status"><option value="">全部</option>${Object.entries(STATUS_LABELS).map(([k, v]) => html`<option value="${k}"${params.status === k ? html` selected` : ''}>${v}</option>`)}</select></label>
    <label><input type="checkbox" name="hasWarnings" value="true"${params.hasWarnings === 'true' ? html` checked` : ''}> 有警告</label>
    <button type="submit">筛选</button> <a href="/documents">清除</a>
  </form>
  ${error ? html`<p class="error">${error}</p>` : ''}
  <p>${list.total} 个文档</p>
  <table class="grid"><thead><tr><th>文档</th><th>版本</th><th>单位</th><th>年度</th><th>类型</th><th>状态</th><th>表</th><th>指标</th><th>警告</th></tr></thead><tbody>${rows}</tbody></table>
  ${list.total > list.rows.length ? html`<p><a href="${withQuery('/documents', params, { offset: Number(params.offset ?? 0) + list.rows.length })}">下一页 →</a></p>` : ''}`;
  return page('文档', body);
}
