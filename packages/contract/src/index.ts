export * from './schemas.ts';
export * from './json-schema.ts';
export * from './errors.ts';
export * from './warnings.ts';
