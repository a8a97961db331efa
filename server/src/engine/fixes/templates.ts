// Templates of the default required files (spec §2, §9): Go that is
// gofmt-clean and compiles on its own, named after the package. Pure: no I/O,
// no LSP. The Go sources are written below with two-space indentation for
// legibility; `gofmtIndent` turns it into gofmt's tabs.
import type { PackageApi, PackageMockInput } from './packageDocs';
import { advancedTestTemplate, interfaceMockFile, mockDeclaration, mockNames, type TestDouble } from './testTemplates';

export interface TemplateInput {
  /** The Go package name of the package clause (`search`), not the folder path. */
  goPackage: string;
  /** The package's import path, absent when its module has no module path. */
  importPath?: string;
  /** First segment of the package's metric names. */
  metricPrefix: string;
  /** The double advanced_test.go exercises: the package's mock, or one it declares itself. */
  testDouble: TestDouble;
  /** The package's doc comment (comment markers stripped), for README.md. */
  doc?: string;
  /** The package's exported types and functions, for README.md. */
  api?: PackageApi;
  /** The Go expression the package already passes to otel.Tracer/otel.Meter (`instrumentationName`, `"x"`), for metrics.go. */
  instrumentation?: string;
  /** The package's main interface, for test_utils.go: its mock implements it. */
  packageMock?: PackageMockInput;
}

export interface RenderedTemplate {
  content: string;
  /** Package-level identifiers the file declares, so a caller can refuse to create a clash. */
  declares: string[];
}

export const TEMPLATE_FILES = ['config.go', 'metrics.go', 'errors.go', 'test_utils.go', 'advanced_test.go', 'README.md'] as const;
export type TemplateFile = (typeof TEMPLATE_FILES)[number];

export function isTemplateFile(name: string): name is TemplateFile {
  return (TEMPLATE_FILES as readonly string[]).includes(name);
}

/** Leading pairs of spaces become tabs; alignment inside a line is left alone. */
export function gofmtIndent(source: string): string {
  return source.replace(/^((?: {2})+)/gm, (indent) => '\t'.repeat(indent.length / 2));
}

function configGo(input: TemplateInput): RenderedTemplate {
  const content = `package ${input.goPackage}

import "time"

// Config holds the settings of the ${input.goPackage} package. Each field's tags
// give its configuration key, its default and its validation rule.
type Config struct {
  Enabled    bool          \`mapstructure:"enabled" yaml:"enabled" default:"true"\`
  Timeout    time.Duration \`mapstructure:"timeout" yaml:"timeout" default:"30s" validate:"required,min=1ms"\`
  MaxRetries int           \`mapstructure:"max_retries" yaml:"max_retries" default:"3" validate:"gte=0,lte=10"\`
}

// DefaultConfig returns the configuration that the tags' defaults describe.
func DefaultConfig() Config {
  return Config{
    Enabled:    true,
    Timeout:    30 * time.Second,
    MaxRetries: 3,
  }
}
`;
  return { content: gofmtIndent(content), declares: ['Config', 'DefaultConfig'] };
}

function metricsGo(input: TemplateInput): RenderedTemplate {
  const meterName = input.instrumentation ?? JSON.stringify(input.importPath ?? input.goPackage);
  const prefix = input.metricPrefix;
  const content = `package ${input.goPackage}

import (
  "context"
  "time"

  "go.opentelemetry.io/otel"
  "go.opentelemetry.io/otel/attribute"
  "go.opentelemetry.io/otel/metric"
)

// Metrics holds the OpenTelemetry instruments of the ${input.goPackage} package.
type Metrics struct {
  operations metric.Int64Counter
  duration   metric.Float64Histogram
}

// NewMetrics creates the package's instruments from the global meter provider.
func NewMetrics() (*Metrics, error) {
  meter := otel.Meter(${meterName})
  operations, err := meter.Int64Counter(${JSON.stringify(`${prefix}.operations`)},
    metric.WithDescription("Operations performed by the ${input.goPackage} package."),
    metric.WithUnit("{operation}"),
  )
  if err != nil {
    return nil, err
  }
  duration, err := meter.Float64Histogram(${JSON.stringify(`${prefix}.operation.duration`)},
    metric.WithDescription("Duration of the ${input.goPackage} package's operations."),
    metric.WithUnit("s"),
  )
  if err != nil {
    return nil, err
  }
  return &Metrics{operations: operations, duration: duration}, nil
}

// recordOperation counts one operation and records how long it took and whether it failed.
func (m *Metrics) recordOperation(ctx context.Context, operation string, took time.Duration, err error) {
  attrs := metric.WithAttributes(
    attribute.String("operation", operation),
    attribute.Bool("error", err != nil),
  )
  m.operations.Add(ctx, 1, attrs)
  m.duration.Record(ctx, took.Seconds(), attrs)
}
`;
  return { content: gofmtIndent(content), declares: ['Metrics', 'NewMetrics'] };
}

function errorsGo(input: TemplateInput): RenderedTemplate {
  const pkg = input.goPackage;
  const content = `package ${pkg}

import (
  "errors"
  "fmt"
)

// ErrorCode classifies the errors of the ${pkg} package.
type ErrorCode string

// The error codes of the ${pkg} package.
const (
  ErrCodeInvalidConfig ErrorCode = "invalid_config"
  ErrCodeTimeout       ErrorCode = "timeout"
  ErrCodeInternal      ErrorCode = "internal"
)

// Error is an error of the ${pkg} package: the operation that failed, why, and the cause.
type Error struct {
  Op   string
  Code ErrorCode
  Err  error
}

// NewError returns an Error for op with code, wrapping err (which may be nil).
func NewError(op string, code ErrorCode, err error) *Error {
  return &Error{Op: op, Code: code, Err: err}
}

func (e *Error) Error() string {
  if e.Err == nil {
    return fmt.Sprintf("${pkg} %s: %s", e.Op, e.Code)
  }
  return fmt.Sprintf("${pkg} %s: %s: %v", e.Op, e.Code, e.Err)
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *Error) Unwrap() error {
  return e.Err
}

// IsErrorCode reports whether err is, or wraps, an Error with the given code.
func IsErrorCode(err error, code ErrorCode) bool {
  var target *Error
  return errors.As(err, &target) && target.Code == code
}
`;
  return {
    content: gofmtIndent(content),
    declares: ['ErrorCode', 'ErrCodeInvalidConfig', 'ErrCodeTimeout', 'ErrCodeInternal', 'Error', 'NewError', 'IsErrorCode'],
  };
}

function testUtilsGo(input: TemplateInput): RenderedTemplate {
  const names = mockNames(input.goPackage);
  if (input.packageMock) return { content: interfaceMockFile(input.goPackage, names, input.packageMock), declares: [names.typeName, names.constructor] };
  const content = `package ${input.goPackage}

import (
  "context"
  "sync"
)

${mockDeclaration(input.goPackage, names)}`;
  return { content: gofmtIndent(content), declares: [names.typeName, names.constructor] };
}

function advancedTestGo(input: TemplateInput): RenderedTemplate {
  const rendered = advancedTestTemplate(input.goPackage, input.testDouble);
  return { content: gofmtIndent(rendered.content), declares: rendered.declares };
}

/** A Go doc comment as Markdown: paragraphs kept, indented blocks fenced as Go, `# Heading` lines one level down. */
export function docMarkdown(doc: string): string {
  const out: string[] = [];
  let code: string[] = [];
  const flushCode = () => {
    if (code.length === 0) return;
    while (code.length > 0 && (code.at(-1) ?? '').trim() === '') code.pop();
    const indent = Math.min(...code.filter((l) => l.trim() !== '').map((l) => /^\s*/.exec(l)?.[0].length ?? 0));
    out.push('```go', ...code.map((l) => l.slice(indent)), '```');
    code = [];
  };
  for (const line of doc.split('\n')) {
    if (/^\s/.test(line) && line.trim() !== '') {
      code.push(line.replace(/\t/g, '    '));
      continue;
    }
    if (line.trim() === '' && code.length > 0) {
      code.push('');
      continue;
    }
    flushCode();
    out.push(/^# \S/.test(line) ? `#${escapeHtml(line)}` : escapeHtml(line));
  }
  flushCode();
  return out.join('\n');
}

/** `<` and `>` as entities, so `llms.<provider>` is not read as an HTML tag. */
const escapeHtml = (text: string) => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cell = (text: string) => escapeHtml(text).replace(/\|/g, '\\|');

function apiSection(api: PackageApi | undefined): string[] {
  if (!api) return [];
  const lines = ['', '## API', ''];
  if (api.types.length > 0) {
    lines.push('| Type | Kind | Description |', '| --- | --- | --- |');
    for (const t of api.types) lines.push(`| \`${t.name}\` | ${t.kind} | ${cell(t.summary ?? '')} |`);
    if (api.funcs.length > 0) lines.push('');
  }
  if (api.funcs.length > 0) {
    lines.push('| Function | Description |', '| --- | --- |');
    for (const f of api.funcs) lines.push(`| \`${f.name}\` | ${cell(f.summary ?? '')} |`);
  }
  return lines;
}

function readmeMd(input: TemplateInput): RenderedTemplate {
  const pkg = input.goPackage;
  const importLine = input.importPath === undefined ? [] : ['', '```go', `import "${input.importPath}"`, '```'];
  const intro = input.doc !== undefined ? docMarkdown(input.doc) : `Package \`${pkg}\` of the framework.`;
  const mock = mockNames(pkg).typeName;
  const mockText = input.packageMock ? `\`${mock}\`, a mock of \`${input.packageMock.iface}\`` : `test doubles such as \`${mock}\``;
  const lines = [
    `# ${pkg}`,
    '',
    intro,
    ...importLine,
    ...apiSection(input.api),
    '',
    '## Layout',
    '',
    '| File | Holds |',
    '| --- | --- |',
    '| `config.go` | `Config`, with its defaults (`DefaultConfig`) and validation tags |',
    `| \`metrics.go\` | the OpenTelemetry instruments (\`${input.metricPrefix}.*\`) |`,
    '| `errors.go` | the error type and its codes |',
    `| \`test_utils.go\` | ${mockText} |`,
    '| `advanced_test.go` | table-driven, concurrency and benchmark tests |',
    '',
    '## Testing',
    '',
    'From this folder:',
    '',
    '```sh',
    'go test -race -bench=. ./...',
    '```',
    '',
  ];
  return { content: lines.join('\n'), declares: [] };
}

const RENDERERS: Record<TemplateFile, (input: TemplateInput) => RenderedTemplate> = {
  'config.go': configGo,
  'metrics.go': metricsGo,
  'errors.go': errorsGo,
  'test_utils.go': testUtilsGo,
  'advanced_test.go': advancedTestGo,
  'README.md': readmeMd,
};

export function renderTemplate(file: TemplateFile, input: TemplateInput): RenderedTemplate {
  return RENDERERS[file](input);
}
