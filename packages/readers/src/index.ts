export { readerFor, type MediaType } from './registry.ts';
