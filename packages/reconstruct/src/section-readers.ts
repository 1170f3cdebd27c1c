// The parts of a form, each a reader with two steps: `open` tells the row that starts the part (a table header,
// head labels, a total label) and takes it; `read` takes the part's later rows and says when the part has ended.
// reconstruct.ts runs them in order over the row stream, so a new family's part is one more reader here rather
// than another branch and more state in the loop.
import type { Warning } from '@jixiao/contract';
import { compact, isNumberLike } from './clean-text.ts';
import type { FormBuilder } from './form-builder.ts';
import { gradeInText, gradeWord, isGradeLabel, isTotalLabel, metaField, scoreText, totalInText } from './form-labels.ts';
import { noteKindFromRow, readMetaCells } from './head-fields.ts';
import { projectRow } from './project-row.ts';
import { resolveColumns } from './resolve-columns.ts';
import { filled, type Row } from './rows.ts';
import { fundingHeader, goalHeader, indicatorHeader, unknownColumnWarnings, withSecondLine, type IndicatorHeader } from './table-headers.ts';
import { totalScoreOf } from './total-row.ts';

export interface RowContext {
  rows: Row[];
  /** this row's index in `rows` */
  at: number;
  /** the row's anchored, printed cells */
  cells: { col: number; text: string }[];
}

export interface SectionReader {
  /** takes the row when it starts this part of the form; false to let the next reader look */
  open(f: FormBuilder, row: Row, ctx: RowContext): boolean;
}

export interface TableSectionReader extends SectionReader {
  /** a data row of the table; false where the row is not one (the table has ended) */
  read(f: FormBuilder, row: Row): boolean;
}

/** The form's head: label cells followed by their values (项目名称 | … | 主管部门 | …), until the indicators start. */
export const headFields: SectionReader = {
  open(f, _row, { cells }) {
    if (f.section === 'indicators' || !cells.some((c) => metaField(c.text))) return false;
    readMetaCells(f, cells);
    noteKindFromRow(f, cells);
    return true;
  },
};

export const indicators: TableSectionReader = {
  open(f, row, { rows, at }) {
    // a header over two lines is read as one row; its second line is then skipped
    const twoLines = withSecondLine(row, rows[at + 1]);
    const header = twoLines ?? row;
    const h = indicatorHeader(header);
    if (!h) return false;
    resolveColumns(h, header, tableRowsAfter(rows, twoLines ? at + 1 : at, h));
    f.startIndicators(h, header);
    f.headerLinesLeft = twoLines ? 1 : 0;
    addWarnings(f, unknownColumnWarnings('indicator', h.unknown, row.table));
    return true;
  },
  read(f, row) {
    if (f.headerLinesLeft > 0) {
      f.headerLinesLeft -= 1;
      return true;
    }
    f.indicatorRow(row);
    return true;
  },
};

export const funding: TableSectionReader = {
  open(f, row) {
    const h = fundingHeader(row);
    if (!h) return false;
    f.funding = h;
    f.section = 'funding';
    addWarnings(f, unknownColumnWarnings('funding', h.unknown, row.table));
    return true;
  },
  read: (f, row) => f.fundingRow(row),
};

export const goals: TableSectionReader = {
  open(f, row) {
    const h = goalHeader(row);
    // a goals-like header inside the indicator table is one of its repeated headers, not a new table
    if (!h || f.section === 'indicators') return false;
    f.goals = h;
    f.section = 'goals';
    return true;
  },
  read: (f, row) => f.goalRow(row),
};

/** The table parts, tried in this order on every row (an indicator header also holds goal words). */
export const TABLE_SECTIONS = { indicators, funding, goals } as const;

/**
 * The total and the grade: a total row (总分 | … | 得分), a total that a wrapped export printed on the next row, a
 * grade row, a total in a sentence under the table, and the rows that close the tables (结论, 说明, 注：).
 */
export const totalsAndGrade: SectionReader = {
  open(f, row, { cells }) {
    const first = cells[0]!.text;
    // a grade label beside its value anywhere in a row (`分总 | 100 | 98.7 | 自评等级 | 优`), or in a sentence
    cells.forEach((c, k) => {
      if (isGradeLabel(c.text) && cells[k + 1]) f.draft.grade ??= gradeWord(cells[k + 1]!.text);
      f.draft.grade ??= gradeInText(c.text);
    });
    if (isTotalLabel(first) && f.section !== 'funding') {
      const total = totalScoreOf(row, f.indicators);
      f.draft.totalScore = total.score;
      f.pendingTotal = !total.printed;
      f.totalRead = total.printed;
      f.section = 'none';
      return true;
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
      return true;
    }
    // a total sentence under the table (`绩效自评总分：92分`) where no total row printed one
    for (const c of cells) {
      if (f.draft.totalScore === null && !f.totalRead) f.draft.totalScore = totalInText(c.text);
    }
    if (/(结论|^说明$|^备注$|评价人员|^注[:：])/.test(compact(first)) && f.section !== 'funding') {
      f.section = 'none';
      return true;
    }
    return false;
  },
};

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

function addWarnings(f: FormBuilder, ws: Warning[]): void {
  for (const w of ws) if (!f.draft.warnings.some((x) => x.message === w.message)) f.draft.warnings.push(w);
}
