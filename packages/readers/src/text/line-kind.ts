// What one line of a text export is. The three export styles differ in where the tabs are:
//  row    – tab-separated cells on one line (`绩效目标1⇥产出指标⇥数量指标⇥…`, seeds 000 and 004);
//  cell   – exactly one leading tab: one cell per line (seeds 001, 002, 003);
//  text   – no tab: a paragraph, or a continuation of the cell above;
//  blank  – nothing but spaces.
export type LineKind = 'row' | 'cell' | 'text' | 'blank';

export function lineKind(line: string): LineKind {
  const tabs = countTabs(line);
  if (tabs === 0) return line.trim() === '' ? 'blank' : 'text';
  if (tabs === 1 && line.startsWith('\t')) return 'cell';
  return 'row';
}

export function countTabs(line: string): number {
  let n = 0;
  for (const ch of line) if (ch === '\t') n++;
  return n;
}
