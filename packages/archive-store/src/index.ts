export * from './archive-store.ts';
export * from './local-store.ts';
export * from './s3-store.ts';
export * from './open-archive-store.ts';
