export { read, type ImageReadOptions } from './read.ts';
export { ocrPages, type OcrPagesOptions, type OcrPagesResult } from './ocr-pages.ts';
export { ocrPage, type PageOcr, type PageOcrOptions } from './read-page.ts';
export { createOcrEngine, type OcrEngine, type OcrEngineOptions } from './engine.ts';
export { languageData, type LanguageData, type OcrModel } from './language-data.ts';
