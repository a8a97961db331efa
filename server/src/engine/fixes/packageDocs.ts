// What the required-file templates learn from a package's own code, beyond
// its name: its doc comment and exported API (README.md), the interface its
// mock should implement (test_utils.go), and the instrumentation name its
// tracer or meter already uses (metrics.go). Pure: reads facts and text
// through the PackageFixContext; each part is absent when the context cannot
// tell (no text access, no interface), and the templates fall back to their
// generic form.
import type { FileFacts, Range } from '../facts/types';
import { baseName, joinRel } from '../workspace/walk';
import { GoInterfaces, UnimplementableInterface } from './goOperations';
import { UnsupportedType } from './goTypeNames';
import {
  GoImports,
  dirOfImport,
  importPathOfDir,
  importsTransitively,
  resolveNamedType,
  sourceContext,
  type DeclaredType,
  type GoLookup,
} from './goWorkspace';
import type { PackageFixContext } from './missingFile';
import { pascalCase } from './names';
import type { Operation } from './providerTemplates';

export interface ApiEntry {
  name: string;
  /** `struct`, `interface`, `func`, ... */
  kind: string;
  /** First sentence of its doc comment, when the text was readable. */
  summary?: string;
}

export interface PackageApi {
  types: ApiEntry[];
  funcs: ApiEntry[];
}

/** The package's mock in test_utils.go, implementing its main interface. */
export interface PackageMockInput {
  /** The interface as test_utils.go writes it. */
  iface: string;
  operations: Operation[];
  /** The import section of test_utils.go, with the interface's imports already named. */
  imports: GoImports;
}

function lookupOf(ctx: PackageFixContext): GoLookup {
  const own = ctx.folderGoFiles.map(baseName);
  return {
    factsOf: (file) => ctx.factsOf(file),
    listDir: (dir) => (ctx.listDir ? ctx.listDir(dir) : dir === ctx.model.path ? own : []),
  };
}

/** Production files of the folder whose package clause is `goPackage`. */
function ownFiles(ctx: PackageFixContext, goPackage: string): { file: string; facts: FileFacts }[] {
  return ctx.folderGoFiles.flatMap((file) => {
    const facts = ctx.factsOf(file);
    if (!facts || file.endsWith('_test.go') || facts.generated || facts.packageName !== goPackage) return [];
    return [{ file, facts }];
  });
}

const DIRECTIVE = /^\/\/(?:go:|gocomply:|\s*\+build\b|line\s)/;

/** The text of the `//` comment block that ends on the line just above `line` (0-based), markers stripped. */
export function commentAbove(text: string, line: number): string | undefined {
  const lines = text.split('\n');
  const block: string[] = [];
  for (let i = line - 1; i >= 0; i--) {
    const trimmed = (lines[i] ?? '').trim();
    if (!trimmed.startsWith('//') || DIRECTIVE.test(trimmed)) break;
    block.unshift(trimmed.replace(/^\/\/ ?/, ''));
  }
  if (block.length === 0 && (lines[line - 1] ?? '').trim().endsWith('*/')) {
    const end = line - 1;
    let start = end;
    while (start >= 0 && !(lines[start] ?? '').includes('/*')) start--;
    if (start < 0) return undefined;
    const inner = lines.slice(start, end + 1).join('\n');
    const body = inner.slice(inner.indexOf('/*') + 2, inner.lastIndexOf('*/'));
    block.push(...body.split('\n').map((l) => l.replace(/^\s*\* ?/, '').trimEnd()));
  }
  while (block.length > 0 && (block[0] ?? '').trim() === '') block.shift();
  while (block.length > 0 && (block.at(-1) ?? '').trim() === '') block.pop();
  return block.length > 0 ? block.join('\n') : undefined;
}

/** The package's doc comment: from doc.go, the anchor `<name>.go`, then the folder's other files. */
export function packageDoc(ctx: PackageFixContext, goPackage: string): string | undefined {
  const textOf = ctx.textOf;
  if (!textOf) return undefined;
  const files = ownFiles(ctx, goPackage);
  const anchor = `${baseName(ctx.model.path)}.go`;
  const rank = (file: string) => (baseName(file) === 'doc.go' ? 0 : baseName(file) === anchor ? 1 : 2);
  const ordered = [...files].sort((a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file));
  for (const { file, facts } of ordered) {
    const clause = facts.packageClauseRange;
    const text = clause ? textOf(file) : undefined;
    if (!clause || text === undefined) continue;
    const doc = commentAbove(text, clause.start.line);
    if (doc !== undefined) return doc;
  }
  return undefined;
}

/** First sentence of a doc comment, on one line. */
export function firstSentence(doc: string): string {
  const flat = (doc.split(/\n\s*\n/)[0] ?? '').replace(/\s+/g, ' ').trim();
  const end = /\.(?:\s|$)/.exec(flat);
  return end ? flat.slice(0, end.index + 1) : flat;
}

/** Exported package-level types and functions of the package folder, by name. */
export function packageApi(ctx: PackageFixContext, goPackage: string): PackageApi | undefined {
  const types: ApiEntry[] = [];
  const funcs: ApiEntry[] = [];
  const summaryAt = (file: string, range: Range): string | undefined => {
    const text = ctx.textOf?.(file);
    const doc = text !== undefined ? commentAbove(text, range.start.line) : undefined;
    return doc !== undefined ? firstSentence(doc) : undefined;
  };
  // test_utils.go holds test doubles, not the package's API.
  for (const { file, facts } of ownFiles(ctx, goPackage).filter(({ file }) => baseName(file) !== 'test_utils.go')) {
    for (const type of facts.types) {
      if (!type.exported) continue;
      const summary = summaryAt(file, type.range);
      types.push({ name: type.name, kind: type.kind === 'other' ? 'type' : type.kind, ...(summary !== undefined ? { summary } : {}) });
    }
    for (const func of facts.funcs) {
      if (!func.exported || func.receiverType !== undefined) continue;
      const summary = summaryAt(file, func.range);
      funcs.push({ name: func.name, kind: 'func', ...(summary !== undefined ? { summary } : {}) });
    }
  }
  const byName = (a: ApiEntry, b: ApiEntry) => a.name.localeCompare(b.name);
  if (types.length === 0 && funcs.length === 0) return undefined;
  return { types: types.sort(byName), funcs: funcs.sort(byName) };
}

/** The Go expression an existing `otel.Meter(…)` or `otel.Tracer(…)` call of the folder passes: a string literal or a folder constant. */
export function instrumentationName(ctx: PackageFixContext, goPackage: string): string | undefined {
  const files = ownFiles(ctx, goPackage);
  const consts = new Set(files.flatMap(({ facts }) => facts.consts.map((c) => c.name)));
  const CALL = /\b(?:Meter|Tracer)\(\s*("(?:[^"\\\n]|\\.)*"|[\p{L}_][\p{L}\p{Nd}_]*)\s*[,)]/gu;
  const found: string[] = [];
  const collect = (text: string) => {
    for (const match of text.matchAll(CALL)) {
      const arg = match[1];
      if (arg !== undefined && (arg.startsWith('"') || consts.has(arg))) found.push(arg);
    }
  };
  for (const { file, facts } of files) {
    for (const metric of facts.metrics) collect(metric.meter);
    for (const func of facts.funcs) for (const start of func.spanStarts) collect(start.tracer);
    const text = ctx.textOf?.(file);
    if (text !== undefined) collect(text);
  }
  return found[0];
}

function interfacesIn(lookup: GoLookup, dir: string, goPackage?: string): DeclaredType[] {
  return lookup
    .listDir(dir)
    .filter((name) => name.endsWith('.go') && !name.endsWith('_test.go') && name !== 'test_utils.go')
    .flatMap((name) => {
      const file = joinRel(dir, name);
      const facts = lookup.factsOf(file);
      if (!facts || facts.generated || (goPackage !== undefined && facts.packageName !== goPackage)) return [];
      return facts.types.filter((t) => t.kind === 'interface' && t.exported && t.methods.length > 0).map((type) => ({ file, dir, type }));
    });
}

/** The interface a `Factory` func type of the folder returns, read from its declaration text. */
function factoryResult(ctx: PackageFixContext, lookup: GoLookup, goPackage: string): DeclaredType | undefined {
  const module = ctx.module;
  for (const { file, facts } of ownFiles(ctx, goPackage)) {
    const text = ctx.textOf?.(file);
    if (text === undefined) continue;
    for (const type of facts.types.filter((t) => t.kind === 'other' && t.name.endsWith('Factory'))) {
      const lines = text.split('\n').slice(type.range.start.line, type.range.end.line + 1).join('\n');
      const result = /func\s*\([^)]*\)\s*\(?\s*(\*?[\p{L}_][\p{L}\p{Nd}_.]*)/u.exec(lines)?.[1];
      if (result === undefined || result.startsWith('*')) continue;
      const declared = resolveNamedType(lookup, module ? [module] : [], sourceContext(lookup, module ? [module] : [], file), result);
      if (declared?.type.kind === 'interface') return declared;
    }
  }
  return undefined;
}

/**
 * The package's main interface: the one its Factory returns, else the one
 * named after the package, else the largest; looked for in the folder and
 * its iface/ (when the context can list folders).
 */
export function mainInterface(ctx: PackageFixContext, goPackage: string): DeclaredType | undefined {
  const lookup = lookupOf(ctx);
  const fromFactory = factoryResult(ctx, lookup, goPackage);
  if (fromFactory) return fromFactory;
  const candidates = [...interfacesIn(lookup, ctx.model.path, goPackage), ...(ctx.listDir ? interfacesIn(lookup, joinRel(ctx.model.path, 'iface')) : [])];
  const named = new Set([pascalCase(goPackage), pascalCase(goPackage).replace(/s$/, '')]);
  return candidates.sort(
    (a, b) =>
      Number(named.has(b.type.name)) - Number(named.has(a.type.name)) ||
      b.type.methods.length - a.type.methods.length ||
      a.type.name.localeCompare(b.type.name),
  )[0];
}

/**
 * The operations of a mock of the package's main interface in test_utils.go,
 * undefined when there is none, when it cannot be implemented as written,
 * when it has a `Do` or `Calls` method (the mock's own helpers), or when
 * importing its types from the package would close an import cycle.
 */
export function packageMock(ctx: PackageFixContext, goPackage: string, reserved: Set<string>): PackageMockInput | undefined {
  const iface = mainInterface(ctx, goPackage);
  const module = ctx.module;
  if (!iface || !module) return undefined;
  const lookup = lookupOf(ctx);
  const modules = [module];
  const ownPath = importPathOfDir(modules, ctx.model.path);
  if (ownPath === undefined) return undefined;
  const interfaces = new GoInterfaces(lookup, modules);
  try {
    const methods = interfaces.methods(iface);
    if (methods.some((m) => m.name === 'Do' || m.name === 'Calls')) return undefined;
    const imports = new GoImports(ownPath, [], reserved);
    const ref = interfaces.reference(iface, imports);
    const operations = interfaces.operations(methods, iface, imports);
    const written = [ref, ...operations.flatMap((op) => [...op.params.map((p) => p.type), ...op.results.map((r) => r.type)])].join('\n');
    for (const { path } of imports.needed(written)) {
      if (dirOfImport(modules, path) !== undefined && importsTransitively(lookup, modules, path, ownPath)) return undefined;
    }
    return { iface: ref, operations, imports };
  } catch (error) {
    if (error instanceof UnsupportedType || error instanceof UnimplementableInterface) return undefined;
    throw error;
  }
}
