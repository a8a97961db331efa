// The Markdown report (spec §10): a summary table, then one section per
// package with checklists and tables, meant to be read on GitHub (a PR comment,
// a job summary, a committed file). A pure function of the JSON report.
import type { PackageCompliance, ReportDiagnostic } from '../../../../common/schemas/entities';
import type { Report } from '../../../../common/schemas/report';
import { isRuleId, ruleDocUrl } from '../rules/catalog';

type Structure = PackageCompliance['packageStructure'];
type Observability = PackageCompliance['observability'];

// ---- escaping ----------------------------------------------------------------

const oneLine = (text: string): string => text.replace(/\r?\n/g, ' ');

/** Plain text: every character Markdown or GFM could read as syntax is backslash-escaped. */
export function escapeMarkdown(text: string): string {
  const escaped = oneLine(text).replace(/[\\`*_[\]<>|~#&!]/g, (c) => `\\${c}`);
  // A leading `-`, `+` or `1.` would start a (nested) list.
  return escaped.replace(/^([-+])(?=\s|$)/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** An inline code span that survives backticks in the text. */
export function codeSpan(text: string): string {
  const value = oneLine(text);
  const longestRun = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * A code span inside a table cell: GFM splits cells on `|` before it reads
 * code spans, so the pipe is escaped there even inside backticks.
 */
function codeCell(text: string): string {
  return codeSpan(text).replace(/\|/g, '\\|');
}

function table(headers: string[], rows: string[][]): string[] {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)];
}

const checkbox = (done: boolean, label: string): string => `- [${done ? 'x' : ' '}] ${label}`;
const location = (file: string, line: number): string => `${file}:${line}`;
const percent = (value: number): string => `${Number(value.toFixed(1))} %`;
const listOrNone = (items: string[]): string => (items.length > 0 ? items.map(escapeMarkdown).join(', ') : 'none');

function packageAnchor(pkg: PackageCompliance): string {
  return `package-${pkg.path.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

// ---- summary -------------------------------------------------------------------

function renderSummary(report: Report): string[] {
  const rows = report.packages.map((pkg) => [
    `[${escapeMarkdown(pkg.packageName)}](#${packageAnchor(pkg)})`,
    codeCell(pkg.path),
    pkg.complianceStatus,
    `${pkg.score} (${pkg.scoreBand})`,
    pkg.packageStructure.status,
    pkg.otelObservability.status,
    pkg.testingCoverage.status,
    pkg.providerSupport?.status ?? '—',
  ]);
  if (rows.length === 0) return ['## Summary', '', 'No framework packages found.', ''];
  return ['## Summary', '', ...table(['Package', 'Path', 'Status', 'Score', 'Structure', 'Observability', 'Testing', 'Providers'], rows), ''];
}

// ---- structure -----------------------------------------------------------------

const REQUIRED_FILES = [
  { flag: 'hasConfig', key: 'config', file: 'config.go' },
  { flag: 'hasMetrics', key: 'metrics', file: 'metrics.go' },
  { flag: 'hasErrors', key: 'errors', file: 'errors.go' },
  { flag: 'hasTestUtils', key: 'test_utils', file: 'test_utils.go' },
  { flag: 'hasAdvancedTest', key: 'advanced_test', file: 'advanced_test.go' },
  { flag: 'hasREADME', key: 'readme', file: 'README.md' },
] as const;

function requiredFileLine(structure: Structure, entry: (typeof REQUIRED_FILES)[number]): string {
  const present = structure.requiredFiles[entry.flag];
  const found = structure.fileLocations[entry.key];
  if (found !== undefined && structure.nonStandardFiles.includes(found)) {
    return checkbox(present, `${codeSpan(entry.file)}: found at ${codeSpan(found)}, not in the package folder`);
  }
  return checkbox(present, present ? codeSpan(entry.file) : `${codeSpan(entry.file)}: missing`);
}

/** Required files configured beyond the seed's six (setting `requiredFiles`) show up only as missing evidence. */
function otherMissingFiles(structure: Structure): string[] {
  const known = new Set<string>(REQUIRED_FILES.map((entry) => entry.file));
  return structure.missingFiles.filter((file) => !known.has(file)).map((file) => checkbox(false, `${codeSpan(file)}: missing`));
}

function renderStructure(structure: Structure): string[] {
  const lines = [`### Structure: ${structure.status}`, '', '**Required files**', ''];
  lines.push(...REQUIRED_FILES.map((entry) => requiredFileLine(structure, entry)), ...otherMissingFiles(structure));
  if (structure.multiProvider) lines.push(checkbox(structure.requiredFiles.hasFactory, `${codeSpan('registry.go')} or ${codeSpan('factory.go')} (multi-provider package)`));
  const layout = structure.directoryLayout;
  lines.push('', '**Directories**', '', checkbox(layout.hasIface, codeSpan('iface/')));
  lines.push(checkbox(layout.hasInternal, `${codeSpan('internal/')} (if needed)`));
  if (structure.multiProvider || layout.hasProviders) {
    lines.push(checkbox(layout.hasProviders, `${codeSpan('providers/')}: ${listOrNone(layout.providerDirectories)}`));
  }
  lines.push('');
  if (structure.nonStandardFiles.length > 0) {
    lines.push('**Files in non-standard locations**', '', ...structure.nonStandardFiles.map((file) => `- ${codeSpan(file)}`), '');
  }
  if (structure.alignmentActions.length > 0) lines.push(`**Alignment actions:** ${structure.alignmentActions.join(', ')}`, '');
  return lines;
}

// ---- observability -------------------------------------------------------------

function renderMetrics(metrics: Observability['metricsIntegration']): string[] {
  const lines = [`**Metrics: ${metrics.status}**`, '', checkbox(metrics.hasMetricsFile, codeSpan('metrics.go')), ''];
  if (metrics.metricDefinitions.length === 0) return [...lines, 'No metric definitions.', ''];
  const rows = metrics.metricDefinitions.map((metric) => [
    metric.dynamic ? '_dynamic_' : codeCell(metric.name),
    metric.type,
    metric.unit === undefined ? '—' : codeCell(metric.unit),
    codeCell(location(metric.file, metric.line)),
  ]);
  return [...lines, ...table(['Name', 'Type', 'Unit', 'Defined at'], rows), ''];
}

function renderTracing(tracing: Observability['tracingIntegration'], pattern: string): string[] {
  const lines = [
    `**Tracing: ${tracing.status}**`,
    '',
    `${tracing.publicMethodsTraced} of ${tracing.totalPublicMethods} public methods traced (${percent(tracing.coveragePercentage)}); scope ${codeSpan(tracing.scope)} (exported functions and methods in all: ${tracing.allPublicMethods}); pattern ${codeSpan(pattern)}.`,
    '',
  ];
  const untraced = tracing.methods.filter((method) => !method.traced);
  if (untraced.length === 0) return lines;
  lines.push('Untraced methods:', '');
  lines.push(...untraced.map((method) => checkbox(false, `${codeSpan(method.name)} at ${codeSpan(location(method.file, method.line))}`)));
  return [...lines, ''];
}

function renderLogging(logging: Observability['loggingIntegration']): string[] {
  return [
    `**Logging: ${logging.status}**`,
    '',
    checkbox(logging.hasStructuredLogging, 'structured logging'),
    checkbox(logging.hasOTELContext, 'OTEL trace context in logs'),
    '',
    `Levels: ${listOrNone(logging.logLevels)}`,
    '',
  ];
}

function renderPatternsAndPerformance(observability: Observability): string[] {
  const patterns = observability.patternCompliance;
  const performance = observability.performanceImpact;
  const overhead = performance.overheadPercentage === null ? '' : `, overhead ${percent(performance.overheadPercentage)}`;
  return [
    `**Patterns:** ${patterns.status} (standard patterns: ${patterns.usesStandardPatterns ? 'yes' : 'no'}, metric naming ${codeSpan(patterns.metricNamingConvention)})`,
    '',
    `**Performance:** ${performance.status}${overhead}`,
    '',
  ];
}

function renderObservability(observability: Observability): string[] {
  return [
    `### Observability: ${observability.status}`,
    '',
    ...renderMetrics(observability.metricsIntegration),
    ...renderTracing(observability.tracingIntegration, observability.patternCompliance.tracingPattern),
    ...renderLogging(observability.loggingIntegration),
    ...renderPatternsAndPerformance(observability),
  ];
}

// ---- testing, providers, multimodal ----------------------------------------

function renderTesting(testing: PackageCompliance['testingCoverage']): string[] {
  const coverage = testing.coveragePercentage === null ? 'unknown (no coverage profile covers the package)' : percent(testing.coveragePercentage);
  const profiles = testing.coverageProfiles.length > 0 ? ` from ${testing.coverageProfiles.map(codeSpan).join(', ')}` : '';
  const lines = [
    `### Testing: ${testing.status}`,
    '',
    checkbox(testing.hasTestUtils, codeSpan('test_utils.go')),
    checkbox(testing.hasAdvancedTest, codeSpan('advanced_test.go')),
    checkbox(testing.hasTableDrivenTest, 'table-driven test'),
    checkbox(testing.hasConcurrencyTest, 'concurrency test'),
    checkbox(testing.hasBenchmarks, 'benchmarks'),
    '',
    `Coverage: ${coverage}${profiles}${testing.coverageStale ? ' (stale: a source file is newer than the profile)' : ''}`,
    '',
  ];
  return lines;
}

function renderProviderTable(providers: PackageCompliance['providers']): string[] {
  if (providers.length === 0) return [];
  const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
  const rows = providers.map((p) => [
    escapeMarkdown(p.providerName),
    p.providerType,
    p.status,
    p.registrationInfo.registryName === '' ? '—' : codeCell(p.registrationInfo.registryName),
    yesNo(p.testCoverage.hasUnitTests),
    p.testCoverage.hasMock ? (p.testCoverage.sharedMock ? 'shared' : 'yes') : 'no',
    p.testCoverage.coveragePercentage === null ? 'unknown' : percent(p.testCoverage.coveragePercentage),
  ]);
  return [...table(['Provider', 'Type', 'Status', 'Registered as', 'Unit tests', 'Mock', 'Coverage'], rows), '', ...renderProviderDetails(providers)];
}

/** What each provider with code is built on: capabilities, SDK, endpoint, authentication, configuration. */
function renderProviderDetails(providers: PackageCompliance['providers']): string[] {
  const built = providers.filter((p) => p.status !== 'PLANNED');
  if (built.length === 0) return [];
  const sdk = (p: PackageCompliance['providers'][number]): string =>
    p.sdkInfo.sdkName === '' ? '—' : codeCell(`${p.sdkInfo.sdkName}${p.sdkInfo.sdkVersion ? `@${p.sdkInfo.sdkVersion}` : ''}`);
  const rows = built.map((p) => [
    escapeMarkdown(p.providerName),
    p.capabilities.join(', ') || '—',
    sdk(p),
    p.sdkInfo.apiEndpoint === undefined ? '—' : codeCell(p.sdkInfo.apiEndpoint),
    p.sdkInfo.authenticationType,
    p.configuration.requiredFields.length === 0 ? '—' : p.configuration.requiredFields.map(codeCell).join(', '),
  ]);
  return ['**Provider details**', '', ...table(['Provider', 'Capabilities', 'SDK', 'Endpoint', 'Auth', 'Required config'], rows), ''];
}

function renderProviders(pkg: PackageCompliance): string[] {
  const support = pkg.providerSupport;
  if (support === null) return [];
  const lines = [
    `### Providers: ${support.status}`,
    '',
    checkbox(support.hasRegistry, 'registry'),
    '',
    `Providers: ${support.providerCount}. Missing high-demand providers: ${listOrNone(support.missingProviders)}.`,
    '',
    ...renderProviderTable(pkg.providers),
  ];
  if (support.registrations.length === 0) return [...lines, 'No registrations.', ''];
  const rows = support.registrations.map((r) => [
    codeCell(r.registryName),
    r.factoryFunction === '' ? '—' : codeCell(r.factoryFunction),
    r.autoRegister ? 'yes (init)' : 'no',
    codeCell(location(r.file, r.line)),
  ]);
  return [...lines, '**Registrations**', '', ...table(['Registry name', 'Factory', 'Auto-register', 'Call at'], rows), ''];
}

function renderMultimodal(multimodal: PackageCompliance['multimodal']): string[] {
  if (multimodal === null) return [];
  const compat = multimodal.backwardCompatibility;
  const lines = [
    `### Multimodal: ${multimodal.status}`,
    '',
    `Data types: ${multimodal.supportedDataTypes.join(', ')}`,
    '',
    checkbox(compat.textOnlyWorkflowsSupported, 'text-only workflows still supported'),
    checkbox(compat.breakingChanges.length === 0, 'no breaking changes'),
    '',
  ];
  if (compat.breakingChanges.length > 0) lines.push(...compat.breakingChanges.map((change) => `- ${escapeMarkdown(change)}`), '');
  return lines;
}

// ---- priorities and diagnostics --------------------------------------------

function renderPriorities(priorities: PackageCompliance['alignmentPriorities']): string[] {
  const body = priorities.length === 0 ? ['None: the package is aligned.'] : priorities.map((p, i) => `${i + 1}. ${p}`);
  return ['### Alignment priorities', '', ...body, ''];
}

function ruleCell(rule: string): string {
  return isRuleId(rule) ? `[${codeCell(rule)}](${ruleDocUrl(rule)})` : codeCell(rule);
}

function renderDiagnostics(diagnostics: ReportDiagnostic[], heading = `### Diagnostics (${diagnostics.length})`): string[] {
  if (diagnostics.length === 0) return [heading, '', 'None.', ''];
  const rows = diagnostics.map((d) => [
    d.severity,
    ruleCell(d.rule),
    codeCell(`${d.file}:${d.range.start.line}:${d.range.start.column}`),
    escapeMarkdown(d.message),
  ]);
  return [heading, '', ...table(['Severity', 'Rule', 'Location', 'Message'], rows), ''];
}

// ---- document ------------------------------------------------------------------

function renderPackage(pkg: PackageCompliance): string[] {
  return [
    `<a id="${packageAnchor(pkg)}"></a>`,
    '',
    `## Package ${escapeMarkdown(pkg.packageName)}`,
    '',
    `${codeSpan(pkg.path)} · **${pkg.complianceStatus}** · score ${pkg.score} (${pkg.scoreBand}) · completion ${pkg.completionStatus}`,
    '',
    ...renderStructure(pkg.packageStructure),
    ...renderObservability(pkg.observability),
    ...renderTesting(pkg.testingCoverage),
    ...renderProviders(pkg),
    ...renderMultimodal(pkg.multimodal),
    ...renderPriorities(pkg.alignmentPriorities),
    ...renderDiagnostics(pkg.diagnostics),
  ];
}

function renderNotices(report: Report): string[] {
  if (report.notices.length === 0) return [];
  const items = report.notices.map((n) => `- ${n.file === undefined ? '' : `${codeSpan(n.file)}: `}${escapeMarkdown(n.message)}`);
  return ['## Notices', '', ...items, ''];
}

function compatibilityLine(report: Report): string {
  const compat = report.compatibility;
  if (compat?.baselineRef !== undefined) return `compared with ${codeSpan(compat.baselineRef)} (${codeSpan((compat.baselineCommit ?? '').slice(0, 12))})`;
  return escapeMarkdown(compat?.notice ?? 'not checked');
}

export function renderMarkdown(report: Report): string {
  const starters = report.spanStarters.length > 0 ? report.spanStarters.map(codeSpan).join(', ') : 'none';
  const lines = [
    '# gocomply report',
    '',
    `Workspace ${codeSpan(report.workspace)} · gocomply ${escapeMarkdown(report.version)} · generated ${report.generatedAt}`,
    '',
    `Span starters: ${starters}`,
    '',
    `Backward compatibility: ${compatibilityLine(report)}`,
    '',
    ...renderSummary(report),
    ...(report.diagnostics.length > 0 ? renderDiagnostics(report.diagnostics, `## Workspace diagnostics (${report.diagnostics.length})`) : []),
    ...report.packages.flatMap(renderPackage),
    ...renderNotices(report),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
