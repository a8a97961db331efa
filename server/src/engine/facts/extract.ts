// Go source -> FileFacts: runs the queries over one parsed file and assembles
// the facts. Pure: no I/O, and nothing kept between files.
import type { Node, Query, Tree } from 'web-tree-sitter';
import { callFact } from './calls';
import type { CallSite } from './callSite';
import { commentFacts } from './comments';
import { configDefaultsFacts } from './configDefaults';
import { readHeader } from './declarations';
import { groupByFunction, scanBody, scanDeclarations } from './fileScan';
import type { FunctionScope } from './functions';
import { LineIndex } from './lines';
import { logCallFact, loggingImports, type LoggingImports } from './logging';
import { authHeaderLiterals, mimeLiterals } from './mediaLiterals';
import { metricFact } from './metrics';
import { isNotImplementedPanic, unstructuredCall } from './placeholders';
import type { FactQueries } from './queries';
import { spanStartFacts } from './spans';
import { rangeOf } from './syntax';
import { syntaxErrorFacts } from './syntaxErrors';
import { hasTableDrivenTest } from './tableTests';
import { hasConcurrency, testFuncFact } from './tests';
import type { FileFacts, FuncFact } from './types';
import { urlLiterals } from './urls';

export function extractFileFacts(tree: Tree, source: string, queries: FactQueries): FileFacts {
  const root = tree.rootNode;
  const lines = new LineIndex(source);
  const declarations = scanDeclarations(root, queries.declarations, lines, source);
  const body = scanBody(root, lines, source);
  const { groups, owners } = groupByFunction(body.sites, declarations.functions);
  const logging = loggingImports(declarations.imports);
  const funcs = declarations.functions.map((scope, index) =>
    functionFacts(scope, groups[index] ?? [], queries.span, logging, source),
  );
  const header = readHeader(source, declarations.packageClause?.startIndex);
  return {
    ...packageFacts(declarations.packageClause, declarations.packageName),
    generated: header.generated,
    ...(header.buildConstraint === undefined ? {} : { buildConstraint: header.buildConstraint }),
    syntaxErrors: syntaxErrorFacts(root, queries.errors),
    imports: declarations.imports,
    consts: declarations.consts,
    vars: declarations.vars,
    types: declarations.types,
    funcs,
    metrics: body.sites.flatMap((site, index) => metricFact(site, owners[index]?.fact.name, source) ?? []),
    unstructuredCalls: body.sites.flatMap((site) => unstructuredCall(site) ?? []),
    notImplementedPanics: body.sites.filter((site) => isNotImplementedPanic(site, source)).map((site) => site.range),
    comments: commentFacts(root, source),
    tests: funcs.flatMap((func) => testFuncFact(func) ?? []),
    hasTableDrivenTest: hasTableDrivenTest(body.sites, declarations.types, root, source),
    hasConcurrencyTest: hasConcurrency(body.goStatements, declarations.imports, body.sites, root, source),
    urlLiterals: urlLiterals(root, source),
    mimeLiterals: mimeLiterals(root, source),
    authHeaders: authHeaderLiterals(root, source),
    configDefaults: configDefaultsFacts(declarations.functions, source),
    lineCount: lines.lineCount,
  };
}

function functionFacts(
  scope: FunctionScope,
  sites: CallSite[],
  spanQuery: Query,
  logging: LoggingImports,
  source: string,
): FuncFact {
  const fact = scope.fact;
  fact.calls = sites.map((site) => callFact(site, fact.receiverVar, source));
  fact.spanStarts = spanStartFacts(scope, sites, spanQuery, source);
  fact.logCalls = sites.flatMap((site) => logCallFact(site, fact, logging, source) ?? []);
  fact.readsSpanContext = sites.some(
    (site) => site.name === 'SpanContextFromContext' || (site.name === 'SpanContext' && site.operand !== undefined),
  );
  fact.usesTraceID = sites.some((site) => site.name === 'TraceID' && site.operand !== undefined);
  return fact;
}

type PackageFacts = Pick<FileFacts, 'packageName' | 'packageClauseRange'>;

function packageFacts(clause: Node | undefined, name: string | undefined): PackageFacts {
  return clause && name !== undefined ? { packageName: name, packageClauseRange: rangeOf(clause) } : {};
}

/** Facts of a file that could not be parsed at all. */
export function emptyFileFacts(source: string): FileFacts {
  return {
    generated: false,
    syntaxErrors: { count: 0, first: [] },
    imports: [],
    consts: [],
    vars: [],
    types: [],
    funcs: [],
    metrics: [],
    unstructuredCalls: [],
    notImplementedPanics: [],
    comments: [],
    tests: [],
    hasTableDrivenTest: false,
    hasConcurrencyTest: false,
    urlLiterals: [],
    mimeLiterals: [],
    authHeaders: [],
    configDefaults: [],
    lineCount: new LineIndex(source).lineCount,
  };
}
