// The two passes over a file's tree: top-level declarations (a shallow query)
// and calls and `go` statements (one walk of the whole tree, descendantsOfType).
import type { Node, Query, QueryMatch } from 'web-tree-sitter';
import { callSiteOfCall, callSiteOfConversion, type CallSite } from './callSite';
import { constFacts, importFact, varFacts } from './declarations';
import { functionScope, type FunctionParts, type FunctionScope } from './functions';
import type { LineIndex } from './lines';
import { capture } from './syntax';
import { typeFact } from './typeDecls';
import type { ConstFact, ImportFact, Position, TypeFact, VarFact } from './types';

export interface DeclarationScan {
  packageClause?: Node;
  packageName?: string;
  imports: ImportFact[];
  consts: ConstFact[];
  vars: VarFact[];
  types: TypeFact[];
  /** In source order; top-level functions never nest. */
  functions: FunctionScope[];
}

export function scanDeclarations(root: Node, query: Query, lines: LineIndex, source: string): DeclarationScan {
  const scan: DeclarationScan = { imports: [], consts: [], vars: [], types: [], functions: [] };
  for (const match of query.matches(root, { maxStartDepth: 1 })) {
    const packageClause = capture(match, 'package');
    const packageName = capture(match, 'package.name');
    if (packageClause && packageName && !scan.packageClause) {
      scan.packageClause = packageClause;
      scan.packageName = source.slice(packageName.startIndex, packageName.endIndex);
    }
    const spec = capture(match, 'import');
    const imported = spec ? importFact(spec, source) : undefined;
    if (imported) scan.imports.push(imported);
    const constant = capture(match, 'const');
    if (constant) scan.consts.push(...constFacts(constant, source));
    const variable = capture(match, 'var');
    if (variable) scan.vars.push(...varFacts(variable, source));
    addType(scan, capture(match, 'type'), capture(match, 'type.declaration'), source);
    addFunction(scan, match, lines, source);
  }
  scan.functions.sort((a, b) => a.span.start - b.span.start);
  return scan;
}

function addFunction(scan: DeclarationScan, match: QueryMatch, lines: LineIndex, source: string): void {
  const node = capture(match, 'function');
  const name = capture(match, 'function.name');
  const parameters = capture(match, 'function.parameters');
  if (!node || !name || !parameters) return;
  const parts: FunctionParts = {
    node,
    name,
    parameters,
    receiver: capture(match, 'function.receiver'),
    result: capture(match, 'function.result'),
    body: capture(match, 'function.body'),
  };
  scan.functions.push(functionScope(parts, lines, source));
}

function addType(scan: DeclarationScan, spec: Node | undefined, declaration: Node | undefined, source: string): void {
  const fact = spec && declaration ? typeFact(spec, declaration, source) : undefined;
  if (fact) scan.types.push(fact);
}

export interface BodyScan {
  /** Named calls in source order (an outer call before the calls nested in its callee). */
  sites: CallSite[];
  goStatements: number;
}

/** The nodes the body scan reads, found in one walk of the tree in wasm (far cheaper than a query's). */
const BODY_TYPES = ['call_expression', 'type_conversion_expression', 'go_statement'];

export function scanBody(root: Node, lines: LineIndex, source: string): BodyScan {
  const scan: BodyScan = { sites: [], goStatements: 0 };
  for (const node of root.descendantsOfType(BODY_TYPES)) {
    const type = node.type;
    if (type === 'go_statement') {
      scan.goStatements += 1;
      continue;
    }
    const site = type === 'call_expression' ? callSiteOfCall(node, source, lines) : callSiteOfConversion(node, source);
    if (site) scan.sites.push(site);
  }
  scan.sites.sort((a, b) => a.start - b.start || comparePositions(b.range.end, a.range.end));
  return scan;
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Groups call sites by the top-level function whose byte range holds them; both lists are sorted. */
export interface FunctionGroups {
  /** The sites of each function, parallel to the functions. */
  groups: CallSite[][];
  /** The function of each site, parallel to the sites; undefined at package level. */
  owners: (FunctionScope | undefined)[];
}

export function groupByFunction(sites: CallSite[], functions: FunctionScope[]): FunctionGroups {
  const groups = functions.map((): CallSite[] => []);
  const owners: (FunctionScope | undefined)[] = [];
  let index = 0;
  for (const site of sites) {
    while (index < functions.length && (functions[index]?.span.end ?? 0) <= site.start) index += 1;
    const scope = functions[index];
    const inside = scope !== undefined && scope.span.start <= site.start;
    owners.push(inside ? scope : undefined);
    if (inside) groups[index]?.push(site);
  }
  return { groups, owners };
}
