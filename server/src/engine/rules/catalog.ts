// The rule catalogue of spec §9 as data. Everything that names a rule (the
// diagnostics, the settings' `rules` map, the SARIF driver, the README's rule
// section) reads it from here, so the list exists once.

export type DefaultSeverity = 'hint' | 'info' | 'warning' | 'error';

interface RuleDefinition {
  readonly id: string;
  readonly defaultSeverity: DefaultSeverity;
  /** One line, shown in the Problems panel hover, SARIF shortDescription and the README. */
  readonly title: string;
  /** What the rule checks. */
  readonly description: string;
  /** What to do about it. */
  readonly fix: string;
  /** Where the diagnostic is placed. */
  readonly where: string;
  /** What the quick fix does; absent when the rule has none. */
  readonly quickFix?: string;
}

const RULE_DEFINITIONS = [
  {
    id: 'structure/missing-file',
    defaultSeverity: 'warning',
    title: 'A required file of the package is missing',
    description: 'Each framework package has config.go, metrics.go, errors.go, test_utils.go, advanced_test.go and README.md in its folder (setting `requiredFiles`).',
    fix: 'Create the file in the package folder.',
    where: "package clause of the package's anchor file",
    quickFix: 'Create the file from a template that compiles.',
  },
  {
    id: 'structure/missing-directory',
    defaultSeverity: 'info',
    title: 'The package has no iface/ directory',
    description: 'Exported interfaces of a framework package live in `iface/`; multi-provider packages keep implementations in `providers/`.',
    fix: 'Move the exported interfaces to `iface/`, leaving type aliases behind.',
    where: "the package's anchor file",
    quickFix: 'Create `iface/` by moving exported interfaces there, leaving type aliases.',
  },
  {
    id: 'structure/non-standard-location',
    defaultSeverity: 'info',
    title: 'A required file sits outside the package folder',
    description: 'A required file exists only elsewhere in the package (for example `internal/metrics.go`); the requirement counts as partly met.',
    fix: 'Move the file to the package folder.',
    where: 'the file',
  },
  {
    id: 'otel/missing-metrics',
    defaultSeverity: 'warning',
    title: 'The package defines no OpenTelemetry metrics',
    description: 'A package is expected to have `metrics.go` defining at least one OTEL instrument.',
    fix: 'Create `metrics.go` and define the package\'s instruments from an injected or `otel.Meter(…)` meter.',
    where: "the package's anchor file",
    quickFix: 'Create `metrics.go`.',
  },
  {
    id: 'otel/metric-name',
    defaultSeverity: 'warning',
    title: 'A metric name breaks the naming convention',
    description: 'Metric names match `metrics.namePattern`, share the package\'s first segment, carry a UCUM unit for latency histograms, do not end in `total` for counters and do not repeat their unit.',
    fix: 'Rename the metric to the convention.',
    where: 'the name literal',
    quickFix: 'Rename to the convention.',
  },
  {
    id: 'otel/metric-conflict',
    defaultSeverity: 'error',
    title: 'One metric name is defined with two instrument types or units',
    description: 'Within the workspace a metric name has a single instrument type and a single unit.',
    fix: 'Give the definitions one type and unit, or different names.',
    where: 'each definition',
  },
  {
    id: 'otel/untraced-method',
    defaultSeverity: 'info',
    title: 'A public method starts no span',
    description: 'Public methods (those taking a `context.Context` with `tracing.scope` = `context`) start a span directly, through a span starter, or by delegating to a traced method of the same receiver.',
    fix: 'Start a span named `<package>.<Type>.<Method>` at the top of the method.',
    where: 'the method name',
    quickFix: 'Add a span (also: add spans to all untraced methods of the package).',
  },
  {
    id: 'otel/span-not-ended',
    defaultSeverity: 'warning',
    title: 'A started span is never ended',
    description: 'A span variable from a direct `Start` call never gets `.End()` in that function.',
    fix: 'Add `defer span.End()` right after the `Start` call.',
    where: 'the `Start` call',
    quickFix: 'Add `defer span.End()`.',
  },
  {
    id: 'otel/span-error-not-recorded',
    defaultSeverity: 'info',
    title: 'An error is returned without being recorded on the span',
    description: 'A function that starts a span and returns a non-nil error never calls `RecordError` or `SetStatus` on the span.',
    fix: 'Call `span.RecordError(err)` and `span.SetStatus(codes.Error, …)` before returning the error.',
    where: 'the `Start` call',
  },
  {
    id: 'logging/no-structured',
    defaultSeverity: 'warning',
    title: 'The package has no structured logging',
    description: 'Production code logs through `log/slog`, zap, zerolog, logr or logrus with fields, or a workspace logging helper.',
    fix: 'Log through a structured logger with fields.',
    where: "the package's anchor file",
  },
  {
    id: 'logging/no-otel-context',
    defaultSeverity: 'info',
    title: 'Logs carry no trace context',
    description: 'Logs include the trace id: an OTEL log bridge is imported, or the span context is passed to log calls. Also reported on `slog.Info(…)`-style calls where a `context.Context` is in scope.',
    fix: 'Use an OTEL log bridge, or the `…Context(ctx, …)` variant of the log call.',
    where: "the package's anchor file, or the log call",
    quickFix: 'Switch the call to its `…Context(ctx, …)` variant.',
  },
  {
    id: 'logging/unstructured-call',
    defaultSeverity: 'info',
    title: 'fmt.Print or log.Print in library code',
    description: '`fmt.Print*` and `log.Print*` in production code of a non-`main` package bypass structured logging.',
    fix: 'Log through the package\'s structured logger instead.',
    where: 'the call',
  },
  {
    id: 'testing/missing-benchmarks',
    defaultSeverity: 'info',
    title: 'A performance-critical package has no benchmarks',
    description: 'Packages listed in `performanceCritical` have a `func BenchmarkX(b *testing.B)` in their tests.',
    fix: 'Add benchmarks for the package\'s main operations.',
    where: "the package's anchor file",
    quickFix: 'Create a benchmark skeleton.',
  },
  {
    id: 'testing/low-coverage',
    defaultSeverity: 'info',
    title: 'Test coverage is below the threshold',
    description: 'Statement coverage from the Go coverage profiles is at or above `coverage.threshold` (default 80 %).',
    fix: 'Add tests, then regenerate the coverage profile.',
    where: "the package's anchor file",
  },
  {
    id: 'testing/advanced-test-incomplete',
    defaultSeverity: 'info',
    title: 'advanced_test.go lacks a table-driven or concurrency test',
    description: '`advanced_test.go` holds a table-driven test (struct cases ranged over with `t.Run`) and a concurrency test.',
    fix: 'Add the missing kind of test to `advanced_test.go`.',
    where: '`advanced_test.go`',
  },
  {
    id: 'testing/stale-coverage',
    defaultSeverity: 'info',
    title: 'The coverage profile is older than the code',
    description: 'A coverage profile is older than a source file it covers, so its numbers may be wrong.',
    fix: 'Regenerate the profile (`go test -coverprofile=coverage.out ./...`).',
    where: 'the coverage profile, or the anchor file',
  },
  {
    id: 'providers/duplicate-registration',
    defaultSeverity: 'error',
    title: 'Two registrations use the same registry name',
    description: 'A registry name is unique within a package.',
    fix: 'Rename one of the providers or remove the duplicate registration.',
    where: 'each registration call',
  },
  {
    id: 'providers/not-registered',
    defaultSeverity: 'warning',
    title: 'A provider is never registered',
    description: 'Each provider folder registers itself with the package registry.',
    fix: 'Register the provider\'s factory with the package registry.',
    where: "the provider folder's main file",
  },
  {
    id: 'providers/no-tests',
    defaultSeverity: 'warning',
    title: 'A provider has no unit tests',
    description: 'Each provider folder has `_test.go` files.',
    fix: 'Add unit tests in the provider folder.',
    where: "the provider folder's main file",
  },
  {
    id: 'providers/no-mock',
    defaultSeverity: 'info',
    title: 'A provider has no mock',
    description: 'The package\'s `test_utils.go` or `providers/mock` defines a mock named after the provider, or a package-wide mock.',
    fix: 'Add a mock for the provider to `test_utils.go`.',
    where: "the provider folder's main file",
  },
  {
    id: 'providers/not-auto-registered',
    defaultSeverity: 'info',
    title: 'A provider is registered outside init()',
    description: 'Providers register themselves from `func init()` so importing them is enough.',
    fix: 'Move the registration into `func init()`.',
    where: 'the registration call',
  },
  {
    id: 'providers/missing-high-demand',
    defaultSeverity: 'info',
    title: 'A high-demand provider is not supported',
    description: 'The package supports the providers listed for it in `providers.highDemand`.',
    fix: 'Add the provider, or plan it in the state file.',
    where: 'the registry',
  },
  {
    id: 'completeness/placeholder',
    defaultSeverity: 'warning',
    title: 'Placeholder left in the code',
    description: '`TODO`, `FIXME` and `XXX` comments and `panic("not implemented")` mark unfinished work.',
    fix: 'Finish the implementation and remove the placeholder.',
    where: 'the comment or call',
  },
  {
    id: 'compat/breaking-change',
    defaultSeverity: 'error',
    title: 'The exported API changed incompatibly',
    description: 'Compared with the baseline (`compat.baselineRef`): an exported declaration removed or renamed, a changed signature, a method added to an exported interface, or a struct field\'s type changed.',
    fix: 'Restore the old API, or add the new one beside it and deprecate the old.',
    where: "the declaration, or the package's anchor file when it is gone",
  },
  {
    id: 'state/regressed',
    defaultSeverity: 'warning',
    title: 'A completed package is no longer fully compliant',
    description: 'A package recorded as COMPLETE or VERIFIED in `.gocomply/state.json` is no longer FULL.',
    fix: 'Fix what regressed; the package is back to IN_PROGRESS meanwhile.',
    where: "the package's anchor file",
  },
  {
    id: 'state/invalid',
    defaultSeverity: 'error',
    title: 'The state file does not parse',
    description: '`.gocomply/state.json` must match its schema; an invalid file is never overwritten.',
    fix: 'Correct the file as the messages say, or delete it.',
    where: 'the state file',
  },
  {
    id: 'config/invalid',
    defaultSeverity: 'error',
    title: 'The settings file does not parse',
    description: '`.gocomply.json` must match the settings schema; defaults are used meanwhile.',
    fix: 'Correct the file as the messages say.',
    where: 'the settings file',
  },
] as const satisfies readonly RuleDefinition[];

export type RuleId = (typeof RULE_DEFINITIONS)[number]['id'];

export interface Rule extends RuleDefinition {
  readonly id: RuleId;
  /** README anchor, with the leading `#`: `#rule-otel-untraced-method`. */
  readonly anchor: string;
  readonly hasQuickFix: boolean;
}

export const README_URL = 'https://github.com/gocomply/gocomply/blob/main/README.md';

export function ruleAnchor(id: string): string {
  return `#rule-${id.replace(/\//g, '-')}`;
}

export const RULES: readonly Rule[] = RULE_DEFINITIONS.map(
  (definition): Rule => ({
    ...definition,
    anchor: ruleAnchor(definition.id),
    hasQuickFix: 'quickFix' in definition,
  }),
);

const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

export function isRuleId(s: string): s is RuleId {
  return RULES_BY_ID.has(s);
}

export function ruleById(id: RuleId): Rule;
export function ruleById(id: string): Rule | undefined;
export function ruleById(id: string): Rule | undefined {
  return RULES_BY_ID.get(id);
}

/** The README section of the rule, for LSP `codeDescription.href` and SARIF `helpUri`. */
export function ruleDocUrl(id: RuleId): string {
  return README_URL + ruleAnchor(id);
}

function escapeTableCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function renderRuleSection(rule: Rule): string[] {
  const lines = [
    `<a id="${rule.anchor.slice(1)}"></a>`,
    '',
    `### \`${rule.id}\``,
    '',
    `**Default severity:** ${rule.defaultSeverity} · **Reported on:** ${rule.where}`,
    '',
    rule.description,
    '',
    `**What to do:** ${rule.fix}`,
  ];
  if (rule.quickFix !== undefined) lines.push('', `**Quick fix:** ${rule.quickFix}`);
  lines.push('');
  return lines;
}

/**
 * The README's rule section, generated so it stays true to the catalogue: a
 * summary table, then one `### <id>` heading per rule preceded by an explicit
 * `<a id="rule-…">` anchor (GitHub's own heading slug drops the `/`).
 */
export function renderRulesMarkdown(): string {
  const lines = [
    '## Rules',
    '',
    'Each diagnostic has source `gocomply` and one of these rule ids. Change a severity, or turn a rule off, with the `rules` setting (`off`, `hint`, `info`, `warning`, `error` per id); silence one occurrence with `//gocomply:ignore <rule-id> <reason>` on or above the line.',
    '',
    '| Rule | Default | Checks | Quick fix |',
    '| --- | --- | --- | --- |',
    ...RULES.map(
      (rule) =>
        `| [\`${rule.id}\`](${rule.anchor}) | ${rule.defaultSeverity} | ${escapeTableCell(rule.title)} | ${rule.hasQuickFix ? 'yes' : '—'} |`,
    ),
    '',
  ];
  for (const rule of RULES) lines.push(...renderRuleSection(rule));
  return lines.join('\n');
}
