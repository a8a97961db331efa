// Span starts (`X.Start(...)` on a tracer) and what the function does with the
// span afterwards: end it, hand it on, record errors on it.
import type { Node, Query } from 'web-tree-sitter';
import type { CallSite } from './callSite';
import { listItems } from './declarations';
import { resultTypes, type FunctionScope } from './functions';
import { capture, contains, fieldNodes, namedChildrenOf, spanOf, textOf, type Span } from './syntax';
import type { SpanStartFact } from './types';

/** `X.Start(...)` where X's last name (identifier, field or called function) contains "tracer". */
export function isSpanStart(site: CallSite): boolean {
  return site.name === 'Start' && site.operandName !== undefined && /tracer/i.test(site.operandName);
}

interface ReturnInfo {
  start: number;
  /** Text of the last returned value; absent for a bare `return`. */
  lastValue?: string;
}

interface Closure {
  span: Span;
  node: Node;
}

/** What the span query found in one function body. */
interface BodyFacts {
  returns: ReturnInfo[];
  handoffs: Set<string>;
  closures: Closure[];
}

export function spanStartFacts(scope: FunctionScope, sites: CallSite[], query: Query, source: string): SpanStartFact[] {
  const starts = sites.filter(isSpanStart);
  if (starts.length === 0 || !scope.body) return [];
  const body = readBody(scope.body, query, source);
  return starts.map((start) => spanStartFact(start, scope, sites, body, source));
}

function readBody(bodyNode: Node, query: Query, source: string): BodyFacts {
  const returns = new Map<number, ReturnInfo>();
  const body: BodyFacts = { returns: [], handoffs: new Set(), closures: [] };
  for (const match of query.matches(bodyNode)) {
    const returned = capture(match, 'return');
    const last = capture(match, 'return.last');
    const handoff = capture(match, 'handoff');
    const closure = capture(match, 'closure');
    if (returned) {
      const info = returns.get(returned.startIndex) ?? { start: returned.startIndex };
      if (last) info.lastValue = textOf(source, last);
      returns.set(info.start, info);
    }
    if (handoff) body.handoffs.add(textOf(source, handoff));
    if (closure) body.closures.push({ span: spanOf(closure), node: closure });
  }
  body.returns = [...returns.values()];
  return body;
}

function spanStartFact(
  start: CallSite,
  scope: FunctionScope,
  sites: CallSite[],
  body: BodyFacts,
  source: string,
): SpanStartFact {
  const spanVar = assignedSpanVariable(start.node, source);
  const calledOnSpan = (names: string[]): boolean =>
    spanVar !== undefined && sites.some((site) => site.operand === spanVar && names.includes(site.name));
  const fact: SpanStartFact = {
    range: start.range,
    ended: calledOnSpan(['End']),
    handedOn: spanVar === undefined ? startIsHandedOn(start.node) : spanVar !== '_' && body.handoffs.has(spanVar),
    errorRecorded: calledOnSpan(['RecordError', 'SetStatus']),
    returnsErrorAfter: returnsErrorAfter(start, scope, body, source),
    tracer: start.operand ?? '',
  };
  if (spanVar !== undefined) fact.spanVar = spanVar;
  return fact;
}

/** `ctx, span := X.Start(...)` (also `=` and `var`): the second name on the left. */
function assignedSpanVariable(call: Node, source: string): string | undefined {
  const list = call.parent;
  const statement = list?.parent;
  if (!list || !statement || list.type !== 'expression_list' || namedChildrenOf(list).length !== 1) return undefined;
  let names: Node[] = [];
  if (statement.type === 'short_var_declaration' || statement.type === 'assignment_statement') {
    const left = statement.childForFieldName('left');
    names = left ? listItems(left) : [];
  } else if (statement.type === 'var_spec') {
    names = fieldNodes(statement, 'name');
  }
  const second = names[1];
  return second && second.type === 'identifier' ? textOf(source, second) : undefined;
}

/** An unassigned start that is returned or passed straight to a call: the caller owns the span. */
function startIsHandedOn(call: Node): boolean {
  const parent = call.parent;
  if (!parent) return false;
  if (parent.type === 'argument_list') return true;
  return parent.type === 'expression_list' && parent.parent?.type === 'return_statement';
}

/**
 * Whether a return after the start gives back a non-nil error. The function
 * judged is the innermost one around the start (a closure when the span starts
 * in one), and only its own returns count, not those of closures inside it. A
 * bare `return` with named results counts as returning the named error.
 */
function returnsErrorAfter(start: CallSite, scope: FunctionScope, body: BodyFacts, source: string): boolean {
  const closure = innermostClosure(body.closures, start.start);
  const signature = closure
    ? resultTypes(closure.node.childForFieldName('result'), source)
    : { types: scope.fact.results, named: scope.namedResults };
  if (signature.types[signature.types.length - 1]?.trim() !== 'error') return false;
  return body.returns.some(
    (item) =>
      item.start > start.start &&
      innermostClosure(body.closures, item.start) === closure &&
      (item.lastValue === undefined ? signature.named : item.lastValue !== 'nil'),
  );
}

function innermostClosure(closures: Closure[], index: number): Closure | undefined {
  let innermost: Closure | undefined;
  for (const closure of closures) {
    if (contains(closure.span, index) && (!innermost || closure.span.start > innermost.span.start)) innermost = closure;
  }
  return innermost;
}
