// The Go files of a new provider (addProvider.ts plans them): the provider
// package itself (providerSource.ts), its table-driven unit test
// (providerTest.ts), and its mock (providerMock.ts). Everything is string work
// over what the planner resolved: rendered types, how the registry is called,
// the shape of the factory. This file holds those inputs and the pieces the
// three files share. Written with tabs, as gofmt writes.
import { renderResults, type SigParam } from './goSignatures';
import type { GoImports } from './goWorkspace';

/** How a result of an operation is produced. */
export type ResultValue =
  | { kind: 'literal'; text: string }
  /** The receiver: the result type is the interface being implemented. */
  | { kind: 'self' }
  /** The operation's error. */
  | { kind: 'error' }
  /** The provider's name (a `Name() string`-style method). */
  | { kind: 'name' }
  /** A zero value that needs a variable (`var out0 T`). */
  | { kind: 'var' };

export interface OperationResult {
  /** The type as the file writes it. */
  type: string;
  value: ResultValue;
}

export interface Operation {
  name: string;
  /** Parameters as the file writes them; names may be undefined (all unnamed). */
  params: SigParam[];
  results: OperationResult[];
  /** Index of the `context.Context` parameter, if any. */
  contextIndex?: number;
}

export type FactoryParamKind =
  | { kind: 'struct'; pointer: boolean; fields: { name: string; type: string }[]; literal: string }
  | { kind: 'map'; valueIsString: boolean }
  | { kind: 'other' };

export interface FactoryParam {
  name?: string;
  type: string;
  variadic: boolean;
  shape: FactoryParamKind;
}

export interface ConfigField {
  name: string;
  type: string;
  key: string;
  required: boolean;
  /** Rules of the `validate` tag besides `required` (`gt=0`). */
  rules: string[];
  /** Go expression of the default, with the `default` tag value. */
  default?: { expr: string; tag: string };
  /** When the value is invalid (a Go condition on `c`), what Validate says, and a value that is. */
  invalid?: { when: string; message: string; value: string };
  /** A valid value, for tests; required fields have one. */
  sample?: string;
}

export interface ProviderFileInput {
  providerName: string;
  goPackage: string;
  importPath: string;
  /** The framework package's name (`llms`, `voice/stt`), for comments. */
  frameworkPackage: string;
  /** First segment of span names: the package name's last segment (model/tracing.ts spanName). */
  spanPackage: string;
  typeName: string;
  constructorName: string;
  /** The interface as the provider file writes it. */
  iface: string;
  /** The registration callee as the provider file writes it (`llms.GetRegistry().Register`). */
  registerCallee: string;
  /** How the registration call reads, for the package comment (`llms.GetRegistry().Register`). */
  registerDescription: string;
  factory: { params: FactoryParam[]; results: string[] };
  operations: Operation[];
  config: ConfigField[];
  imports: GoImports;
  /** The references the file needs that depend on the import names: `time.Duration`, `errors.New`, ... */
  refs: ProviderRefs;
}

export interface ProviderRefs {
  errorsNew: string;
  otelTracer: string;
  codesError: string;
}

/** `text` as `//` comment lines of at most `width` columns (a longer word gets a line of its own). */
export function commentLines(text: string, width = 80): string[] {
  const lines: string[] = [];
  let line = '//';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '//' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '//';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

/** `a` or `an`, by the word's first letter. */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** Parameter names for an implementation: unique, none shadowing `reserved`, the context one named. */
export function implementationParams(op: Operation, reserved: Set<string>): { params: SigParam[]; contextName?: string } {
  const allUnnamed = op.params.every((p) => p.name === undefined);
  if (allUnnamed && op.contextIndex === undefined) return { params: op.params };
  const used = new Set<string>();
  const clashes = (name: string) => reserved.has(name) || used.has(name) || /^out\d+$/.test(name);
  let contextName: string | undefined;
  const params = op.params.map((p, i) => {
    let name = p.name ?? '_';
    if (i === op.contextIndex) {
      name = name === '_' || clashes(name) ? 'ctx' : name;
      for (let n = 2; clashes(name); n++) name = `ctx${n}`;
      contextName = name;
    } else if (name !== '_' && (clashes(name) || name === 'ctx')) {
      name = '_';
    }
    used.add(name);
    return { ...p, name };
  });
  return contextName !== undefined ? { params, contextName } : { params };
}

export function signatureText(params: SigParam[], results: OperationResult[]): string {
  const rendered = params.map((p) => `${p.name === undefined ? '' : `${p.name} `}${p.variadic ? '...' : ''}${p.type}`);
  return `(${rendered.join(', ')})${renderResults(results.map((r) => ({ type: r.type, variadic: false })))}`;
}

export function resultExprs(results: OperationResult[], self: string, nameExpr: string, errExpr: string): string[] {
  let varIndex = 0;
  return results.map((r) => {
    switch (r.value.kind) {
      case 'literal':
        return r.value.text;
      case 'self':
        return self;
      case 'error':
        return errExpr;
      case 'name':
        return nameExpr;
      case 'var':
        return `out${varIndex++}`;
    }
  });
}

export function varDecls(results: OperationResult[], indent: string): string[] {
  let varIndex = 0;
  return results.filter((r) => r.value.kind === 'var').map((r) => `${indent}var out${varIndex++} ${r.type}`);
}

/** Package clause (with its comment), imports the body uses, body; gofmt's blank lines between. */
export function assemble(header: string, imports: GoImports, body: string): string {
  const declaration = imports.declaration(body);
  return `${header}\n\n${declaration === '' ? '' : `${declaration}\n`}${body}\n`;
}
