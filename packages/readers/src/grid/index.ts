export * from './types.ts';
export { buildTables, type BuiltTables } from './build-tables.ts';
export { rulesOf, mergeCollinear, clusterPositions } from './rules.ts';
export { linesOf, textOfLines, joinPieces, type TextLine } from './text-lines.ts';
export { paragraphsOf } from './paragraphs.ts';
export { alignedTables } from './aligned-tables.ts';
export { dropPageFurniture, isPageNumber, type PageText } from './page-furniture.ts';
export { joinPageTables } from './join-pages.ts';
