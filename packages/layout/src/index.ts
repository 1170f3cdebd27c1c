export * from './model.ts';
export * from './grid.ts';
