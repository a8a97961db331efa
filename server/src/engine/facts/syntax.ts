// Small helpers over web-tree-sitter nodes. Every property read on a Node that
// is not `startIndex`/`startPosition` crosses into wasm, so text is sliced from
// the source string and node types are read once where they are needed.
import type { Node, Point, QueryMatch } from 'web-tree-sitter';
import type { Position, Range } from './types';

export function toPosition(point: Point): Position {
  return { line: point.row, character: point.column };
}

export function rangeOf(node: Node): Range {
  return { start: toPosition(node.startPosition), end: toPosition(node.endPosition) };
}

export function textOf(source: string, node: Node): string {
  return source.slice(node.startIndex, node.endIndex);
}

/** Byte-range (UTF-16 index) span of a node, kept so later lookups need no wasm call. */
export interface Span {
  start: number;
  end: number;
}

export function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

export function contains(outer: Span, index: number): boolean {
  return index >= outer.start && index < outer.end;
}

const IDENTIFIER = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;
const DOTTED_NAME = /^[\p{L}_][\p{L}\p{Nd}_]*(?:\s*\.\s*[\p{L}_][\p{L}\p{Nd}_]*)*$/u;

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

/** `a`, `a.b.c`: a chain of names with no calls or indexing in it. */
export function isDottedName(text: string): boolean {
  return DOTTED_NAME.test(text);
}

/** Go's rule: a name is exported when it starts with an upper-case letter. */
export function isExported(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}

/** Last `.`-separated name of a dotted chain (`s.tracer` -> `tracer`). */
export function lastDottedName(text: string): string {
  return text.slice(text.lastIndexOf('.') + 1).trim();
}

/** The nodes of a repeated field (`a, b` names): the grammar files the commas under the field too. */
export function fieldNodes(node: Node, field: string): Node[] {
  return node.childrenForFieldName(field).filter((child) => child.isNamed);
}

/** Named children that are not comments (comments are named "extra" nodes). */
export function namedChildrenOf(node: Node): Node[] {
  return node.namedChildren.filter((child) => child.type !== 'comment');
}

export function capture(match: QueryMatch, name: string): Node | undefined {
  for (const item of match.captures) {
    if (item.name === name) return item.node;
  }
  return undefined;
}

/** Type text with its spacing normalised (`context . Context` -> `context.Context`). */
export function compactType(text: string): string {
  return text.replace(/\s*([.*[\](),])\s*/g, '$1').replace(/\s+/g, ' ').trim();
}

/** `*Client[T]`, `(Client)`, `pkg.Base[int]` -> the bare type name (`Client`, `Base`). */
export function bareTypeName(typeText: string): string {
  const withoutArgs = typeText.replace(/\[[\s\S]*$/, '');
  const withoutPointer = withoutArgs.replace(/[\s()*]/g, '');
  return lastDottedName(withoutPointer);
}
