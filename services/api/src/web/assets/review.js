// jixiao review page: the analyst's name and token (kept in this browser), the page picture with the selected
// row's boxes, corrections and re-extraction. Plain JavaScript, no build step.
(() => {
  'use strict';
  const who = document.getElementById('who');
  if (who) {
    for (const name of ['by', 'token']) {
      who.elements[name].value = localStorage.getItem('jixiao.' + name) || '';
      who.elements[name].addEventListener('change', (e) => localStorage.setItem('jixiao.' + name, e.target.value.trim()));
    }
    who.addEventListener('submit', (e) => e.preventDefault());
  }
  const auth = () => {
    const token = localStorage.getItem('jixiao.token');
    return token ? { authorization: 'Bearer ' + token } : {};
  };

  const doc = document.querySelector('.doc');
  if (!doc) return;
  const documentId = doc.dataset.document;
  const version = doc.dataset.version;
  const sourceFileId = Number(doc.dataset.sourceFile);
  const pageCount = Number(doc.dataset.pages) || 1;
  const img = doc.querySelector('.page-img');
  const pageNo = doc.querySelector('.page-no');
  let page = 0;
  let size = null; // the page in box coordinates (points)
  let selected = null;

  async function showPage(n) {
    if (!img || !n || n === page || n < 1 || n > pageCount) return;
    page = n;
    pageNo.textContent = String(n);
    img.removeAttribute('src');
    const res = await fetch(`/api/documents/${documentId}/pages/${n}?version=${version}`);
    if (!res.ok) {
      img.alt = (await res.json().catch(() => ({}))).message || '无法显示此页';
      return;
    }
    size = { w: Number(res.headers.get('x-page-width')), h: Number(res.headers.get('x-page-height')) };
    const url = URL.createObjectURL(await res.blob());
    img.onload = () => URL.revokeObjectURL(url);
    img.src = url;
    img.dataset.page = String(n);
    drawBoxes();
  }

  // boxes are placed in percent of the page, so they follow the picture at any width
  function place(el, box) {
    if (!el) return;
    if (!box || !size || !size.w) return void (el.style.display = 'none');
    Object.assign(el.style, {
      display: 'block',
      left: (box.x0 / size.w) * 100 + '%',
      top: (box.y0 / size.h) * 100 + '%',
      width: ((box.x1 - box.x0) / size.w) * 100 + '%',
      height: ((box.y1 - box.y0) / size.h) * 100 + '%',
    });
  }
  const boxOf = (tr, key) => (tr && tr.dataset[key] ? JSON.parse(tr.dataset[key]) : null);
  function drawBoxes() {
    const onPage = selected && Number(selected.dataset.page) === page;
    place(doc.querySelector('.row-box'), onPage ? boxOf(selected, 'box') : null);
    place(doc.querySelector('.target-box'), onPage ? boxOf(selected, 'targetBox') : null);
    place(doc.querySelector('.actual-box'), onPage ? boxOf(selected, 'actualBox') : null);
    if (onPage && boxOf(selected, 'box')) {
      const hl = doc.querySelector('.row-box');
      const pane = doc.querySelector('.page-pane');
      requestAnimationFrame(() => pane.scrollTo({ top: Math.max(0, hl.offsetTop - 80), behavior: 'instant' }));
    }
  }

  const form = doc.querySelector('form.correct');
  function select(tr) {
    if (selected) selected.classList.remove('selected');
    selected = tr;
    tr.classList.add('selected');
    history.replaceState(null, '', '#' + tr.id);
    form.hidden = false;
    form.querySelector('.row-name').textContent = [...tr.cells].slice(0, 3).map((c) => c.textContent).filter(Boolean).join(' / ');
    form.querySelector('.correct-status').textContent = '';
    fillValue();
    const p = Number(tr.dataset.page);
    if (p && p !== page) showPage(p);
    else drawBoxes();
  }
  function fillValue() {
    if (!selected) return;
    const cell = selected.querySelector(`td[data-field="${form.elements.field.value}"]`);
    form.elements.value.value = cell ? cell.textContent : '';
  }

  for (const tr of doc.querySelectorAll('.form-rows tbody tr')) tr.addEventListener('click', () => select(tr));
  for (const tr of doc.querySelectorAll('.funding tbody tr')) tr.addEventListener('click', () => showPage(Number(tr.dataset.page)));
  for (const li of doc.querySelectorAll('.warnings li[data-page]'))
    li.querySelector('.goto')?.addEventListener('click', (e) => (e.preventDefault(), showPage(Number(li.dataset.page))));
  for (const b of doc.querySelectorAll('.pagebar button')) b.addEventListener('click', () => showPage(page + Number(b.dataset.step)));
  form.elements.field.addEventListener('change', fillValue);

  async function correct(value) {
    const status = form.querySelector('.correct-status');
    const by = localStorage.getItem('jixiao.by');
    if (!by) return void (status.textContent = '请先在右上角填写更正人');
    const body = { sourceFileId, reportOrdinal: Number(selected.dataset.report), rowOrdinal: Number(selected.dataset.row), field: form.elements.field.value, value, by };
    const res = await fetch('/api/corrections', { method: 'POST', headers: { 'content-type': 'application/json', ...auth() }, body: JSON.stringify(body) });
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) return void (status.textContent = answer.message || '保存失败');
    const row = answer.row;
    const set = (field, text, original) => {
      const td = selected.querySelector(`td[data-field="${field}"]`);
      td.textContent = text;
      const changed = (row.correctedFields || []).includes(field);
      td.classList.toggle('corrected', changed);
      td.title = changed ? '原提取值：' + original : '';
    };
    const num = (n) => (n === null || n === undefined ? '' : String(Math.round(n * 100) / 100));
    set('target', row.targetRaw, row.extractedTargetRaw);
    set('actual', row.actualRaw, row.extractedActualRaw);
    set('weight', num(row.weight), num(row.extractedWeight));
    set('score', num(row.score), num(row.extractedScore));
    selected.querySelector('td.att').textContent = row.attained === true ? '达成' : row.attained === false ? '未达成' : '无法判断';
    selected.classList.toggle('not-attained', row.attained === false);
    status.textContent = '已保存';
  }
  form.addEventListener('submit', (e) => (e.preventDefault(), correct(form.elements.value.value)));
  form.querySelector('.revert').addEventListener('click', () => correct(null));

  const reprocess = doc.querySelector('button.reprocess');
  reprocess?.addEventListener('click', async () => {
    const status = doc.querySelector('.reprocess-status');
    status.textContent = '已提交…';
    const res = await fetch(`/api/documents/${documentId}/reprocess`, { method: 'POST', headers: auth() });
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) return void (status.textContent = answer.message || '提交失败');
    const ids = answer.runs.map((r) => r.runId);
    for (;;) {
      const states = await Promise.all(ids.map((id) => fetch('/api/runs/' + id).then((r) => r.json())));
      if (states.every((s) => s.status === 'done' || s.status === 'failed')) break;
      status.textContent = '提取中…';
      await new Promise((r) => setTimeout(r, 500));
    }
    status.textContent = '完成';
    location.reload();
  });

  const fromHash = location.hash && document.getElementById(location.hash.slice(1));
  const first = fromHash || doc.querySelector('.form-rows tbody tr');
  if (fromHash) select(fromHash);
  else if (first) showPage(Number(first.dataset.page) || 1);
  else showPage(1);
  // once fonts and the page picture have settled, bring the row from the link into view beside its page
  if (fromHash) window.addEventListener('load', () => fromHash.scrollIntoView({ block: 'center' }), { once: true });
})();
