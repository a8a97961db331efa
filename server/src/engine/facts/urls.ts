// `http(s)://` string literals, with the constant they are the value of.
import type { Node } from 'web-tree-sitter';
import { listItems } from './declarations';
import { isStringLiteralType, unquoteGoString } from './strings';
import { fieldNodes, textOf } from './syntax';
import { matchIndexes, namedNodeAt } from './textScan';
import type { FileFacts } from './types';

type UrlLiteral = FileFacts['urlLiterals'][number];

const URL_START = /["`]https?:\/\//g;

export function urlLiterals(root: Node, source: string): UrlLiteral[] {
  const literals: UrlLiteral[] = [];
  for (const index of matchIndexes(source, URL_START)) {
    const node = namedNodeAt(root, index);
    if (!node || node.startIndex !== index || !isStringLiteralType(node.type)) continue;
    const literal: UrlLiteral = { value: unquoteGoString(textOf(source, node)) };
    const constName = boundConstName(node, source);
    if (constName !== undefined) literal.constName = constName;
    literals.push(literal);
  }
  return literals;
}

/** `const BaseURL = "https://..."` -> `BaseURL` (the name in the literal's position). */
function boundConstName(literal: Node, source: string): string | undefined {
  const list = literal.parent;
  const spec = list?.parent;
  if (!list || spec?.type !== 'const_spec') return undefined;
  const position = listItems(list).findIndex((item) => item.startIndex === literal.startIndex);
  const name = fieldNodes(spec, 'name')[position];
  return name ? textOf(source, name) : undefined;
}
