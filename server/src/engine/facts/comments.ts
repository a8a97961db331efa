// `//gocomply:ignore <rule-id> <reason>` comments and TODO/FIXME/XXX placeholders.
import type { Node } from 'web-tree-sitter';
import { rangeOf, textOf } from './syntax';
import { matchIndexes, nodeAt } from './textScan';
import type { CommentFact } from './types';

const MARKERS = /\/\/gocomply:ignore\b|\b(?:TODO|FIXME|XXX)\b/g;
const IGNORE = /^\/\/gocomply:ignore(?:[ \t]+(\S+))?/;
const PLACEHOLDER = /\b(?:TODO|FIXME|XXX)\b/;

/**
 * Comments that carry a marker, once each. A comment that is an ignore
 * directive is only that, even when its reason mentions TODO.
 */
export function commentFacts(root: Node, source: string): CommentFact[] {
  const facts: CommentFact[] = [];
  const seen = new Set<number>();
  for (const index of matchIndexes(source, MARKERS)) {
    const node = nodeAt(root, index);
    if (!node || node.type !== 'comment' || seen.has(node.startIndex)) continue;
    seen.add(node.startIndex);
    const fact = commentFact(textOf(source, node), node);
    if (fact) facts.push(fact);
  }
  return facts;
}

function commentFact(text: string, node: Node): CommentFact | undefined {
  const ignore = IGNORE.exec(text);
  if (ignore) {
    const fact: CommentFact = { kind: 'ignore', text, range: rangeOf(node) };
    if (ignore[1]) fact.ruleId = ignore[1];
    return fact;
  }
  return PLACEHOLDER.test(text) ? { kind: 'placeholder', text, range: rangeOf(node) } : undefined;
}
