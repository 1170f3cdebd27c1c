export { normaliseCell, type NormaliseOptions } from './normalise-cell.ts';
export { attained } from './attained.ts';
export { parseAmount, parseFundingAmount, parseRate } from './parse-amount.ts';
export { cellComparator } from './comparators.ts';
export { directionOf, type Direction, type IndicatorNames } from './direction.ts';
