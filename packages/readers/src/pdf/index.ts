export { read, pagesWithoutText } from './read.ts';
