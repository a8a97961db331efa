// Per-file facts: the small, serializable record the engine keeps for every Go
// file instead of its syntax tree. Everything downstream (package model, rules,
// reports) reads only these. They must stay plain JSON data: they cross worker
// threads and are cached on disk keyed by content hash.

/** 0-based line and UTF-16 column, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface ImportFact {
  path: string;
  /** Explicit alias (`_`, `.`, or a name), absent when none. */
  alias?: string;
}

/** A string-valued expression: literals, constant names, or both joined with `+`. */
export type StringPart = { literal: string } | { ident: string };

export interface ConstFact {
  name: string;
  /** Parts joined with `+`; absent when the value is not made of string literals and identifiers. */
  parts?: StringPart[];
  /** The value when it is a number literal (`1536`, `-0.5`, `1_000`), absent otherwise. */
  number?: number;
  range: Range;
}

/** A literal value as Go writes it: a string, a number or a bool. */
export type LiteralValue = string | number | boolean;

/** A composite literal inside a `DefaultConfig()`-style function (spec §5 configuration defaults). */
export interface ConfigDefaultsFact {
  /** The function: `DefaultConfig`, `defaultConfig`, `DefaultClientConfig`. */
  func: string;
  /** Bare type name of the literal (`Config` for `&pkg.Config{…}`); the first literal of each type only. */
  type: string;
  /** Keyed fields whose value is a literal, in source order (`Timeout: 30 * time.Second` is left out). */
  fields: { name: string; value: LiteralValue }[];
}

/** A package-level variable (one per name of a `var` spec). */
export interface VarFact {
  name: string;
  /** Declared type as written, absent when inferred from the value. */
  type?: string;
  range: Range;
}

export interface FieldFact {
  /** Field name; for an embedded field, the embedded type's name. */
  name: string;
  type: string;
  embedded: boolean;
  /** Raw struct tag without the back-quotes, absent when none. */
  tag?: string;
  exported: boolean;
}

export interface TypeFact {
  name: string;
  kind: 'struct' | 'interface' | 'alias' | 'other';
  exported: boolean;
  range: Range;
  /** Struct fields (struct kind only). */
  fields: FieldFact[];
  /** Interface method names with their signature text (interface kind only). */
  methods: { name: string; signature: string }[];
  /** Full declaration text, kept only for interfaces (used to move them to iface/). */
  text?: string;
}

export interface ParamFact {
  /** Parameter name; `_` or absent when unnamed. */
  name?: string;
  type: string;
}

/** A call made inside a top-level function (closures included). */
export interface CallFact {
  /** Last name of the callee: `Start` for `s.tracer.Start(...)`, `StartSpan` for `pkg.StartSpan(...)`. */
  name: string;
  /** Callee operand text before the last name (`s.tracer`, `pkg`), absent for a bare call. */
  operand?: string;
  /** Last name of the operand (`tracer` for `s.tracer`, `Tracer` for `otel.Tracer("x")`). */
  operandName?: string;
  /** True when the operand is exactly the function's receiver variable. */
  onReceiver: boolean;
  argCount: number;
  /** For `Register...` calls only: the first argument as a string expression (conversions such as
   * `string(X)` unwrapped) and the factory argument's function name. */
  registerArgs?: { key?: StringPart[]; factory?: string };
  range: Range;
}

/** `X.Start(...)` where X's last name contains "tracer". */
export interface SpanStartFact {
  range: Range;
  /** Variable the span is assigned to (second left-hand name), absent when not assigned. */
  spanVar?: string;
  /** `span.End()` is called (directly or deferred) in the function. */
  ended: boolean;
  /** The span variable is returned or passed to a call, so ending it is someone else's job. */
  handedOn: boolean;
  /** `span.RecordError(...)` or `span.SetStatus(...)` is called in the function. */
  errorRecorded: boolean;
  /** A `return` after the start returns a non-nil last value in a function whose last result is `error`. */
  returnsErrorAfter: boolean;
  /** Tracer expression text (`s.tracer`, `otel.Tracer("x")`). */
  tracer: string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogCallFact {
  /** Library family detected from the call shape and the file's imports. */
  library: 'slog' | 'zap' | 'zerolog' | 'logr' | 'logrus' | 'other';
  level?: LogLevel;
  /** Callee text, e.g. `slog.Info`, `s.logger.Warn`. */
  callee: string;
  /** Uses a context-taking variant (`InfoContext`, `Ctx(ctx)`, ...). */
  withContext: boolean;
  /** A slog call without context where a named `context.Context` is in scope: `contextName` can be passed. */
  contextName?: string;
  /** Range of the callee's last name (the part a fix renames). */
  nameRange: Range;
  range: Range;
}

export interface FuncFact {
  name: string;
  /** Receiver type name without pointer or type parameters, absent for plain functions. */
  receiverType?: string;
  receiverVar?: string;
  exported: boolean;
  /** Range of the name identifier. */
  nameRange: Range;
  range: Range;
  /** Range of the body block, absent for declarations without body. */
  bodyRange?: Range;
  params: ParamFact[];
  /** Result types as written. */
  results: string[];
  /** Names of `context.Context` parameters (`_` included when so named). */
  contextParams: string[];
  calls: CallFact[];
  spanStarts: SpanStartFact[];
  logCalls: LogCallFact[];
  /** Reads `trace.SpanContextFromContext` or `SpanFromContext(...).SpanContext()`. */
  readsSpanContext: boolean;
  /** Calls `.TraceID()` (to hand the trace id to a log call). */
  usesTraceID: boolean;
}

export interface MetricFact {
  instrument: string;
  type: 'counter' | 'updowncounter' | 'histogram' | 'gauge';
  name: { literal: string } | { parts: StringPart[] } | { dynamic: true };
  /** Range of the name argument. */
  nameRange: Range;
  unit?: string;
  description?: string;
  /** Meter expression text (`m.meter`, `otel.Meter("x")`). */
  meter: string;
  range: Range;
  /** Enclosing top-level function name, absent at package level. */
  inFunction?: string;
}

export interface CommentFact {
  kind: 'ignore' | 'placeholder';
  /** For `//gocomply:ignore <rule-id> <reason>`: the rule id. */
  ruleId?: string;
  text: string;
  range: Range;
}

export interface TestFuncFact {
  name: string;
  kind: 'test' | 'benchmark' | 'fuzz' | 'example';
  range: Range;
}

export interface FileFacts {
  /** Package clause name, absent when the file has none. */
  packageName?: string;
  packageClauseRange?: Range;
  /** `// Code generated ... DO NOT EDIT.` before the package clause. */
  generated: boolean;
  /** `//go:build` expression, absent when none. */
  buildConstraint?: string;
  /** Parse errors (ERROR or MISSING nodes): first few ranges, and how many in all. */
  syntaxErrors: { count: number; first: Range[] };
  imports: ImportFact[];
  consts: ConstFact[];
  vars: VarFact[];
  types: TypeFact[];
  funcs: FuncFact[];
  metrics: MetricFact[];
  /** `fmt.Print*` / `log.Print*` calls. */
  unstructuredCalls: { callee: string; range: Range }[];
  /** `panic("not implemented")`-style calls. */
  notImplementedPanics: Range[];
  comments: CommentFact[];
  tests: TestFuncFact[];
  /** A slice of struct cases ranged over with `t.Run`. */
  hasTableDrivenTest: boolean;
  /** `go` statements, `sync.WaitGroup`, `errgroup` or `t.Parallel`. */
  hasConcurrencyTest: boolean;
  /** `http(s)://` string literals with the constant name they are bound to, if any. */
  urlLiterals: { value: string; constName?: string }[];
  /** `image/…`, `audio/…`, `video/…` string literals (MIME types), in source order. */
  mimeLiterals: string[];
  /** String literals naming an authentication header (`Authorization`, `x-api-key`, `X-Auth-Token`). */
  authHeaders: string[];
  /** Composite literals of `DefaultConfig()`-style functions. */
  configDefaults: ConfigDefaultsFact[];
  lineCount: number;
}
