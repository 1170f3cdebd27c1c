export { read } from './read.ts';
export { displayedText } from './displayed-text.ts';
export { sheetBlocks } from './sheet-blocks.ts';
