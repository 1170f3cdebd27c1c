export * from './inbox-watcher.ts';
export * from './receive-file.ts';
export * from './file-stability-tracker.ts';
export * from './ignored-names.ts';
