// One file's budget as a reader checks it (ReadOptions, set from packages/config's FileBudget). The defaults
// are the settings' defaults, for readers called without options (tests, scripts).
import { ErrorCode, overBudget } from '@jixiao/contract';
import type { GridLimit, ReadOptions } from '@jixiao/layout';

export interface Budget {
  fileName: string;
  maxPages: number;
  maxGridSlots: number;
  maxDepth: number;
  maxLineChars: number;
  maxTextChars: number;
  maxPagePixels: number;
}

export const BUDGET_DEFAULTS = {
  maxPages: 500,
  maxGridSlots: 200_000,
  maxDepth: 256,
  maxLineChars: 200_000,
  maxTextChars: 20_000_000,
  maxPagePixels: 150_000_000,
} as const;

export function budgetOf(options: ReadOptions, fallbackName: string): Budget {
  return {
    fileName: options.fileName ?? fallbackName,
    maxPages: options.maxPages ?? BUDGET_DEFAULTS.maxPages,
    maxGridSlots: options.maxGridSlots ?? BUDGET_DEFAULTS.maxGridSlots,
    maxDepth: options.maxDepth ?? BUDGET_DEFAULTS.maxDepth,
    maxLineChars: options.maxLineChars ?? BUDGET_DEFAULTS.maxLineChars,
    maxTextChars: options.maxTextChars ?? BUDGET_DEFAULTS.maxTextChars,
    maxPagePixels: options.maxPagePixels ?? BUDGET_DEFAULTS.maxPagePixels,
  };
}

export function checkTextSize(text: string, budget: Budget): void {
  if (text.length > budget.maxTextChars)
    throw overBudget(ErrorCode.TooMuchText, budget.fileName, `${text.length.toLocaleString('en')} characters of text`, budget.maxTextChars, 'MAX_TEXT_CHARS');
}

/** Decoded text within the file's characters, and every line within the line's: checked before any split. */
export function checkText(text: string, budget: Budget): void {
  checkTextSize(text, budget);
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > budget.maxLineChars)
      throw overBudget(ErrorCode.LineTooLong, budget.fileName, `a line of ${(stop - start).toLocaleString('en')} characters`, budget.maxLineChars, 'MAX_LINE_CHARS');
    start = stop + 1;
  }
}

export function tooDeep(budget: Budget, what: string): Error {
  return overBudget(ErrorCode.TooDeep, budget.fileName, `${what} nested more than ${budget.maxDepth} deep`, budget.maxDepth, 'MAX_DEPTH');
}

export function tooManyPages(budget: Budget, pages: number): Error {
  return overBudget(ErrorCode.TooManyPages, budget.fileName, `${pages.toLocaleString('en')} pages`, budget.maxPages, 'MAX_PAGES');
}

export function pageTooLarge(budget: Budget, page: number, width: number, height: number): Error {
  const found = `page ${page} is ${Math.round(width).toLocaleString('en')} × ${Math.round(height).toLocaleString('en')} pixels`;
  return overBudget(ErrorCode.PageTooLarge, budget.fileName, found, budget.maxPagePixels, 'MAX_PAGE_MEGAPIXELS × 1,000,000 pixels');
}

/** The grid limit tableFromRows checks while it lays out spans. */
export function gridLimit(budget: Budget): GridLimit {
  return {
    maxSlots: budget.maxGridSlots,
    exceeded: (slots) => tooManyCells(budget, slots),
  };
}

export function tooManyCells(budget: Budget, slots: number): Error {
  return overBudget(ErrorCode.TooManyCells, budget.fileName, `a table of ${slots.toLocaleString('en')} grid slots (rows × columns after spans)`, budget.maxGridSlots, 'MAX_GRID_SLOTS');
}
