export { domContent } from './dom-content.ts';
export { toBlocks, toTable, cellText, type BlocksResult } from './to-blocks.ts';
export { realCells, textContent, type SourceCell, type SourceContent, type SourceTable } from './source-table.ts';
export { htmlContent } from './parse-html.ts';
