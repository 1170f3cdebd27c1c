// The form's head fields: the label cells (部门名称, 项目名称, 主管部门 …) and the values printed after them, the
// organisation candidates they give, and the family their words hint at where the title names none.
import { compact, isNumberLike, stripColon } from './clean-text.ts';
import type { FormBuilder } from './form-builder.ts';
import { isTotalLabel, metaField, scoreText, type MetaField } from './form-labels.ts';

export const ORG_RANK: Partial<Record<MetaField | 'title', number>> = { organisation: 1, supervisor: 2, title: 3, reportingUnit: 4, centralSupervisor: 5 };

export function isFormStart(field: MetaField): boolean {
  return field === 'projectName' || field === 'transferName';
}

export function setMeta(f: FormBuilder, field: MetaField, value: string): void {
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
export function readMetaCells(f: FormBuilder, cells: { col: number; text: string }[]): void {
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

export function noteKindFromRow(f: FormBuilder, cells: { text: string }[]): void {
  if (f.kindHint !== 'unknown') return;
  const c = compact(cells[0]?.text ?? '');
  if (/^(转移支付名称|中央主管部门|资金投入情况)/.test(c)) f.kindHint = 'transfer_payment';
  else if (/^(项目名称|项目资金)/.test(c)) f.kindHint = 'project';
  else if (/^(部门名称|预算执行情况)|整体支出/.test(c)) f.kindHint = 'department';
}
