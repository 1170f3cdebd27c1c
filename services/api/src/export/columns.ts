// The columns of a CSV or XLSX export, in order: one place, so both formats (and the page) agree.
// `key` heads the CSV (stable for scripts); `label` heads the XLSX (the form's own words, for people).
import type { IndicatorFact } from '@jixiao/db';

export interface Column {
  key: string;
  label: string;
  type: 'text' | 'number' | 'integer' | 'boolean';
  value: (row: IndicatorFact) => string | number | boolean | null;
  /** XLSX column width in characters */
  width: number;
}

const col = (key: string, label: string, type: Column['type'], value: Column['value'], width = 12): Column => ({ key, label, type, value, width });

export const EXPORT_COLUMNS: Column[] = [
  col('document_id', '文档编号', 'integer', (r) => r.documentId, 8),
  col('document_version', '版本', 'integer', (r) => r.documentVersion, 6),
  col('file_name', '文件', 'text', (r) => r.fileName, 28),
  col('organisation', '单位', 'text', (r) => r.organisation, 24),
  col('implementing_unit', '实施单位', 'text', (r) => r.implementingUnit, 20),
  col('fiscal_year', '年度', 'integer', (r) => r.fiscalYear, 6),
  col('report_kind', '类型', 'text', (r) => r.reportKind, 10),
  col('project_name', '项目名称', 'text', (r) => r.projectName, 24),
  col('level1', '一级指标', 'text', (r) => r.level1, 12),
  col('level2', '二级指标', 'text', (r) => r.level2, 14),
  col('level3', '三级指标', 'text', (r) => r.level3, 28),
  col('target_raw', '年度指标值', 'text', (r) => r.targetRaw, 16),
  col('target_op', '指标值比较', 'text', (r) => r.targetOp, 8),
  col('target_value', '指标值（数值）', 'number', (r) => r.targetValue, 10),
  col('target_unit', '指标值单位', 'text', (r) => r.targetUnit, 8),
  col('actual_raw', '实际完成值', 'text', (r) => r.actualRaw, 16),
  col('actual_value', '完成值（数值）', 'number', (r) => r.actualValue, 10),
  col('actual_unit', '完成值单位', 'text', (r) => r.actualUnit, 8),
  col('weight', '分值', 'number', (r) => r.weight, 6),
  col('score', '得分', 'number', (r) => r.score, 6),
  col('attained', '是否达成', 'boolean', (r) => r.attained, 8),
  col('deviation', '偏差原因分析及改进措施', 'text', (r) => r.deviation, 30),
  col('page', '页码', 'integer', (r) => r.page, 6),
  col('confidence', '识别置信度', 'number', (r) => r.confidence, 8),
  col('corrected', '已更正', 'boolean', (r) => r.corrected, 6),
  col('corrected_fields', '更正项', 'text', (r) => r.correctedFields?.join(' ') ?? null, 12),
  col('extracted_target_raw', '原提取指标值', 'text', (r) => r.extractedTargetRaw, 16),
  col('extracted_actual_raw', '原提取完成值', 'text', (r) => r.extractedActualRaw, 16),
  col('report_ordinal', '表序号', 'integer', (r) => r.reportOrdinal, 6),
  col('row_ordinal', '行序号', 'integer', (r) => r.rowOrdinal, 6),
  col('sha256', 'SHA-256', 'text', (r) => r.sha256, 20),
];
