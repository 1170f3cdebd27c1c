export { read, type LegacyReadOptions } from './read.ts';
export { convertWithLibreOffice, INSTALL_HINT, type ConvertOptions } from './convert.ts';
