// The words around a form's tables: titles, the label cells of its head (部门名称, 项目名称 …), totals and
// grades. Each is read from the row it sits in; nothing here knows which table the row belongs to.
import type { ReportKind } from '@jixiao/contract';
import { compact, numberCell, stripColon } from './clean-text.ts';
import { ROW_LABELS } from './header-vocabulary.ts';

const TOTAL_WORDS = new Set(ROW_LABELS.total.map(compact));
const GRADE_WORDS = new Set(ROW_LABELS.grade.map(compact));

/** A form title: `项目支出绩效自评表`, `整体支出绩效自评表`, `…转移支付整体绩效自评表`, `2021年部门整体支出绩效自评报告`. */
export function isTitle(text: string): boolean {
  const c = compact(titleText(text));
  // `…资金绩效目标自评` (no 表): the form's title all the same, over its `（2021年度）` line
  return c.length <= 60 && /(绩效自评表|绩效自评报告|绩效评价自评报告|绩效自评情况表|绩效目标自评表|绩效目标自评)$/.test(c);
}

/**
 * The title without the year line a reader ran into it: `项目支出绩效自评表（2023年度）` (a PDF paragraph
 * holding both lines) is the title `项目支出绩效自评表` over the year 2023.
 */
export function titleText(text: string): string {
  return text.replace(/\s*[(（]\s*20\d{2}\s*年度?\s*[)）]\s*$/, '').trim();
}

export function kindFromTitle(text: string): ReportKind {
  const c = compact(text);
  if (/转移支付/.test(c)) return 'transfer_payment';
  if (/项目支出|项目绩效|项目自评/.test(c)) return 'project';
  if (/整体支出|部门整体|单位整体|部门\(单位\)整体|部门绩效/.test(c)) return 'department';
  return 'unknown';
}

/** The unit printing the form, where the title starts with it: `乌海市医疗保障局转移支付整体绩效自评表`. */
export function organisationFromTitle(text: string): string | null {
  const c = compact(text).replace(/^\d{4}年度?/, '');
  const m = /^(.+?(?:局|委员会|委|办公室|院|中心|厅|部|政府|所|站|馆|队|会|处|署|社|学校|医院))(?=\d{4}|转移支付|项目支出|整体支出|部门整体|绩效)/.exec(c);
  return m ? m[1]! : null;
}

/** `(2021年度)`, `2021 年度`, `2021年部门整体支出…` → 2021. Filing dates are excluded by the caller. */
export function yearIn(text: string): number | null {
  const c = compact(text);
  const m = /(20\d{2})年度/.exec(c) ?? /(20\d{2})年(?:部门|项目|单位|整体|转移支付|度)/.exec(c);
  return m ? Number(m[1]) : null;
}

export function isDateLabel(text: string): boolean {
  return /(填报|报告|报送|编制|打印|制表)(日期|时间)|日期/.test(compact(text));
}

export type MetaField = 'organisation' | 'supervisor' | 'centralSupervisor' | 'implementingUnit' | 'projectName' | 'transferName' | 'reportingUnit';

const META_LABELS: [RegExp, MetaField][] = [
  [/^(部门|单位|部门\(单位\)|预算部门|预算单位)名称$/, 'organisation'],
  [/^中央主管部门$/, 'centralSupervisor'],
  [/^(主管部门|主管单位|项目主管部门|地方主管部门|本级主管部门)$/, 'supervisor'],
  [/^(实施单位|项目实施单位)$/, 'implementingUnit'],
  [/^项目名称$/, 'projectName'],
  [/^转移支付(项目)?名称$/, 'transferName'],
  [/^填报单位(\(盖章\))?$/, 'reportingUnit'],
];

export function metaField(text: string): MetaField | null {
  const c = stripColon(compact(text));
  for (const [re, field] of META_LABELS) if (re.test(c)) return field;
  return null;
}

/** `部门名称：北京市…` / `部门(单位)名称     临湘市…` printed as one paragraph. */
export function metaInParagraph(text: string): { field: MetaField; value: string } | null {
  const m = /^\s*([^\s:：]{2,12}?(?:名称|部门|单位))\s*[:：]?\s+(.+)$/.exec(text) ?? /^\s*([^\s:：]{2,12}?(?:名称|部门|单位))[:：]\s*(.*)$/.exec(text);
  if (!m) return null;
  const field = metaField(m[1]!);
  const value = m[2]!.trim();
  return field && value ? { field, value } : null;
}

/** Rows that close the indicator table with the form's total. */
export function isTotalLabel(text: string): boolean {
  return TOTAL_WORDS.has(stripColon(compact(text)));
}

export function isGradeLabel(text: string): boolean {
  return GRADE_WORDS.has(stripColon(compact(text)));
}

const GRADE = '(优秀|优|良好|良|合格|中等|中|及格|一般|较差|差|不合格)';

/** A grade word standing alone in a cell. */
export function gradeWord(text: string): string | null {
  const m = new RegExp(`^${GRADE}$`).exec(compact(text));
  return m ? m[1]! : null;
}

/** A grade inside prose: `整体绩效自评等级为优。`, `评价等次：优秀`; not a legend `优秀（90（含）-100分）`. */
export function gradeInText(text: string): string | null {
  const m = new RegExp(`(?:等级|等次)(?:为|是|:|：|评定为)\\s*["“”'‘’「『]?${GRADE}["“”'‘’」』]?(?![（(\\d\\u4e00-\\u9fff])`).exec(compact(text));
  return m ? m[1]! : null;
}

/** `绩效自评总分：92分` in prose. */
export function totalInText(text: string): string | null {
  const m = /(?:自评总分|自评综合得分|自评得分)[:：]\s*(\d+(?:\.\d+)?)\s*分?/.exec(compact(text));
  return m ? m[1]! : null;
}

/** `92分` → `92`: the unit word printed after a score. */
export function scoreText(text: string): string {
  return numberCell(text.replace(/\s*分$/, '').trim());
}
