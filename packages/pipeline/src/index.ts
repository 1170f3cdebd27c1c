export * from './extract-file.ts';
export * from './detect-type.ts';
export { normaliseReport } from './normalise-report.ts';
export { validateReport } from './validate-report.ts';
export * from './extract-isolated.ts';
