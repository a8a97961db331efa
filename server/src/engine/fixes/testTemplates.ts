// The test-side templates: the package mock of test_utils.go, and
// advanced_test.go (a table-driven test, a concurrency test and a benchmark)
// exercising that mock. Two-space indentation; templates.ts turns it into tabs.
import { alignColumns } from './goTypes';
import { pascalCase } from './names';
import type { PackageMockInput } from './packageDocs';
import { article, commentLines, implementationParams, resultExprs, signatureText, varDecls } from './providerTemplates';

export interface MockNames {
  typeName: string;
  constructor: string;
}

/**
 * What advanced_test.go exercises: the package's mock from test_utils.go when
 * the package has it (`declare: false`), else a double the test file declares
 * itself, so the file compiles whatever test_utils.go holds.
 */
export interface TestDouble extends MockNames {
  declare: boolean;
}

export function mockNames(goPackage: string): MockNames {
  const name = pascalCase(goPackage);
  return { typeName: `Mock${name}`, constructor: `NewMock${name}` };
}

/** The double advanced_test.go declares when the package has no usable mock. */
export function localDoubleNames(goPackage: string): MockNames {
  const name = pascalCase(goPackage);
  return { typeName: `fake${name}`, constructor: `newFake${name}` };
}

/** A mock that records the operations it is asked to do and fails them with a configured error. */
export function mockDeclaration(goPackage: string, names: MockNames): string {
  const { typeName, constructor } = names;
  return `// ${typeName} is a test double for the ${goPackage} package: it records the
// operations it is asked to do and fails them with the error it was given.
type ${typeName} struct {
  mu    sync.Mutex
  calls []string
  err   error
}

// ${constructor} returns a mock whose operations fail with err (nil: they succeed).
func ${constructor}(err error) *${typeName} {
  return &${typeName}{err: err}
}

// Do records operation and returns ctx's error when ctx is done, else the configured error.
func (m *${typeName}) Do(ctx context.Context, operation string) error {
  m.mu.Lock()
  defer m.mu.Unlock()
  m.calls = append(m.calls, operation)
  if err := ctx.Err(); err != nil {
    return err
  }
  return m.err
}

// Calls returns the operations recorded so far, in call order.
func (m *${typeName}) Calls() []string {
  m.mu.Lock()
  defer m.mu.Unlock()
  return append([]string(nil), m.calls...)
}
`;
}

/**
 * The package mock of test_utils.go when the package has a main interface:
 * the same recorder as mockDeclaration (Do, Calls, the configured error), and
 * every method of the interface, each recording its name and returning the
 * configured error (or zero values, or the mock itself). Written with tabs;
 * returns the whole file, imports included.
 */
export function interfaceMockFile(goPackage: string, names: MockNames, mock: PackageMockInput): string {
  const { typeName, constructor } = names;
  const { imports } = mock;
  const mutex = imports.ref('sync', 'sync', 'Mutex');
  const context = imports.ref('context', 'context', 'Context');
  const reserved = new Set([...imports.takenNames(), 'm', 'out', 'record', 'operation']);
  const methods = mock.operations.map((op) => {
    const { params } = implementationParams(op, reserved);
    const values = resultExprs(op.results, 'm', '"mock"', 'm.err');
    const kinds = new Set(op.results.map((r) => r.value.kind));
    const returns = kinds.has('error')
      ? 'returns the configured error'
      : op.results.length === 0
        ? 'returns'
        : kinds.has('self')
          ? 'returns m'
          : kinds.has('name')
            ? 'returns "mock"'
            : `returns ${op.results.length === 1 ? 'the zero value' : 'zero values'}`;
    return [
      ...commentLines(`${op.name} records the call and ${returns}.`),
      `func (m *${typeName}) ${op.name}${signatureText(params, op.results)} {`,
      `\tm.record(${JSON.stringify(op.name)})`,
      ...varDecls(op.results, '\t'),
      ...(op.results.length > 0 ? [`\treturn ${values.join(', ')}`] : []),
      '}',
    ].join('\n');
  });
  const fields = alignColumns([
    ['mu', mutex],
    ['calls', '[]string'],
    ['err', 'error'],
  ]);
  const code = [
    ...commentLines(
      `${typeName} is a test double for the ${goPackage} package: ${article(mock.iface)} ${mock.iface} that records the operations it is asked to do and fails them with the error it was given.`,
    ),
    `type ${typeName} struct {`,
    ...fields.map((f) => `\t${f}`),
    '}',
    '',
    `var _ ${mock.iface} = (*${typeName})(nil)`,
    '',
    `// ${constructor} returns a mock whose operations fail with err (nil: they succeed).`,
    `func ${constructor}(err error) *${typeName} {`,
    `\treturn &${typeName}{err: err}`,
    '}',
    '',
    "// Do records operation and returns ctx's error when ctx is done, else the configured error.",
    `func (m *${typeName}) Do(ctx ${context}, operation string) error {`,
    '\tm.record(operation)',
    '\tif err := ctx.Err(); err != nil {',
    '\t\treturn err',
    '\t}',
    '\treturn m.err',
    '}',
    '',
    '// Calls returns the operations recorded so far, in call order.',
    `func (m *${typeName}) Calls() []string {`,
    '\tm.mu.Lock()',
    '\tdefer m.mu.Unlock()',
    '\treturn append([]string(nil), m.calls...)',
    '}',
    '',
    `func (m *${typeName}) record(operation string) {`,
    '\tm.mu.Lock()',
    '\tdefer m.mu.Unlock()',
    '\tm.calls = append(m.calls, operation)',
    '}',
    ...methods.flatMap((method) => ['', method]),
  ].join('\n');
  const declaration = imports.declaration(code);
  return `package ${goPackage}\n\n${declaration === '' ? '' : `${declaration}\n`}${code}\n`;
}

function tableDrivenTest(prefix: string, names: MockNames): string {
  return `func Test${prefix}TableDriven(t *testing.T) {
  errUnavailable := errors.New("unavailable")
  cancelled, cancel := context.WithCancel(context.Background())
  cancel()
  tests := []struct {
    name    string
    ctx     context.Context
    err     error
    wantErr error
  }{
    {name: "succeeds", ctx: context.Background(), err: nil, wantErr: nil},
    {name: "returns the configured error", ctx: context.Background(), err: errUnavailable, wantErr: errUnavailable},
    {name: "stops on a cancelled context", ctx: cancelled, err: nil, wantErr: context.Canceled},
  }
  for _, tt := range tests {
    t.Run(tt.name, func(t *testing.T) {
      double := ${names.constructor}(tt.err)
      if err := double.Do(tt.ctx, tt.name); !errors.Is(err, tt.wantErr) {
        t.Fatalf("Do() error = %v, want %v", err, tt.wantErr)
      }
      if calls := double.Calls(); len(calls) != 1 || calls[0] != tt.name {
        t.Fatalf("Calls() = %v, want [%s]", calls, tt.name)
      }
    })
  }
}`;
}

function concurrencyTest(prefix: string, names: MockNames): string {
  return `func Test${prefix}ConcurrentCalls(t *testing.T) {
  const workers = 16
  double := ${names.constructor}(nil)
  var wg sync.WaitGroup
  for i := 0; i < workers; i++ {
    wg.Add(1)
    go func() {
      defer wg.Done()
      if err := double.Do(context.Background(), "concurrent"); err != nil {
        t.Errorf("Do() error = %v", err)
      }
    }()
  }
  wg.Wait()
  if got := len(double.Calls()); got != workers {
    t.Fatalf("len(Calls()) = %d, want %d", got, workers)
  }
}`;
}

function benchmark(prefix: string, names: MockNames): string {
  return `func Benchmark${prefix}Do(b *testing.B) {
  ctx := context.Background()
  b.ReportAllocs()
  for i := 0; i < b.N; i++ {
    if err := ${names.constructor}(nil).Do(ctx, "benchmark"); err != nil {
      b.Fatal(err)
    }
  }
}`;
}

export function advancedTestTemplate(goPackage: string, double: TestDouble): { content: string; declares: string[] } {
  const prefix = pascalCase(goPackage);
  const sections = [
    `package ${goPackage}`,
    'import (\n  "context"\n  "errors"\n  "sync"\n  "testing"\n)',
    ...(double.declare ? [mockDeclaration(goPackage, double).trimEnd()] : []),
    tableDrivenTest(prefix, double),
    concurrencyTest(prefix, double),
    benchmark(prefix, double),
  ];
  const tests = [`Test${prefix}TableDriven`, `Test${prefix}ConcurrentCalls`, `Benchmark${prefix}Do`];
  return {
    content: `${sections.join('\n\n')}\n`,
    declares: [...tests, ...(double.declare ? [double.typeName, double.constructor] : [])],
  };
}
