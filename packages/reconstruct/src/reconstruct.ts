// Layout → ReportDraft[]: finds each form in the row stream (a title, or a 项目名称 block after a finished
// form, starts the next one), reads its head, funding, goals and indicator tables, total and grade.
// Format-blind: rows come from layoutRows(), which gives text, DOCX, HTML, PDF and OCR layouts one shape.
import type { Warning } from '@jixiao/contract';
import type { Layout } from '@jixiao/layout';
import type { ReconstructResult, ReportDraft } from './draft.ts';
import { compact } from './clean-text.ts';
import { FormBuilder } from './form-builder.ts';
import { isDateLabel, isTitle, kindFromTitle, metaField, metaInParagraph, organisationFromTitle, titleText, yearIn } from './form-labels.ts';
import { isFormStart, noteKindFromRow, ORG_RANK, setMeta } from './head-fields.ts';
import { filled, layoutRows } from './rows.ts';
import { headFields, TABLE_SECTIONS, totalsAndGrade } from './section-readers.ts';

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

    const ctx = { rows, at: i, cells };
    if (headFields.open(f, row, ctx)) continue;
    noteKindFromRow(f, cells);
    if (Object.values(TABLE_SECTIONS).some((reader) => reader.open(f, row, ctx))) continue;
    if (totalsAndGrade.open(f, row, ctx)) continue;
    if (f.section !== 'none' && !TABLE_SECTIONS[f.section].read(f, row)) f.section = 'none';
  }
  finish();
  return { reports, warnings };
}

/** `（2021年度）`, `(2021 年度)`: a line that is nothing but the year evaluated. */
function yearLineOf(text: string): number | null {
  const m = /^[(（]\s*(20\d{2})\s*年度?\s*[)）]$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

function joinTitle(a: string, b: string): string {
  return `${a} ${b}`.replace(/\s+/g, ' ').trim();
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

function finalise(f: FormBuilder): ReportDraft {
  const d = f.draft;
  if (d.kind === 'unknown') d.kind = f.kindHint;
  const best = [...f.orgCandidates].sort((a, b) => a.rank - b.rank)[0];
  d.organisation = best?.value ?? null;
  return d;
}
