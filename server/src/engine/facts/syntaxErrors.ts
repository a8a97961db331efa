// Parse errors: how many ERROR and MISSING nodes, and where the first few are.
import type { Node, Query } from 'web-tree-sitter';
import { capture, rangeOf } from './syntax';
import type { FileFacts } from './types';

const REPORTED_ERRORS = 5;

export function syntaxErrorFacts(root: Node, query: Query): FileFacts['syntaxErrors'] {
  if (!root.hasError) return { count: 0, first: [] };
  const errorNodes = query
    .matches(root)
    .flatMap((match) => capture(match, 'syntax.error') ?? capture(match, 'syntax.missing') ?? []);
  const first = errorNodes
    .sort((a, b) => a.startIndex - b.startIndex)
    .slice(0, REPORTED_ERRORS)
    .map(rangeOf);
  return { count: errorNodes.length, first };
}
