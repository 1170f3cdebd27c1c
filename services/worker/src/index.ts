export * from './process-stored-file.ts';
export * from './extract-worker.ts';
export * from './inline-dispatch.ts';
export * from './service-stage-deps.ts';
