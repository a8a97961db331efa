// Text-first searches: a regular expression over the source finds the few
// candidates, and the tree only confirms each one. Far cheaper than capturing
// every comment or string literal of a file in a query.
import type { Node } from 'web-tree-sitter';

const NON_CODE_TYPES = new Set([
  'comment',
  'interpreted_string_literal',
  'interpreted_string_literal_content',
  'raw_string_literal',
  'raw_string_literal_content',
  'escape_sequence',
]);

/** Start indexes of every match of a global regular expression. */
export function matchIndexes(source: string, pattern: RegExp): number[] {
  const indexes: number[] = [];
  for (const match of source.matchAll(pattern)) indexes.push(match.index);
  return indexes;
}

/** The smallest node (named or not) covering the character at `index`. */
export function nodeAt(root: Node, index: number): Node | null {
  return root.descendantForIndex(index, index + 1);
}

/** The smallest named node covering the character at `index`. */
export function namedNodeAt(root: Node, index: number): Node | null {
  return root.namedDescendantForIndex(index, index + 1);
}

/** True when some match of `pattern` lies in code, not in a comment or a string. */
export function appearsInCode(root: Node, source: string, pattern: RegExp): boolean {
  return matchIndexes(source, pattern).some((index) => {
    const node = namedNodeAt(root, index);
    return node !== null && !NON_CODE_TYPES.has(node.type);
  });
}
