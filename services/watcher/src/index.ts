export * from './inbox-watcher.ts';
export * from './receive-file.ts';
export * from './receive-archive.ts';
export * from './archive-store.ts';
export * from './file-stability-tracker.ts';
export * from './ignored-names.ts';
