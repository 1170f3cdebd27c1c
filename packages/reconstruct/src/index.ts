export * from './draft.ts';
export { reconstruct } from './reconstruct.ts';
export { layoutRows, type Row, type RowCell } from './rows.ts';
export { INDICATOR_HEADERS, FUNDING_HEADERS, GOAL_HEADERS, headerField } from './header-vocabulary.ts';
