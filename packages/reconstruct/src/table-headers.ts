// Header rows → column maps, by header words in any order. Unknown words are skipped with a warning
// quoting them (never mapped by position); repeated page headers are recognised by the same test.
import { WarningCode, type Warning } from '@jixiao/contract';
import { compact } from './clean-text.ts';
import type { ColumnMap } from './align-row.ts';
import {
  FUNDING_HEADERS, GOAL_HEADERS, INDICATOR_HEADERS, SUB_HEADER_WORDS, headerField, headerUnit,
  type FundingField, type GoalField, type IndicatorField,
} from './header-vocabulary.ts';
import type { Row } from './rows.ts';
import { headerColumns, type HeaderColumn } from './project-row.ts';
import { filled } from './rows.ts';

export interface IndicatorHeader {
  map: ColumnMap;
  /** every column with a header word (known, ignored or unknown): cells under them are not lost */
  headed: Set<number>;
  unknown: string[];
  /** the header cells' extents, to read rows whose grid drifted from the header's (joined PDF pages) */
  columns: HeaderColumn[];
  /** the header row's text per column: a caption merged down from it into the data rows is not data */
  captions: string[];
}

const VALUE_FIELDS: IndicatorField[] = ['level1', 'level2', 'level3', 'levels', 'target', 'actual', 'weight', 'score', 'deviation'];

export function indicatorHeader(row: Row): IndicatorHeader | null {
  const cells = filled(row);
  const map: ColumnMap = {};
  const headed = new Set<number>();
  const unknown: string[] = [];
  let fields = 0;
  for (const { col, text } of cells) {
    const f = headerField(INDICATOR_HEADERS, text);
    headed.add(col);
    if (!f) {
      unknown.push(text);
      continue;
    }
    if (f === 'ignore' || map[f] !== undefined) continue;
    map[f] = col;
    if (VALUE_FIELDS.includes(f)) fields++;
  }
  const hasRowKey = map.level1 !== undefined || map.level2 !== undefined || map.level3 !== undefined || map.levels !== undefined;
  if (fields < 3 || !hasRowKey || (map.target === undefined && map.actual === undefined && map.score === undefined)) return null;
  return { map, headed, unknown, columns: headerColumns(row), captions: row.cells.map((c) => c.text) };
}

/**
 * A header printed over two lines (年度指标值 over 年初 / 调整后): when the next row holds nothing but second-line
 * words, the header row with each such column named `group(word)`, its group the header cell above it (or, in a
 * text export that leaves a merged cell's later columns empty, the nearest header to its left). Null otherwise.
 */
export function withSecondLine(row: Row, next: Row | undefined): Row | null {
  if (!next || next.table === null || next.table !== row.table) return null;
  const subs = filled(next);
  if (subs.length === 0 || !subs.every((c) => SUB_HEADER_WORDS.includes(compact(c.text)))) return null;
  const cells = [...row.cells];
  for (const { col, text } of subs) {
    const group = row.cells.slice(0, col + 1).reverse().find((c) => c.text !== '')?.text;
    if (!group || !next.cells[col]) return null;
    cells[col] = { ...next.cells[col]!, text: `${compact(group)}(${compact(text)})`, anchored: true };
  }
  return { ...row, cells };
}

export interface FundingHeader {
  cols: Map<number, FundingField>;
  unit: string | null;
  /** the header's own label text (`部门预算金额`), used where a data row prints no label */
  label: string | null;
  firstAmountCol: number;
  unknown: string[];
  unknownCols: Map<number, string>;
  table: number | null;
}

const AMOUNT_FIELDS: FundingField[] = ['initialBudget', 'annualBudget', 'executed', 'executionRate'];

export function fundingHeader(row: Row): FundingHeader | null {
  const cols = new Map<number, FundingField>();
  const unknown: string[] = [];
  const unknownCols = new Map<number, string>();
  let unit: string | null = null;
  let label: string | null = null;
  let budgets = 0;
  let amounts = 0;
  for (const { col, text } of filled(row)) {
    unit ??= headerUnit(text);
    const f = headerField(FUNDING_HEADERS, text);
    if (!f) {
      unknown.push(text);
      unknownCols.set(col, text);
      continue;
    }
    if ([...cols.values()].includes(f) && f !== 'ignore' && f !== 'label') continue;
    cols.set(col, f);
    if (f === 'label') label = compact(text).replace(/\([^()]*\)/g, ''); // the last label word is the nearest (预算执行情况 | 部门预算金额)
    if (f === 'initialBudget' || f === 'annualBudget') budgets++;
    if (AMOUNT_FIELDS.includes(f)) amounts++;
  }
  if (budgets === 0 || amounts < 2) return null;
  const amountCols = [...cols.entries()].filter(([, f]) => f !== 'label' && f !== 'ignore').map(([c]) => c);
  return { cols, unit, label, firstAmountCol: Math.min(...amountCols), unknown, unknownCols, table: row.table };
}

export interface GoalHeader {
  cols: Map<number, GoalField>;
  table: number | null;
}

export function goalHeader(row: Row): GoalHeader | null {
  const cols = new Map<number, GoalField>();
  for (const { col, text } of filled(row)) {
    const f = headerField(GOAL_HEADERS, text);
    if (f && ![...cols.values()].includes(f)) cols.set(col, f);
  }
  const fs = [...cols.values()];
  return fs.includes('target') && (fs.includes('actual') || fs.includes('indicators')) ? { cols, table: row.table } : null;
}

export function unknownColumnWarnings(kind: string, unknown: string[], table: number | null): Warning[] {
  return unknown.map((text) => ({
    code: WarningCode.UnknownColumn,
    message: `${kind} table: the column headed "${text}" is not a known header word and was skipped`,
    page: null,
    location: { table, column: text },
  }));
}
