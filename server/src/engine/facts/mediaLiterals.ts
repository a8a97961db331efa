// String literals that name media types (`image/png`, `audio/wav`) or
// authentication headers (`Authorization`, `x-api-key`): found in the text
// first, then confirmed on the tree, like URL literals.
import type { Node } from 'web-tree-sitter';
import { isStringLiteralType, unquoteGoString } from './strings';
import { textOf } from './syntax';
import { matchIndexes, namedNodeAt } from './textScan';

const MIME_START = /["`](?:image|audio|video)\//g;
const AUTH_HEADER_START = /["`](?:authorization|x-[\w-]*(?:api-?key|token)|api-?key|xi-api-key|ocp-apim-subscription-key)["`]/gi;

/** Values of the string literals that start at the matches of `pattern`. */
function literalsAt(root: Node, source: string, pattern: RegExp): string[] {
  const values: string[] = [];
  for (const index of matchIndexes(source, pattern)) {
    const node = namedNodeAt(root, index);
    if (node && node.startIndex === index && isStringLiteralType(node.type)) values.push(unquoteGoString(textOf(source, node)));
  }
  return values;
}

/** `image/…`, `audio/…`, `video/…` string literals, in source order. */
export function mimeLiterals(root: Node, source: string): string[] {
  return literalsAt(root, source, MIME_START);
}

/** String literals that are the name of an authentication header, in source order. */
export function authHeaderLiterals(root: Node, source: string): string[] {
  return literalsAt(root, source, AUTH_HEADER_START);
}
