export * from './extract-job.ts';
export * from './connection.ts';
export * from './extract-queue.ts';
