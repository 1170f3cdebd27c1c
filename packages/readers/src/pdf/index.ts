export { read, readWith, pagesWithoutText, type PdfEngine } from './read.ts';
