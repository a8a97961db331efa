// File header, package clause, imports and constants.
import type { Node } from 'web-tree-sitter';
import { literalOf } from './goLiterals';
import { stringParts, unquoteGoString } from './strings';
import { fieldNodes, namedChildrenOf, rangeOf, textOf } from './syntax';
import type { ConstFact, ImportFact, VarFact } from './types';

export interface FileHeader {
  generated: boolean;
  buildConstraint?: string;
}

const GENERATED_LINE = /^\/\/ Code generated .* DO NOT EDIT\.\r?$/m;
const BUILD_LINE = /^\/\/go:build[ \t]+(.*?)[ \t\r]*$/m;

/**
 * Reads the lines before the package clause (the whole text when there is
 * none): Go only honours these markers there.
 */
export function readHeader(source: string, packageClauseStart: number | undefined): FileHeader {
  const prefix = packageClauseStart === undefined ? source : source.slice(0, packageClauseStart);
  const header: FileHeader = { generated: GENERATED_LINE.test(prefix) };
  const build = BUILD_LINE.exec(prefix);
  if (build?.[1]) header.buildConstraint = build[1];
  return header;
}

export function importFact(spec: Node, source: string): ImportFact | undefined {
  const path = spec.childForFieldName('path');
  if (!path) return undefined;
  const fact: ImportFact = { path: unquoteGoString(textOf(source, path)) };
  const alias = spec.childForFieldName('name');
  if (alias) fact.alias = textOf(source, alias);
  return fact;
}

/**
 * One fact per name of a const spec (`const A, B = "a", "b"` gives two). A name
 * without a value of its own (the implicit repetition of `iota` blocks) gets no
 * parts.
 */
export function constFacts(spec: Node, source: string): ConstFact[] {
  const names = fieldNodes(spec, 'name');
  const valueList = spec.childForFieldName('value');
  const values = valueList ? listItems(valueList) : [];
  return names.map((name, index) => {
    const fact: ConstFact = { name: textOf(source, name), range: rangeOf(name) };
    const value = values[index];
    const parts = value ? stringParts(value, source) : undefined;
    if (parts) fact.parts = parts;
    const literal = value && !parts ? literalOf(value, source) : undefined;
    if (typeof literal === 'number') fact.number = literal;
    return fact;
  });
}

/** The expressions of an `expression_list`, or the node itself when it is a single expression. */
export function listItems(node: Node): Node[] {
  return node.type === 'expression_list' ? namedChildrenOf(node) : [node];
}

/** One fact per name of a package-level `var` spec. */
export function varFacts(spec: Node, source: string): VarFact[] {
  const type = spec.childForFieldName('type');
  return fieldNodes(spec, 'name').map((name) => {
    const fact: VarFact = { name: textOf(source, name), range: rangeOf(name) };
    if (type) fact.type = textOf(source, type);
    return fact;
  });
}
