// The form's own words, for the page's headings and values.
export const KIND_LABELS: Record<string, string> = {
  department: '部门整体支出',
  project: '项目支出',
  transfer_payment: '转移支付',
  unknown: '未识别',
};

export const ATTAINED_LABELS = { yes: '达成', no: '未达成', unknown: '无法判断' } as const;

export const attainedLabel = (a: boolean | null) => (a === true ? ATTAINED_LABELS.yes : a === false ? ATTAINED_LABELS.no : ATTAINED_LABELS.unknown);

export const STATUS_LABELS: Record<string, string> = { queued: '排队', processing: '处理中', done: '完成', failed: '失败' };

export const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(Math.round(n * 100) / 100));
