// Table-driven tests: a slice of struct cases ranged over with `t.Run` in the
// loop body. Maps of struct cases count too: Go code uses both shapes.
import type { Node, Query } from 'web-tree-sitter';
import type { CallSite } from './callSite';
import type { FunctionScope } from './functions';
import { capture, contains, spanOf, textOf, type Span } from './syntax';
import type { TypeFact } from './types';

interface RangeLoop {
  subject: Node;
  body: Span;
}

interface TableShapes {
  loops: RangeLoop[];
  /** Case literals by start index, with the text of their element (or value) type. */
  caseLiterals: Map<number, Node>;
  /** Variable name -> start indexes of the composite literals assigned to it. */
  bindings: Map<string, number[]>;
  structNames: Set<string>;
}

/** What the rest of the extraction already knows about the file. */
export interface TableTestInput {
  sites: CallSite[];
  /** The top-level function of each site (parallel to `sites`). */
  owners: (FunctionScope | undefined)[];
  /** Package-level `var` declarations, where cases may be kept. */
  variables: Node[];
  types: TypeFact[];
}

/**
 * Runs the table query only over the functions that call `X.Run(name, fn)` and
 * the package-level variables, not over the whole file.
 */
export function hasTableDrivenTest(input: TableTestInput, query: Query, source: string): boolean {
  const runs = input.sites.filter((site) => site.name === 'Run' && site.operand !== undefined && site.argCount >= 2);
  const scopes = new Set(runs.flatMap((run) => input.owners[input.sites.indexOf(run)] ?? []));
  if (scopes.size === 0 || !source.includes('range')) return false;
  const shapes = emptyShapes(input.types);
  for (const node of [...[...scopes].map((scope) => scope.node), ...input.variables]) readShapes(shapes, node, query, source);
  const isCaseLiteral = (start: number): boolean => {
    const element = shapes.caseLiterals.get(start);
    return element !== undefined && isStructElement(element, shapes.structNames, source);
  };
  return shapes.loops.some((loop) => {
    if (!runs.some((run) => contains(loop.body, run.start))) return false;
    if (isCaseLiteral(loop.subject.startIndex)) return true;
    const bound = loop.subject.type === 'identifier' ? shapes.bindings.get(textOf(source, loop.subject)) : undefined;
    return bound?.some(isCaseLiteral) ?? false;
  });
}

function emptyShapes(types: TypeFact[]): TableShapes {
  const structNames = new Set(types.filter((type) => type.kind === 'struct').map((type) => type.name));
  return { loops: [], caseLiterals: new Map(), bindings: new Map(), structNames };
}

function readShapes(shapes: TableShapes, node: Node, query: Query, source: string): void {
  for (const match of query.matches(node)) {
    const subject = capture(match, 'range.subject');
    const body = capture(match, 'range.body');
    if (subject && body) shapes.loops.push({ subject, body: spanOf(body) });
    const cases = capture(match, 'cases');
    const element = capture(match, 'cases.element');
    if (cases && element) shapes.caseLiterals.set(cases.startIndex, element);
    const bindingName = capture(match, 'binding.name');
    const bindingValue = capture(match, 'binding.value');
    if (bindingName && bindingValue) addBinding(shapes.bindings, textOf(source, bindingName), bindingValue.startIndex);
    const structName = capture(match, 'struct.name');
    if (structName) shapes.structNames.add(textOf(source, structName));
  }
}

function addBinding(bindings: Map<string, number[]>, name: string, start: number): void {
  const starts = bindings.get(name);
  if (starts) starts.push(start);
  else bindings.set(name, [start]);
}

/** `struct{...}`, or a struct type declared in this file (pointer or not). */
function isStructElement(element: Node, structNames: Set<string>, source: string): boolean {
  if (element.type === 'struct_type') return true;
  const name = textOf(source, element).replace(/^\*\s*/, '');
  return structNames.has(name);
}
