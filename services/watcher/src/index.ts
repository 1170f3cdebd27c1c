export * from './inbox-watcher.ts';
export * from './file-stability-tracker.ts';
