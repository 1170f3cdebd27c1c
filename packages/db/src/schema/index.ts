export * from './documents.ts';
export * from './runs.ts';
export * from './reports.ts';
export * from './indicators.ts';
export * from './warnings.ts';
export * from './indicator-facts.ts';
export * from './corrections.ts';
