// The table-driven unit test of a new provider package: its configuration's
// validation, its factory, and the operations that fail with ErrNotConnected.
import { alignColumns } from './goTypes';
import type { GoImports } from './goWorkspace';
import { assemble, type Operation, type ProviderFileInput } from './providerTemplates';

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
