export * from './process-stored-file.ts';
export * from './crash-policy.ts';
export * from './extract-worker.ts';
export * from './dispatcher.ts';
export * from './service-stage-deps.ts';
