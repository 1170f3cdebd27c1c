// One form being read: its head (title, labels), then whichever tables follow — funding, goals,
// indicators — and its total and grade. Rows arrive in reading order; the builder keeps which table it
// is in and what merged cells carry down.
import { WarningCode, type Goal } from '@jixiao/contract';
import type { IndicatorDraft, ReportDraft } from './draft.ts';
import { cleanLevel, cleanName, cleanText, isBlankCell, numberCell } from './clean-text.ts';
import { bestOffset } from './align-row.ts';
import { projectRow } from './project-row.ts';
import { levelAcrossPages, renameLevel } from './page-split-level.ts';
import type { FundingHeader, GoalHeader, IndicatorHeader } from './table-headers.ts';
import { isGoalLabel, isLevel1Word, isLevel2Word } from './level-vocabulary.ts';
import { fundingLine, isNumberingRow, resolveRatioColumns } from './funding-row.ts';
import { filled, rowBox, type Row } from './rows.ts';
import { unionBox } from '@jixiao/layout';
import { cellComparator } from '@jixiao/normalise';

type Section = 'none' | 'funding' | 'goals' | 'indicators';

export class FormBuilder {
  readonly draft: ReportDraft;
  section: Section = 'none';
  funding: FundingHeader | null = null;
  goals: GoalHeader | null = null;
  indicators: IndicatorHeader | null = null;
  unitHint: string | null = null;
  /** goal and merged level cells carried down to rows that print them empty */
  private carry = { goal: null as string | null, level1: null as string | null, level2: null as string | null, table: null as number | null };
  /** the second part of a level cell a page break split, standing for the whole word carried (page-split-level.ts) */
  private splitParts = { level1: null as string | null, level2: null as string | null };
  pendingTotal = false;
  /** lines of a two-line indicator header still to skip (its second line: 年初 / 调整后) */
  headerLinesLeft = 0;
  /** a total row printed its 得分 cell, blank or not: a total in prose later does not replace it */
  totalRead = false;
  /** the goal number a goal table prints in its 序号 column, carried down its merged cells */
  goalIndex: number | null = null;
  /** a kind inferred from the head's labels, used where the title gives none */
  kindHint: ReportDraft['kind'] = 'unknown';
  orgCandidates: { rank: number; value: string }[] = [];

  constructor() {
    this.draft = {
      kind: 'unknown', title: null, organisation: null, implementingUnit: null, projectName: null, fiscalYear: null,
      funding: [], goals: [], indicators: [], totalScore: null, grade: null, pages: null, warnings: [],
    };
  }

  hasContent(): boolean {
    return this.draft.funding.length > 0 || this.draft.goals.length > 0 || this.draft.indicators.length > 0;
  }

  notePage(page: number | null): void {
    if (page == null) return;
    const p = this.draft.pages;
    this.draft.pages = p ? [Math.min(p[0], page), Math.max(p[1], page)] : [page, page];
  }

  startIndicators(header: IndicatorHeader, row: Row): void {
    const same = this.indicators && sameMap(this.indicators, header);
    this.indicators = header;
    this.section = 'indicators';
    if (!same) this.carry = { goal: null, level1: null, level2: null, table: row.table };
  }

  /** A data row of the funding table. Returns false when the row is not one (the table has ended). */
  fundingRow(row: Row): boolean {
    const h = this.funding!;
    if (row.table !== h.table) return false;
    const cells = row.cells.map((c) => c.text);
    if (isNumberingRow(cells)) {
      for (const header of resolveRatioColumns(h, cells)) {
        this.draft.warnings = this.draft.warnings.filter((w) => !(w.code === WarningCode.UnknownColumn && w.location?.table === h.table && w.location?.column === header));
      }
      return true;
    }
    const line = fundingLine(h, row, this.unitHint);
    if (!line) return false;
    this.draft.funding.push(line);
    this.notePage(row.page);
    return true;
  }

  /** A data row of the goals table. */
  goalRow(row: Row): boolean {
    const h = this.goals!;
    if (row.table !== h.table) return false;
    // a goal or task cell merged down over several rows (seed 003: one 年度任务 over its indicator list)
    // is that goal once, on its first row
    const cells = row.cells.map((c) => (c.anchored ? c.text : ''));
    const at = (field: string): number | undefined => [...h.cols.entries()].find(([, f]) => f === field)?.[0];
    const targetCol = at('target')!;
    const actualCol = at('actual');
    const indexCol = at('index');
    const listCol = at('indicators');
    const firstText = (from: number, to: number): string | null => {
      for (let c = from; c < Math.min(to, cells.length); c++) if (cells[c] !== '') return cells[c]!;
      return null;
    };
    const target = firstText(targetCol, nextCol(h, targetCol, cells.length));
    const actual = actualCol === undefined ? null : firstText(actualCol, nextCol(h, actualCol, cells.length));
    const listed = listCol === undefined || !row.cells[listCol]?.anchored ? '' : cleanName(row.cells[listCol]?.raw ?? '');
    if (target === null && actual === null && !listed) {
      // the lower half of a row a page break cut (`总体` | … ⏎ `目标` | …, form-landscape.pdf) prints only
      // in the caption columns left of the goals: it is no goal, and the table goes on
      const printedAt = row.cells.flatMap((c, i) => (c.anchored && c.text !== '' ? [i] : []));
      return printedAt.length > 0 && printedAt.every((i) => i < targetCol);
    }
    const printedIndex = indexCol !== undefined ? row.cells[indexCol]?.text ?? '' : '';
    if (/^\d+$/.test(printedIndex)) this.goalIndex = Number(printedIndex);
    if (target !== null || actual !== null) {
      // only a printed 目标序号 is an index; `目标1:` inside the text is the goal's own wording
      const index = /^\d+$/.test(printedIndex) ? Number(printedIndex) : listCol !== undefined ? this.goalIndex : null;
      const goal: Goal = { index, target, actual };
      this.draft.goals.push(goal);
    }
    if (listed) this.draft.indicators.push(listedIndicator(this.goalIndex === null ? null : String(this.goalIndex), listed, row));
    this.notePage(row.page);
    return true;
  }

  /** The level a row prints, made whole where a merged level cell's text broke over a page (page-split-level.ts). */
  private levelOf(level: 'level1' | 'level2', printed: string, samePage: boolean): string {
    const carried = this.carry[level];
    // the later rows of the cell's second part print that part again (carried down the merge)
    if (printed && printed === this.splitParts[level] && carried) return carried;
    const whole = levelAcrossPages(level, carried, printed, samePage);
    if (!whole) {
      if (printed) this.splitParts[level] = null;
      return printed;
    }
    renameLevel(this.draft.indicators, level, carried!, whole);
    this.carry[level] = whole;
    this.splitParts[level] = printed;
    return whole;
  }

  /** A data row of the indicator table; returns false for a row that is not an indicator. */
  indicatorRow(printed: Row): boolean {
    const h = this.indicators!;
    // prose between or after the table's parts (a note, a conclusion) is never an indicator row
    if (printed.table === null) return true;
    const row: Row = { ...printed, cells: projectRow(printed, h.columns) };
    // `绩 效 指 标` merged from the header row down the side of every data row (a real row span) is a caption
    row.cells.forEach((c, i) => {
      if (!c.anchored && c.text !== '' && c.text === h.captions[i]) row.cells[i] = { ...c, text: '', raw: '' };
    });
    const cells = row.cells.map((c) => c.text);
    if (cells.every((t) => isBlankCell(t) || /^[.…·。]+$/.test(t))) return true; // spacer rows
    const offset = bestOffset(cells, h.map, h.headed);
    const cellOf = (field: keyof IndicatorHeader['map']): string => {
      const col = h.map[field];
      return col === undefined ? '' : cells[col + offset] ?? '';
    };
    const rawOf = (field: keyof IndicatorHeader['map']): string => {
      const col = h.map[field];
      return col === undefined ? '' : row.cells[col + offset]?.raw ?? '';
    };
    const slot = (field: keyof IndicatorHeader['map']) => {
      const col = h.map[field];
      return col === undefined ? undefined : row.cells[col + offset];
    };
    if (row.table !== this.carry.table && row.table !== null) this.carry.table = row.table;

    // a group heading on a row of its own: `年度绩效目标1 (40分)` over its rows, or, in a flat list,
    // `一、产出指标` over `1、…` rows (the heading names their level, it is no indicator itself)
    const printedCells = row.cells.filter((c) => c.anchored && c.text !== '');
    if (printedCells.length === 1) {
      const only = printedCells[0]!.text;
      if (isGoalLabel(only)) {
        this.carry = { ...this.carry, goal: cleanGoal(only), level1: null, level2: null };
        return true;
      }
      const heading = cleanLevel(only.replace(/^[一二三四五六七八九十]+\s*[、.．]\s*/, ''));
      if (/^[一二三四五六七八九十]+\s*[、.．]/.test(only) && (isLevel1Word(heading) || isLevel2Word(heading))) {
        if (isLevel1Word(heading)) this.carry = { ...this.carry, level1: heading, level2: null };
        else this.carry.level2 = heading;
        return true;
      }
    }

    let goal = cleanGoal(cellOf('goal') || cellOf('section'));
    if (goal && !isGoalLabel(goal) && isLevel1Word(goal)) goal = '';
    if (goal) {
      if (goal !== this.carry.goal) this.carry = { ...this.carry, goal, level1: null, level2: null };
    }
    const previous = this.draft.indicators.at(-1);
    const samePage = !previous || previous.page === null || row.page === null || previous.page === row.page;
    let level1 = this.levelOf('level1', cleanLevel(rawOf('level1')), samePage);
    if (level1) {
      if (level1 !== this.carry.level1) this.carry.level2 = null;
      this.carry.level1 = level1;
    } else level1 = this.carry.level1 ?? '';
    let level2 = this.levelOf('level2', cleanLevel(rawOf('level2')), samePage);
    if (level2) this.carry.level2 = level2;
    else level2 = this.carry.level2 ?? '';
    // `★` marks a core indicator; the name keeps it as printed
    const level3 = cleanName(rawOf('level3'));
    const core = /^★|★$/.test(level3) || /^(是|√|★|核心指标)$/.test(cleanText(cellOf('core')));

    // 指标性质 | 指标值 | 度量单位: the target is read as one cell, the three joined as printed (contract);
    // 指标性质 may instead say 定量/定性, which is no comparator; the normaliser's table says which are
    const comparator = cleanText(cellOf('comparator'));
    const unit = cleanText(cellOf('unit'));
    let target = cleanText(cellOf('target'));
    if (h.map.comparator !== undefined || h.map.unit !== undefined) {
      const op = cellComparator(comparator) ? comparator : '';
      target = target === '' ? '' : `${op}${target}${unit}`;
    }
    const actual = cleanText(cellOf('actual'));
    const weight = numberCell(cleanText(cellOf('weight')));
    const score = numberCell(cleanText(cellOf('score')));
    const deviation = cleanText(cellOf('deviation'));
    // a level cell with nothing under it (seed 004: `⇥⇥⇥质量指标⇥⇥…`) names no indicator, nor does a placeholder
    // row of an unused slot (`指标1: | / | / | /`, `…… | …… | ……`: DOMAIN.md)
    if (!printedValue(level3) && ![target, actual, weight, score].some(printedValue)) return true;

    const boxOf = (...fields: (keyof IndicatorHeader['map'])[]) => unionBox(fields.map((f) => slot(f)).filter((c) => c && c.text !== '').map((c) => c!.box));
    const confidences = (['comparator', 'target', 'unit', 'actual', 'weight', 'score'] as const)
      .map((f) => slot(f))
      .filter((c) => c && c.text !== '')
      .map((c) => c!.confidence)
      .filter((c): c is number => c != null);
    const indicator: IndicatorDraft = {
      goal: this.carry.goal,
      level1: level1 || null,
      level2: level2 || null,
      level3: level3 || null,
      target,
      actual,
      unitHint: unit || null,
      weight: weight || null,
      score: score || null,
      deviation: deviation || null,
      core,
      page: row.page,
      box: rowBox(row),
      targetBox: boxOf('comparator', 'target', 'unit'),
      actualBox: boxOf('actual'),
      confidence: confidences.length ? Math.min(...confidences) : null,
    };
    this.draft.indicators.push(indicator);
    this.notePage(row.page);
    return true;
  }
}

/** An indicator named in a goal table's list column: a name and nothing else (seed 003). */
function listedIndicator(goal: string | null, level3: string, row: Row): IndicatorDraft {
  return {
    goal, level1: null, level2: null, level3, target: '', actual: '', unitHint: null, weight: null, score: null, deviation: null,
    core: false, page: row.page, box: rowBox(row), targetBox: null, actualBox: null, confidence: null,
  };
}

/** Placeholder marks a form prints in an unused slot: `/`, `—`, `……`. */
const PLACEHOLDER = /^[-/\\—–―／…·.。]+$/;

function printedValue(text: string): boolean {
  return text !== '' && !PLACEHOLDER.test(text);
}

/** A goal-group label without its point budget: `年度绩效目标1 (40分)` → `年度绩效目标1`. */
function cleanGoal(text: string): string {
  const t = cleanText(text);
  return isGoalLabel(t) ? cleanLevel(t) : t;
}

function nextCol(h: GoalHeader, col: number, end: number): number {
  const later = [...h.cols.keys()].filter((c) => c > col);
  return later.length ? Math.min(...later) : end;
}

function sameMap(a: IndicatorHeader, b: IndicatorHeader): boolean {
  return JSON.stringify(a.map) === JSON.stringify(b.map);
}



export { filled };
