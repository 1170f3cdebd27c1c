export * from './database.ts';
export * from './intake.ts';
export * from './runs.ts';
export * from './save-extraction.ts';
export * from './rows.ts';
export * as schema from './schema/index.ts';
export * from './schema/index.ts';
