export { readerFor, type MediaType } from './registry.ts';
export { cfbKind, cfbMediaType, type CfbKind } from './detect-cfb.ts';
export { pdfjs, pdfjsOfflineResources } from './pdf/open-document.ts';
