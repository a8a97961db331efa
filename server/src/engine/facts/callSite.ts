// Call sites from the body query: the callee's last name, its operand, and the
// nodes later rules may look into. Built for every call of a file, so the
// common shapes (`f(x)`, `a.b.C(x)`) are read from the text alone.
import type { Node } from 'web-tree-sitter';
import type { LineIndex } from './lines';
import { isDottedName, isIdentifier, lastDottedName, namedChildrenOf, textOf, toPosition } from './syntax';
import type { Range } from './types';

/** How a call names its function. */
export interface Callee {
  /** The identifier, selector or qualified type whose last name is `name`. */
  node: Node;
  /** As written, without type arguments: `s.tracer.Start`, `fmt.Println`, `F`. */
  text: string;
  name: string;
  /** Text before the last name (`s.tracer`), absent for a bare call. */
  operand?: string;
}

/** A call while its file is being extracted. */
export class CallSite {
  readonly callee: string;
  readonly calleeNode: Node;
  readonly name: string;
  readonly operand: string | undefined;
  readonly start: number;
  readonly argCount: number;
  operandName: string | undefined;
  private argumentNodes: Node[] | undefined;

  constructor(
    callee: Callee,
    readonly range: Range,
    /** An argument_list, or the single operand of a generic conversion `F[T](x)`. */
    private readonly argumentsNode: Node,
    private readonly conversion: Node | undefined,
    argCount: number,
  ) {
    this.callee = callee.text;
    this.calleeNode = callee.node;
    this.name = callee.name;
    this.operand = callee.operand;
    this.start = (conversion ?? callee.node).startIndex;
    this.argCount = argCount;
  }

  /** The call expression (or generic conversion) node itself. */
  get node(): Node {
    return this.conversion ?? this.argumentsNode.parent ?? this.argumentsNode;
  }

  /** Argument nodes, read from the tree only when a rule needs them. */
  get args(): Node[] {
    this.argumentNodes ??= this.conversion ? [this.argumentsNode] : namedChildrenOf(this.argumentsNode);
    return this.argumentNodes;
  }
}

/**
 * The call site of a `call_expression` node; undefined for callees without a
 * name (`func(){}()`). The grammar gives every call a named `function` and an
 * `argument_list` (`make`/`new` lists are aliased to one).
 */
export function callSiteOfCall(call: Node, source: string, lines: LineIndex): CallSite | undefined {
  const calleeNode = call.childForFieldName('function');
  const argumentsNode = call.childForFieldName('arguments');
  if (!calleeNode || !argumentsNode) return undefined;
  const callee = calleeFromText(calleeNode, argumentsNode.startIndex, source);
  if (!callee) return undefined;
  const endPoint = argumentsNode.endPosition;
  const range: Range = { start: toPosition(calleeNode.startPosition), end: toPosition(endPoint) };
  const argCount = countArguments(argumentsNode, lines.indexAt(endPoint), source);
  return withOperandName(new CallSite(callee, range, argumentsNode, undefined, argCount), source);
}

/**
 * `F[T](x)` and `pkg.F[T](x)` parse as a conversion to a generic type (the
 * grammar cannot tell an instantiated generic call from one): a call site when
 * the type is generic, undefined for other conversions.
 */
export function callSiteOfConversion(conversion: Node, source: string): CallSite | undefined {
  const type = conversion.childForFieldName('type');
  const calleeNode = type?.type === 'generic_type' ? type.childForFieldName('type') : null;
  const operand = calleeNode ? conversion.childForFieldName('operand') : null;
  if (!calleeNode || !operand) return undefined;
  const callee = resolveCallee(calleeNode, source);
  if (!callee) return undefined;
  const range: Range = { start: toPosition(conversion.startPosition), end: toPosition(conversion.endPosition) };
  return withOperandName(new CallSite(callee, range, operand, conversion, 1), source);
}

function withOperandName(site: CallSite, source: string): CallSite {
  site.operandName = operandLastName(site, source);
  return site;
}

/** Named children of an argument list, read one by one only when a comment may be among them. */
function countArguments(list: Node, end: number, source: string): number {
  const mayHoldComment = source.slice(list.startIndex, end).includes('/');
  return mayHoldComment ? namedChildrenOf(list).length : list.namedChildCount;
}

/** `f` and `a.b.C` straight from the text before the argument list; the tree for anything else. */
function calleeFromText(node: Node, argumentsStart: number, source: string): Callee | undefined {
  const text = source.slice(node.startIndex, argumentsStart).trimEnd();
  if (isIdentifier(text)) return { node, text, name: text };
  if (isDottedName(text)) {
    const dot = text.lastIndexOf('.');
    return { node, text, name: text.slice(dot + 1).trim(), operand: text.slice(0, dot).trim() };
  }
  return resolveCallee(node, source);
}

export const NAME_TYPES = new Set(['identifier', 'type_identifier', 'field_identifier']);
export const SELECTOR_TYPES = new Set(['selector_expression', 'qualified_type']);

export function resolveCallee(node: Node, source: string): Callee | undefined {
  const type = node.type;
  if (NAME_TYPES.has(type)) {
    const text = textOf(source, node);
    return { node, text, name: text };
  }
  if (SELECTOR_TYPES.has(type)) return splitSelector(node, source);
  // `pkg.G[T](x)` with explicit type arguments: the callee is the indexed operand.
  if (type === 'index_expression' || type === 'generic_type') {
    const inner = node.childForFieldName(type === 'index_expression' ? 'operand' : 'type');
    return inner ? resolveCallee(inner, source) : undefined;
  }
  return undefined;
}

/** Splits `x().y.C` at its last dot by text, falling back to the node's fields if a comment gets in the way. */
function splitSelector(node: Node, source: string): Callee | undefined {
  const text = textOf(source, node);
  const dot = text.lastIndexOf('.');
  const name = text.slice(dot + 1).trim();
  if (dot > 0 && isIdentifier(name)) return { node, text, name, operand: text.slice(0, dot).trim() };
  const isSelector = node.type === 'selector_expression';
  const nameNode = node.childForFieldName(isSelector ? 'field' : 'name');
  const operandNode = node.childForFieldName(isSelector ? 'operand' : 'package');
  if (!nameNode || !operandNode) return undefined;
  return { node, text, name: textOf(source, nameNode), operand: textOf(source, operandNode) };
}

function operandLastName(site: CallSite, source: string): string | undefined {
  if (site.operand === undefined) return undefined;
  if (isDottedName(site.operand)) return lastDottedName(site.operand);
  const operandNode = site.calleeNode.childForFieldName('operand') ?? site.calleeNode.childForFieldName('package');
  return operandNode ? expressionLastName(operandNode, source) : undefined;
}

/** The field that holds the named function of a call, an instantiation or a generic conversion. */
export const INNER_NAME_FIELD: Record<string, string> = {
  call_expression: 'function',
  index_expression: 'operand',
  type_conversion_expression: 'type',
  generic_type: 'type',
};

/**
 * Last name of an expression: `tracer` for `s.tracer`, `Tracer` for
 * `otel.Tracer("x")`, `getTracer` for `getTracer()`, `tracers` for `tracers[i]`.
 */
export function expressionLastName(node: Node, source: string): string | undefined {
  let current: Node | null | undefined = node;
  while (current) {
    const type: string = current.type;
    if (NAME_TYPES.has(type) || SELECTOR_TYPES.has(type)) return resolveCallee(current, source)?.name;
    if (type === 'parenthesized_expression') {
      current = namedChildrenOf(current)[0];
      continue;
    }
    const field: string | undefined = INNER_NAME_FIELD[type];
    current = field ? current.childForFieldName(field) : undefined;
  }
  return undefined;
}
