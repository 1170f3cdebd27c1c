export * from './intake.ts';
export * from './receive-file.ts';
export * from './receive-archive.ts';
export * from './spooled-file.ts';
export * from './ignored-names.ts';
