export * from './server.ts';
export * from './deps.ts';
export * from './start-api.ts';
export * from './schemas.ts';
export * from './export/run-export.ts';
export * from './export/columns.ts';
