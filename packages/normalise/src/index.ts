export { normaliseCell, type NormaliseOptions } from './normalise-cell.ts';
export { attained } from './attained.ts';
export { parseAmount } from './parse-amount.ts';
