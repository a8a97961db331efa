// Top-level functions and methods: signature facts, and the scope that calls
// are later assigned to by byte range. Parameter lists are read from the text
// (see goText.ts): visiting each parameter node costs more than the rest.
import type { Node } from 'web-tree-sitter';
import { identifierAt, parseParameterList } from './goText';
import type { LineIndex } from './lines';
import { bareTypeName, compactType, isExported, rangeOf, textOf, toPosition, type Span } from './syntax';
import type { FuncFact, ParamFact, Range } from './types';

/** A top-level function while its file is being extracted. */
export interface FunctionScope {
  fact: FuncFact;
  span: Span;
  node: Node;
  body?: Node;
  /** Results are named (`(n int, err error)`), so a bare `return` returns them. */
  namedResults: boolean;
}

/** The parts of a function declaration captured by the declarations query. */
export interface FunctionParts {
  node: Node;
  name: Node;
  parameters: Node;
  receiver?: Node | undefined;
  result?: Node | undefined;
  body?: Node | undefined;
}

export function functionScope(parts: FunctionParts, lines: LineIndex, source: string): FunctionScope {
  const name = identifierAt(source, parts.name.startIndex);
  const params = parseParameterList(textOf(source, parts.parameters));
  const results = resultTypes(parts.result, source);
  const range = rangeOf(parts.node);
  const fact: FuncFact = {
    name,
    exported: isExported(name),
    nameRange: identifierRange(parts.name, name),
    range,
    params,
    results: results.types,
    contextParams: contextParamNames(params),
    calls: [],
    spanStarts: [],
    logCalls: [],
    readsSpanContext: false,
    usesTraceID: false,
  };
  if (parts.receiver) addReceiver(fact, parts.receiver, source);
  const end = lines.indexAt({ row: range.end.line, column: range.end.character });
  const span = { start: parts.node.startIndex, end };
  const scope: FunctionScope = { fact, span, node: parts.node, namedResults: results.named };
  if (parts.body) {
    fact.bodyRange = rangeOf(parts.body);
    scope.body = parts.body;
  }
  return scope;
}

/** An identifier never spans lines, so its end is its start plus its length. */
function identifierRange(node: Node, name: string): Range {
  const start = toPosition(node.startPosition);
  return { start, end: { line: start.line, character: start.character + name.length } };
}

function addReceiver(fact: FuncFact, receiver: Node, source: string): void {
  const [declaration] = parseParameterList(textOf(source, receiver));
  if (!declaration) return;
  fact.receiverType = bareTypeName(declaration.type);
  if (declaration.name !== undefined) fact.receiverVar = declaration.name;
}

/** Result types as written, and whether they are named. */
export function resultTypes(result: Node | null | undefined, source: string): { types: string[]; named: boolean } {
  if (!result) return { types: [], named: false };
  const text = textOf(source, result);
  if (!text.startsWith('(')) return { types: [text.trim()], named: false };
  const params = parseParameterList(text);
  return { types: params.map((param) => param.type), named: params.some((param) => param.name !== undefined) };
}

function contextParamNames(params: ParamFact[]): string[] {
  return params.flatMap((param) => (param.name !== undefined && isContextType(param.type) ? [param.name] : []));
}

function isContextType(type: string): boolean {
  return type.endsWith('Context') && compactType(type) === 'context.Context';
}
