// Layout → ReportDraft[]: finds each form in the row stream (a title, or a 项目名称 block after a finished
// form, starts the next one), reads its head, funding, goals and indicator tables, total and grade.
// Format-blind: rows come from layoutRows(), which gives text, DOCX, HTML, PDF and OCR layouts one shape.
import type { Warning } from '@jixiao/contract';
import type { Layout } from '@jixiao/layout';
import type { ReconstructResult, ReportDraft } from './draft.ts';
import { compact, isNumberLike, stripColon } from './clean-text.ts';
import { FormBuilder } from './form-builder.ts';
import {
  gradeInText, gradeWord, isDateLabel, isGradeLabel, isTitle, isTotalLabel, kindFromTitle, metaField, metaInParagraph,
  organisationFromTitle, scoreText, titleText, totalInText, yearIn, type MetaField,
} from './form-labels.ts';
import { filled, layoutRows, type Row } from './rows.ts';
import { fundingHeader, goalHeader, indicatorHeader, unknownColumnWarnings, type IndicatorHeader } from './table-headers.ts';
import { resolveColumns } from './resolve-columns.ts';
import { projectRow } from './project-row.ts';
import { totalScoreOf } from './total-row.ts';

const ORG_RANK: Partial<Record<MetaField | 'title', number>> = { organisation: 1, supervisor: 2, title: 3, reportingUnit: 4, centralSupervisor: 5 };

export function reconstruct(layout: Layout): ReconstructResult {
  const rows = layoutRows(layout);
  const reports: ReportDraft[] = [];
  const warnings: Warning[] = [];
  let form: FormBuilder | null = null;
  let prevParagraph: string | null = null;
  // a year line printed over a form whose title the title test does not know (`…资金绩效目标自评` ⏎ `（2021年度）`)
  let yearLine: number | null = null;

  const finish = (): void => {
    if (form && form.hasContent()) reports.push(finalise(form));
    form = null;
  };
  const current = (): FormBuilder => {
    if (!form) {
      form = new FormBuilder();
      form.draft.fiscalYear = yearLine;
    }
    yearLine = null;
    return form;
  };

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const cells = filled(row);
    if (cells.length === 0) continue;
    const first = cells[0]!.text;
    const paragraph = row.table === null ? first : null;

    if (cells.length === 1 && isTitle(first)) {
      if (!form || form.hasContent() || form.draft.title) {
        finish();
        form = new FormBuilder();
      }
      yearLine = null;
      let title = first;
      // a title broken over two paragraphs: `临湘市 2021 年度部门（单位）整体支出` ⏎ `绩效评价自评报告` (seed 001)
      if (kindFromTitle(title) === 'unknown' && prevParagraph && kindFromTitle(prevParagraph + title) !== 'unknown') title = compact(prevParagraph + title) === '' ? title : joinTitle(prevParagraph, title);
      setTitle(form, title);
      form.notePage(row.page);
      prevParagraph = paragraph;
      continue;
    }
    prevParagraph = paragraph;

    if (paragraph !== null) {
      const meta = metaInParagraph(paragraph);
      if (meta && !isDateLabel(paragraph)) {
        if (isFormStart(meta.field) && form?.hasContent()) finish();
        setMeta(current(), meta.field, meta.value);
        current().notePage(row.page);
        continue;
      }
    }
    if (paragraph !== null && !form?.hasContent()) yearLine = yearLineOf(paragraph) ?? yearLine;
    if (!form && !cells.some((c) => metaField(c.text))) continue; // narrative before the first form
    // a 项目名称 row after a finished form opens the next form (seed 004's forms without a title)
    if (form?.hasContent() && cells.some((c) => isFormStart(metaField(c.text) ?? 'organisation'))) finish();
    const f = current();
    f.notePage(row.page); // the form spans every page a row of it sits on (PDF cell pages)
    if (!f.hasContent() && f.draft.fiscalYear === null && !cells.some((c) => isDateLabel(c.text))) {
      for (const c of cells) f.draft.fiscalYear ??= yearIn(c.text);
    }
    if (/单位[:：]\s*(万元|元|亿元)/.test(first)) f.unitHint = /(万元|亿元|元)/.exec(first)![1]!;

    // the form's head: label cells followed by their values
    const metas = cells.filter((c) => metaField(c.text));
    if (metas.length && f.section !== 'indicators') {
      readMetaCells(f, cells);
      noteKindFromRow(f, cells);
      continue;
    }
    noteKindFromRow(f, cells);

    const ind = indicatorHeader(row);
    if (ind) {
      resolveColumns(ind, row, tableRowsAfter(rows, i, ind));
      f.startIndicators(ind, row);
      addWarnings(f, unknownColumnWarnings('indicator', ind.unknown, row.table));
      continue;
    }
    const fund = fundingHeader(row);
    if (fund) {
      f.funding = fund;
      f.section = 'funding';
      addWarnings(f, unknownColumnWarnings('funding', fund.unknown, row.table));
      continue;
    }
    const goals = goalHeader(row);
    if (goals && f.section !== 'indicators') {
      f.goals = goals;
      f.section = 'goals';
      continue;
    }

    // a grade label beside its value anywhere in a row (`分总 | 100 | 98.7 | 自评等级 | 优`), or in a sentence
    cells.forEach((c, k) => {
      if (isGradeLabel(c.text) && cells[k + 1]) f.draft.grade ??= gradeWord(cells[k + 1]!.text);
      f.draft.grade ??= gradeInText(c.text);
    });
    if (isTotalLabel(first) && f.section !== 'funding') {
      readTotal(f, row);
      f.section = 'none';
      continue;
    }
    if (f.pendingTotal) {
      const n = cells.find((c) => isNumberLike(scoreText(c.text)));
      if (n && cells.length === 1) f.draft.totalScore = scoreText(n.text);
      f.pendingTotal = false;
    }
    if (isGradeLabel(first)) {
      const value = cells[1]?.text ?? '';
      f.draft.grade ??= gradeWord(value) ?? (value || null);
      f.section = 'none';
      continue;
    }
    // a total sentence under the table (`绩效自评总分：92分`) where no total row printed one
    for (const c of cells) {
      if (f.draft.totalScore === null && !f.totalRead) f.draft.totalScore = totalInText(c.text);
    }
    if (/(结论|^说明$|^备注$|评价人员|^注[:：])/.test(compact(first)) && f.section !== 'funding') {
      f.section = 'none';
      continue;
    }

    if (f.section === 'funding' && !f.fundingRow(row)) f.section = 'none';
    else if (f.section === 'goals' && !f.goalRow(row)) f.section = 'none';
    else if (f.section === 'indicators') f.indicatorRow(row);
  }
  finish();
  return { reports, warnings };
}

/** The data rows under an indicator header, for reading its columns' contents: up to a total row or the next header. */
function tableRowsAfter(rows: Row[], i: number, h: IndicatorHeader): Row[] {
  const out: Row[] = [];
  for (let j = i + 1; j < rows.length && out.length < 80; j++) {
    const r = rows[j]!;
    if (r.table === null) continue;
    const first = filled(r)[0]?.text ?? '';
    if (isTotalLabel(first) || isGradeLabel(first) || indicatorHeader(r)) break;
    out.push({ ...r, cells: projectRow(r, h.columns) });
  }
  return out;
}

/** `（2021年度）`, `(2021 年度)`: a line that is nothing but the year evaluated. */
function yearLineOf(text: string): number | null {
  const m = /^[(（]\s*(20\d{2})\s*年度?\s*[)）]$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

function joinTitle(a: string, b: string): string {
  return `${a} ${b}`.replace(/\s+/g, ' ').trim();
}

function isFormStart(field: MetaField): boolean {
  return field === 'projectName' || field === 'transferName';
}

function setTitle(f: FormBuilder, printed: string): void {
  const title = titleText(printed);
  f.draft.fiscalYear ??= yearIn(printed);
  f.draft.title = title;
  const kind = kindFromTitle(title);
  if (kind !== 'unknown') f.draft.kind = kind;
  f.draft.fiscalYear ??= yearIn(title);
  const org = organisationFromTitle(title);
  if (org) f.orgCandidates.push({ rank: ORG_RANK.title!, value: org });
}

function setMeta(f: FormBuilder, field: MetaField, value: string): void {
  const v = stripColon(value).trim();
  if (!v) return;
  switch (field) {
    case 'implementingUnit':
      f.draft.implementingUnit ??= v;
      break;
    case 'projectName':
    case 'transferName':
      f.draft.projectName ??= v;
      f.kindHint = field === 'transferName' ? 'transfer_payment' : 'project';
      break;
    default:
      f.orgCandidates.push({ rank: ORG_RANK[field] ?? 9, value: v });
      if (field === 'centralSupervisor') f.kindHint = 'transfer_payment';
      if (field === 'organisation' && f.kindHint === 'unknown') f.kindHint = 'department';
  }
}

/** Label cells take the next printed cell to their right that is not itself a label. */
function readMetaCells(f: FormBuilder, cells: { col: number; text: string }[]): void {
  cells.forEach((c, k) => {
    // `项目名称 | … | 自评总分 | 97.87`: a total printed in the head instead of a last row
    if (isTotalLabel(c.text) && isNumberLike(scoreText(cells[k + 1]?.text ?? ''))) f.draft.totalScore ??= scoreText(cells[k + 1]!.text);
    const field = metaField(c.text);
    if (!field) return;
    const next = cells[k + 1];
    if (!next || metaField(next.text) || /[:：]$/.test(next.text)) return;
    setMeta(f, field, next.text);
  });
}

function noteKindFromRow(f: FormBuilder, cells: { text: string }[]): void {
  if (f.kindHint !== 'unknown') return;
  const c = compact(cells[0]?.text ?? '');
  if (/^(转移支付名称|中央主管部门|资金投入情况)/.test(c)) f.kindHint = 'transfer_payment';
  else if (/^(项目名称|项目资金)/.test(c)) f.kindHint = 'project';
  else if (/^(部门名称|预算执行情况)|整体支出/.test(c)) f.kindHint = 'department';
}

function readTotal(f: FormBuilder, row: Row): void {
  const total = totalScoreOf(row, f.indicators);
  f.draft.totalScore = total.score;
  f.pendingTotal = !total.printed;
  f.totalRead = total.printed;
}

function addWarnings(f: FormBuilder, ws: Warning[]): void {
  for (const w of ws) if (!f.draft.warnings.some((x) => x.message === w.message)) f.draft.warnings.push(w);
}

function finalise(f: FormBuilder): ReportDraft {
  const d = f.draft;
  if (d.kind === 'unknown') d.kind = f.kindHint;
  const best = [...f.orgCandidates].sort((a, b) => a.rank - b.rank)[0];
  d.organisation = best?.value ?? null;
  return d;
}
