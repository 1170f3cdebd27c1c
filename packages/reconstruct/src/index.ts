export * from './draft.ts';
export { reconstruct } from './reconstruct.ts';
