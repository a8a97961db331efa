// The Go files of a new provider (addProvider.ts plans them): the provider
// package itself, its table-driven unit test, and its mock. Everything here is
// string work over what the planner resolved: rendered types, how the registry
// is called, the shape of the factory. Written with tabs, as gofmt writes.
//
// What the generated provider does: it is registered, validates its Config and
// traces each operation of the interface, but it has no client for the
// provider's API. Operations that can fail return ErrNotConnected (recorded on
// their span) rather than pretending to succeed; operations that cannot fail
// return the provider's name, the provider itself (methods returning the
// interface, like BindTools), or zero values. No placeholder comment and no
// panic: the code compiles, its tests pass, and it says what it does.
import { alignColumns, renderResults, type SigParam } from './goTypes';
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

const RESERVED_IN_BODY = ['span', 'tracer', 'out'];

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

/** The receiver name of the provider type: its initial, as Go code names receivers, unless that is taken. */
export function receiverName(typeName: string, reserved: Set<string>): string {
  return [typeName.charAt(0).toLowerCase(), 'p', 'impl'].find((n) => !reserved.has(n)) ?? 'impl';
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

function operationDoc(op: Operation, traced: boolean, receiver: string): string {
  const fails = op.results.some((r) => r.value.kind === 'error');
  if (fails) return traced ? `fails with ErrNotConnected, recorded on its span.` : 'fails with ErrNotConnected.';
  const kinds = new Set(op.results.map((r) => r.value.kind));
  if (op.results.length === 0) return traced ? 'records its span and does nothing else: there is no API to call.' : 'does nothing: there is no API to call.';
  if (kinds.has('self')) return `returns ${receiver} unchanged.`;
  if (kinds.has('name')) return 'returns ProviderName.';
  if (op.name === 'Close') return 'returns nil: the provider holds no connection to release.';
  return `returns ${op.results.length === 1 ? 'the zero value' : 'zero values'}: there is no API to ask.`;
}

function providerOperation(input: ProviderFileInput, op: Operation, receiver: string, reserved: Set<string>): string {
  const { params, contextName } = implementationParams(op, reserved);
  const spanName = `${input.spanPackage}.${input.typeName}.${op.name}`;
  const lines = [
    ...commentLines(`${op.name} ${operationDoc(op, contextName !== undefined, receiver)}`),
    `func (${receiver} *${input.typeName}) ${op.name}${signatureText(params, op.results)} {`,
  ];
  if (contextName !== undefined) {
    lines.push(`\t_, span := tracer.Start(${contextName}, ${JSON.stringify(spanName)})`, '\tdefer span.End()');
  }
  lines.push(...varDecls(op.results, '\t'));
  const fails = op.results.some((r) => r.value.kind === 'error');
  if (fails && contextName !== undefined) {
    lines.push('\tspan.RecordError(ErrNotConnected)', `\tspan.SetStatus(${input.refs.codesError}, ErrNotConnected.Error())`);
  }
  if (op.results.length > 0) lines.push(`\treturn ${resultExprs(op.results, receiver, 'ProviderName', 'ErrNotConnected').join(', ')}`);
  lines.push('}');
  return lines.join('\n');
}

function configStruct(fields: ConfigField[]): string {
  const rows = fields.map((f) => {
    const tags = [`json:"${f.key}"`, `yaml:"${f.key}"`];
    if (f.default) tags.push(`default:"${f.default.tag}"`);
    const rules = [...(f.required ? ['required'] : []), ...f.rules];
    if (rules.length > 0) tags.push(`validate:"${rules.join(',')}"`);
    return [f.name, f.type, `\`${tags.join(' ')}\``];
  });
  return ['type Config struct {', ...alignColumns(rows).map((row) => `\t${row}`), '}'].join('\n');
}

function defaultConfig(fields: ConfigField[]): string {
  const defaults = fields.filter((f) => f.default).map((f) => `${f.name}: ${f.default?.expr ?? ''}`);
  const without = fields.filter((f) => !f.default).map((f) => f.name);
  const doc =
    without.length > 0
      ? `DefaultConfig returns the defaults the tags describe; ${listText(without)} ${without.length === 1 ? 'has' : 'have'} none.`
      : 'DefaultConfig returns the defaults the tags describe.';
  return [...commentLines(doc), 'func DefaultConfig() Config {', `\treturn Config{${defaults.join(', ')}}`, '}'].join('\n');
}

function listText(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

function validateMethod(input: ProviderFileInput): string {
  const cases = input.config.flatMap((f) =>
    f.invalid ? [`\tcase ${f.invalid.when}:`, `\t\treturn ${input.refs.errorsNew}(${JSON.stringify(`${input.providerName}: ${f.invalid.message}`)})`] : [],
  );
  return [
    '// Validate reports the first field that is missing or out of range.',
    'func (c Config) Validate() error {',
    '\tswitch {',
    ...cases,
    '\t}',
    '\treturn nil',
    '}',
  ].join('\n');
}

/** Statements copying what a factory parameter carries into `c`, at `indent`. */
function paramCopies(param: FactoryParam, name: string, config: ConfigField[], indent: string): string[] {
  const shape = param.shape;
  if (shape.kind === 'struct') {
    const copies = config.flatMap((f) => {
      const source = shape.fields.find((s) => s.name === f.name && s.type === f.type);
      if (!source) return [];
      const zero = f.type === 'string' ? '""' : '0';
      const inner = shape.pointer ? `${indent}\t` : indent;
      return [`${inner}if ${name}.${f.name} != ${zero} {`, `${inner}\tc.${f.name} = ${name}.${f.name}`, `${inner}}`];
    });
    if (copies.length === 0) return [];
    return shape.pointer ? [`${indent}if ${name} != nil {`, ...copies, `${indent}}`] : copies;
  }
  if (shape.kind === 'map') {
    return config
      .filter((f) => !shape.valueIsString || f.type === 'string')
      .flatMap((f) => {
        const read = shape.valueIsString ? `${name}[${JSON.stringify(f.key)}]` : `${name}[${JSON.stringify(f.key)}].(${f.type})`;
        return [`${indent}if v, ok := ${read}; ok {`, `${indent}\tc.${f.name} = v`, `${indent}}`];
      });
  }
  return [];
}

/** Factory parameters with names for the ones it reads (`_` for the rest); none shadow `reserved`. */
export function factoryParamNames(params: FactoryParam[], reserved: Set<string>): string[] {
  const used = new Set<string>();
  return params.map((p, i) => {
    if (p.shape.kind === 'other') return '_';
    let name = p.name !== undefined && p.name !== '_' ? p.name : p.shape.kind === 'map' ? 'opts' : 'cfg';
    if (name === 'c' || name === 'v' || name === 'ok' || name === 'p' || name === 'err' || reserved.has(name) || used.has(name)) name = `arg${i}`;
    used.add(name);
    return name;
  });
}

function factoryFunc(input: ProviderFileInput, reserved: Set<string>): string {
  const { params, results } = input.factory;
  const names = factoryParamNames(params, reserved);
  const allUnnamed = names.every((n) => n === '_');
  const paramText = params.map((p, i) => `${allUnnamed ? '' : `${names[i] ?? '_'} `}${p.variadic ? '...' : ''}${p.type}`).join(', ');
  const resultText = results.length === 1 ? ` ${results[0] ?? ''}` : ` (${results.join(', ')})`;
  const reads = params.some((p) => p.shape.kind !== 'other');
  const source = reads
    ? 'New is the factory registered as ProviderName: it copies the settings its arguments carry over DefaultConfig'
    : 'New is the factory registered as ProviderName: its arguments carry no settings of this provider, so it starts from DefaultConfig';
  const check =
    results.length === 2
      ? ', and validates the result.'
      : `. The registry's factories return no error, so it does not validate the result: ${input.constructorName} does.`;
  const doc = commentLines(`${source}${check}`);
  const body = ['\tc := DefaultConfig()', ...params.flatMap((p, i) => paramCopies(p, names[i] ?? '_', input.config, '\t'))];
  if (results.length === 2) {
    body.push(`\tp, err := ${input.constructorName}(c)`, '\tif err != nil {', '\t\treturn nil, err', '\t}', '\treturn p, nil');
  } else {
    body.push(`\treturn &${input.typeName}{cfg: c}`);
  }
  return [...doc, `func New(${paramText})${resultText} {`, ...body, '}'].join('\n');
}

export function providerFile(input: ProviderFileInput): string {
  const declared = new Set([...input.imports.takenNames(), ...RESERVED_IN_BODY, 'ProviderName', 'ErrNotConnected', input.typeName]);
  const receiver = receiverName(input.typeName, declared);
  const reserved = new Set([...declared, receiver]);
  const body = [
    '// ProviderName is the name the provider registers under.',
    `const ProviderName = ${JSON.stringify(input.providerName)}`,
    '',
    ...commentLines(
      `ErrNotConnected is what the operations return: the provider validates its configuration and traces its calls, but has no client for the ${input.providerName} API.`,
    ),
    `var ErrNotConnected = ${input.refs.errorsNew}(${JSON.stringify(`${input.providerName}: the provider has no API client`)})`,
    '',
    `var tracer = ${input.refs.otelTracer}(${JSON.stringify(input.importPath)})`,
    '',
    'func init() {',
    `\t${input.registerCallee}(ProviderName, New)`,
    '}',
    '',
    `// Config configures the ${input.providerName} provider.`,
    configStruct(input.config),
    '',
    defaultConfig(input.config),
    '',
    validateMethod(input),
    '',
    ...commentLines(`${input.typeName} is the ${input.providerName} implementation of ${input.iface}.`),
    `type ${input.typeName} struct {`,
    '\tcfg Config',
    '}',
    '',
    `var _ ${input.iface} = (*${input.typeName})(nil)`,
    '',
    factoryFunc(input, reserved),
    '',
    ...commentLines(`${input.constructorName} returns a ${input.typeName} for cfg, or the error of cfg.Validate.`),
    `func ${input.constructorName}(cfg Config) (*${input.typeName}, error) {`,
    '\tif err := cfg.Validate(); err != nil {',
    '\t\treturn nil, err',
    '\t}',
    `\treturn &${input.typeName}{cfg: cfg}, nil`,
    '}',
    ...input.operations.flatMap((op) => ['', providerOperation(input, op, receiver, reserved)]),
  ].join('\n');
  const header = [
    ...commentLines(
      `Package ${input.goPackage} is the ${input.providerName} provider of ${input.frameworkPackage}. Importing it registers ${JSON.stringify(input.providerName)} with ${input.registerDescription}.`,
    ),
    '//',
    ...commentLines(
      `It validates its configuration and traces every operation, but has no client for the ${input.providerName} API yet: operations that can fail return ErrNotConnected instead of made-up results.`,
    ),
    `package ${input.goPackage}`,
  ].join('\n');
  return assemble(header, input.imports, body);
}

/** Package clause (with its comment), imports the body uses, body; gofmt's blank lines between. */
export function assemble(header: string, imports: GoImports, body: string): string {
  const declaration = imports.declaration(body);
  return `${header}\n\n${declaration === '' ? '' : `${declaration}\n`}${body}\n`;
}

export interface ProviderTestInput {
  provider: ProviderFileInput;
  imports: GoImports;
  /** `context.Background`, `errors.Is` and `testing.T` as the test file writes them. */
  refs: { contextBackground: string; errorsIs: string; testingT: string };
  /** Each operation's argument types as the test file writes them (same order as `provider.operations`). */
  operations: { op: Operation; argTypes: string[] }[];
  /** The factory's parameters as the test writes them, when the test can call it with one configuration value. */
  factoryCase?: { type: string; empty: string; complete?: string };
}

interface TableTest {
  /** Statements before the table, at one tab. */
  setup?: string[];
  /** The case struct's fields: name and type. */
  fields: [string, string][];
  /** The cases, at two tabs. */
  rows: string[];
  /** What each case runs inside its t.Run, at three tabs. */
  check: string[];
}

/** `func <name>(t *testing.T)` running `check` for each row of its table. */
function tableTest(name: string, testingT: string, table: TableTest): string {
  return [
    `func ${name}(t *${testingT}) {`,
    ...(table.setup ?? []),
    '\ttests := []struct {',
    ...alignColumns(table.fields).map((r) => `\t\t${r}`),
    '\t}{',
    ...table.rows,
    '\t}',
    '\tfor _, tt := range tests {',
    `\t\tt.Run(tt.name, func(t *${testingT}) {`,
    ...table.check,
    '\t\t})',
    '\t}',
    '}',
  ].join('\n');
}

function configTest(input: ProviderTestInput): string {
  const rows = [
    `\t\t{name: "valid", mutate: func(*Config) {}},`,
    ...input.provider.config.flatMap((f) =>
      f.invalid ? [`\t\t{name: ${JSON.stringify(`invalid ${f.name}`)}, mutate: func(c *Config) { c.${f.name} = ${f.invalid.value} }, wantErr: true},`] : [],
    ),
  ];
  return tableTest('TestConfigValidate', input.refs.testingT, {
    fields: [
      ['name', 'string'],
      ['mutate', 'func(*Config)'],
      ['wantErr', 'bool'],
    ],
    rows,
    check: [
      '\t\t\tcfg := validConfig()',
      '\t\t\ttt.mutate(&cfg)',
      '\t\t\tif err := cfg.Validate(); (err != nil) != tt.wantErr {',
      '\t\t\t\tt.Fatalf("Validate() error = %v, wantErr %v", err, tt.wantErr)',
      '\t\t\t}',
    ],
  });
}

function validConfigFunc(input: ProviderTestInput): string {
  const sets = input.provider.config.flatMap((f) => (f.required && f.sample !== undefined ? [`\tcfg.${f.name} = ${f.sample}`] : []));
  return ['func validConfig() Config {', '\tcfg := DefaultConfig()', ...sets, '\treturn cfg', '}'].join('\n');
}

function factoryTest(input: ProviderTestInput): string | undefined {
  const factoryCase = input.factoryCase;
  if (!factoryCase) return undefined;
  const rows = [`\t\t{name: "empty configuration", cfg: ${factoryCase.empty}, wantErr: true},`];
  if (factoryCase.complete !== undefined) rows.push(`\t\t{name: "required settings given", cfg: ${factoryCase.complete}},`);
  return tableTest('TestNew', input.refs.testingT, {
    fields: [
      ['name', 'string'],
      ['cfg', factoryCase.type],
      ['wantErr', 'bool'],
    ],
    rows,
    check: [
      '\t\t\tgot, err := New(tt.cfg)',
      '\t\t\tif (err != nil) != tt.wantErr {',
      '\t\t\t\tt.Fatalf("New() error = %v, wantErr %v", err, tt.wantErr)',
      '\t\t\t}',
      '\t\t\tif err == nil && got == nil {',
      '\t\t\t\tt.Fatal("New() returned no provider and no error")',
      '\t\t\t}',
    ],
  });
}

function operationCase(input: ProviderTestInput, op: Operation, argTypes: string[]): string[] {
  const reserved = new Set([...input.imports.takenNames(), 'p', 'err', 't', 'tt', 'tests']);
  const used = new Set<string>();
  const decls: string[] = [];
  const args = op.params.map((param, i) => {
    if (i === op.contextIndex) return `${input.refs.contextBackground}()`;
    let name = param.name !== undefined && param.name !== '_' ? param.name : `arg${i}`;
    for (let n = 2; reserved.has(name) || used.has(name); n++) name = `${param.name ?? 'arg'}${n}`;
    used.add(name);
    decls.push(`\t\t\t\tvar ${name} ${param.variadic ? '[]' : ''}${argTypes[i] ?? param.type}`);
    return param.variadic ? `${name}...` : name;
  });
  const call = `p.${op.name}(${args.join(', ')})`;
  const statements =
    op.results.length === 1
      ? [`\t\t\t\treturn ${call}`]
      : [`\t\t\t\t${[...op.results.slice(0, -1).map(() => '_'), 'err'].join(', ')} := ${call}`, '\t\t\t\treturn err'];
  return ['\t\t{', `\t\t\tname: ${JSON.stringify(op.name)},`, '\t\t\tcall: func() error {', ...decls, ...statements, '\t\t\t},', '\t\t},'];
}

function operationsTest(input: ProviderTestInput): string | undefined {
  const failing = input.operations.filter(({ op }) => op.results.at(-1)?.value.kind === 'error');
  if (failing.length === 0) return undefined;
  const constructor = input.provider.constructorName;
  return tableTest('TestOperationsFailWithErrNotConnected', input.refs.testingT, {
    setup: [`\tp, err := ${constructor}(validConfig())`, '\tif err != nil {', `\t\tt.Fatalf("${constructor}() error = %v", err)`, '\t}'],
    fields: [
      ['name', 'string'],
      ['call', 'func() error'],
    ],
    rows: failing.flatMap(({ op, argTypes }) => operationCase(input, op, argTypes)),
    check: [
      `\t\t\tif err := tt.call(); !${input.refs.errorsIs}(err, ErrNotConnected) {`,
      '\t\t\t\tt.Fatalf("%s() error = %v, want ErrNotConnected", tt.name, err)',
      '\t\t\t}',
    ],
  });
}

export function providerTestFile(input: ProviderTestInput): string {
  const sections = [validConfigFunc(input), configTest(input), factoryTest(input), operationsTest(input)].filter(
    (s): s is string => s !== undefined,
  );
  const body = sections.join('\n\n');
  return assemble(`package ${input.provider.goPackage}`, input.imports, body);
}

export interface MockInput {
  providerName: string;
  typeName: string;
  /** The interface as the mock's file writes it. */
  iface: string;
  operations: Operation[];
  reserved: Set<string>;
}

/** A mock named after the provider: every operation returns Err (or the zero values, the mock itself, the name). */
export function mockDeclaration(input: MockInput): string {
  const reserved = new Set([...input.reserved, 'm', 'out']);
  const methods = input.operations.map((op) => {
    const { params } = implementationParams({ ...op, params: op.params }, reserved);
    const results = resultExprs(op.results, 'm', JSON.stringify(input.providerName), 'm.Err');
    const doc = op.results.some((r) => r.value.kind === 'error')
      ? 'returns m.Err.'
      : op.results.length === 0
        ? 'does nothing.'
        : op.results.some((r) => r.value.kind === 'self')
          ? 'returns m.'
          : op.results.some((r) => r.value.kind === 'name')
            ? `returns ${JSON.stringify(input.providerName)}.`
            : op.results.length === 1
              ? 'returns the zero value.'
              : 'returns zero values.';
    return [
      ...commentLines(`${op.name} ${doc}`),
      `func (m *${input.typeName}) ${op.name}${signatureText(params, op.results)} {`,
      ...varDecls(op.results, '\t'),
      ...(op.results.length > 0 ? [`\treturn ${results.join(', ')}`] : []),
      '}',
    ].join('\n');
  });
  return [
    ...commentLines(
      `${input.typeName} is a test double of the ${input.providerName} provider: ${article(input.iface)} ${input.iface} whose operations return Err.`,
    ),
    `type ${input.typeName} struct {`,
    '\t// Err is what the operations return.',
    '\tErr error',
    '}',
    '',
    `var _ ${input.iface} = (*${input.typeName})(nil)`,
    ...methods.flatMap((m) => ['', m]),
  ].join('\n');
}
