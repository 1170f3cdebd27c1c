// HTML text → source content, within the file's budget: the DOM is built without recursion (htmlparser2), and its
// depth is measured here, iteratively, before the recursive walk over it (domContent) can run out of stack.
import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import { checkTextSize, tooDeep, type Budget } from '../budget.ts';
import { domContent } from './dom-content.ts';
import type { SourceContent } from './source-table.ts';

export function htmlContent(text: string, budget: Budget): SourceContent[] {
  checkTextSize(text, budget);
  const document = parseDocument(text, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const stack: [ChildNode, number][] = document.children.map((n) => [n, 1]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > budget.maxDepth) throw tooDeep(budget, 'elements');
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return domContent(document.children);
}
