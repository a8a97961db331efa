// One package's PackageCompliance, assembled from the area models, with the
// findings that go with it (diagnostics are finished by rules/diagnostics.ts).
import type { PackageCompliance, ProviderExtension, ProviderSupport } from '../../../../common/schemas/entities';
import type { Settings } from '../../../../common/schemas/settings';
import { FILE_START, type Finding } from '../rules/finding';
import { baseName } from '../workspace/walk';
import {
  alignmentPriorities,
  complianceStatus,
  derivedCompletionStatus,
  isMultimodalExpected,
  score,
  scoreBand,
  statusShare,
  type AreaStatuses,
} from './compliance';
import type { StateFile } from '../../../../common/schemas/state';
import { comparePackage, type LoadedBaseline, type PackageCompat } from '../compat';
import type { FileFacts } from '../facts/types';
import type { GoModule } from '../workspace/packages';
import { applyState } from './lifecycle';
import { computeMultimodal, multimodalSupportOf, NO_BREAKING_CHANGES } from './multimodal';
import { computeObservability, type ObservabilityInputs, type ObservabilityResult } from './observability';
import { providerExtensions, providerFacts, type ProviderFacts } from './providerExtension';
import { providerFindings } from './providerFindings';
import type { ExtensionInputs } from './providerInputs';
import { computeProviderSupport, duplicateRegistrationFindings, findRegistrations, hasRegistry, type Registration } from './providers';
import { providerSources } from './providerSources';
import { computeStructure, type StructureFacts } from './structure';
import { computeTesting, testingFindings, type CoverageInputs, type TestingResult } from './testing';
import { anchorFile, type PackageView } from './view';

export interface WorkspaceInputs extends Omit<ObservabilityInputs, 'benchmarks'> {
  /** The git baseline for backward compatibility, absent when not loaded. */
  baseline?: LoadedBaseline;
  /** The status state file, absent when not read. */
  state?: StateFile;
  /** Package-level registry functions, as `registryFunctionKey(folder, name)`. */
  registryFunctions: Set<string>;
  /** The workspace's modules, to resolve a qualified call's import to a folder. */
  modules: GoModule[];
  coverage: CoverageInputs;
  benchmarksFor(view: PackageView): Map<string, number>;
  /** Workspace-wide inputs of the provider and multimodal models. */
  extension: ExtensionInputs;
}

export type PackageModel = Omit<PackageCompliance, 'diagnostics'>;

export interface PackageAnalysis {
  model: PackageModel;
  findings: Finding[];
}

export function analyzePackage(view: PackageView, settings: Settings, inputs: WorkspaceInputs): PackageAnalysis {
  const registry = hasRegistry(view);
  const multiProvider =
    view.listing.dirs.has(`${view.pkg.dir}/providers`) || registry || settings.multiProviderPackages.includes(view.pkg.name);
  const structure = computeStructure(view, settings, multiProvider);
  const obs = computeObservability(view, settings, { ...inputs, benchmarks: inputs.benchmarksFor(view) });
  const testing = computeTesting(view, settings, inputs.coverage);
  const registrations = findRegistrations(view, inputs.consts, { keys: inputs.registryFunctions, modules: inputs.modules });
  const providers = multiProvider ? providerParts(view, settings, inputs, structure, registry, registrations) : NO_PROVIDERS;
  const providerSupport = providers.support;
  const anchor = anchorFinding(view);
  const compat = inputs.baseline ? packageCompat(view, inputs.baseline, anchor) : undefined;
  const multimodal = computeMultimodal(view, settings, { consts: inputs.consts, structNames: inputs.extension.structNames }, compat ?? NO_BREAKING_CHANGES);
  const multimodalExpected = isMultimodalExpected(view.pkg.name, settings);
  const o = obs.observability;
  const areas: AreaStatuses = {
    structure: structure.structure.status,
    observability: o.status,
    testing: testing.testing.status,
    providers: providerSupport?.status ?? null,
    multimodal: multimodal?.status ?? null,
  };
  const status = complianceStatus(areas);
  const packageScore = score({
    structure: structureShare(structure, settings, multiProvider),
    metrics: statusShare(o.metricsIntegration.status) * namingShare(obs),
    tracing: o.tracingIntegration.coveragePercentage / 100,
    logging: statusShare(o.loggingIntegration.status),
    testing: testingShare(testing, settings),
    providers: providerSupport ? statusShare(providerSupport.status) : null,
  });
  const model: PackageModel = {
    packageName: view.pkg.name,
    path: view.pkg.dir,
    complianceStatus: status,
    otelObservability: {
      hasMetrics: o.metricsIntegration.status === 'COMPLETE',
      hasTracing: o.tracingIntegration.hasTracing,
      hasLogging: o.loggingIntegration.status !== 'MISSING',
      status: o.status,
    },
    packageStructure: structure.structure,
    testingCoverage: testing.testing,
    providerSupport,
    multimodalSupport: multimodalSupportOf(multimodal, multimodalExpected),
    alignmentPriorities: alignmentPriorities(areas, multimodalExpected),
    completionStatus: derivedCompletionStatus(status),
    score: packageScore,
    scoreBand: scoreBand(packageScore),
    observability: o,
    providers: providers.extensions,
    multimodal,
  };
  const findings = [
    ...structureFindings(view, structure, anchor),
    ...areaFindings(view, obs, anchor),
    ...obs.findings,
    ...testingFindings(view, testing, settings, anchor),
    ...duplicateRegistrationFindings(registrations),
    ...providerFindings(view, providers.facts, providerSupport?.missingProviders ?? [], anchor),
    ...placeholderFindings(view),
    ...(compat?.findings ?? []),
  ];
  if (!inputs.state) return { model, findings };
  const withState = applyState(model, inputs.state, anchor);
  return { model: withState.model, findings: [...findings, ...withState.findings] };
}

function packageCompat(view: PackageView, baseline: LoadedBaseline, anchor: Finding): PackageCompat {
  const files = view.goFiles.flatMap((file): [string, FileFacts][] => {
    const facts = view.facts(file);
    return facts ? [[file, facts]] : [];
  });
  return comparePackage({ dir: view.pkg.dir, name: view.pkg.name, files, anchor: { file: anchor.file, range: anchor.range } }, baseline);
}

interface ProviderParts {
  support: ProviderSupport | null;
  facts: ProviderFacts[];
  extensions: ProviderExtension[];
}

const NO_PROVIDERS: ProviderParts = { support: null, facts: [], extensions: [] };

function providerParts(
  view: PackageView,
  settings: Settings,
  inputs: WorkspaceInputs,
  structure: StructureFacts,
  registry: boolean,
  registrations: Registration[],
): ProviderParts {
  const sources = providerSources(view, structure.providerFolders, registrations);
  const support = computeProviderSupport(view, settings, registry, sources.map((s) => s.name), registrations);
  const facts = providerFacts(view, settings, { coverage: inputs.coverage, extension: inputs.extension }, sources);
  return { support, facts, extensions: providerExtensions(view, settings, facts, support, inputs.extension.modulePaths) };
}

function namingShare(obs: ObservabilityResult): number {
  const named = obs.metrics.filter((m) => m.name !== undefined);
  if (named.length === 0) return 1;
  const flagged = new Set(obs.findings.filter((f) => f.rule === 'otel/metric-name').map((f) => `${f.file}:${f.range.start.line}:${f.range.start.character}`));
  const passing = named.filter((m) => !flagged.has(`${m.file}:${m.fact.nameRange.start.line}:${m.fact.nameRange.start.character}`));
  return passing.length / named.length;
}

function structureShare(structure: StructureFacts, settings: Settings, multiProvider: boolean): number {
  const s = structure.structure;
  const checks: number[] = settings.requiredFiles.map((name) =>
    s.missingFiles.includes(name) ? 0 : structure.misplaced.has(name) ? 0.5 : 1,
  );
  checks.push(s.hasIface ? 1 : 0);
  if (multiProvider) checks.push(s.hasProviders ? 1 : 0, s.requiredFiles.hasFactory ? 1 : 0);
  return checks.reduce((a, b) => a + b, 0) / checks.length;
}

function testingShare(result: TestingResult, settings: Settings): number {
  const t = result.testing;
  const checks = [t.hasTestUtils, t.hasAdvancedTest];
  if (result.performanceCritical) checks.push(t.hasBenchmarks);
  if (t.coveragePercentage !== null) checks.push(t.coveragePercentage >= settings.coverage.threshold);
  return checks.filter(Boolean).length / checks.length;
}

function anchorFinding(view: PackageView): Finding {
  const file = anchorFile(view) ?? view.pkg.dir;
  return { rule: '', file, range: view.facts(file)?.packageClauseRange ?? FILE_START, message: '' };
}

function structureFindings(view: PackageView, structure: StructureFacts, anchor: Finding): Finding[] {
  const s = structure.structure;
  const findings: Finding[] = s.missingFiles.map((name) => ({
    ...anchor,
    rule: 'structure/missing-file',
    message: `${view.pkg.name} has no ${name}: every framework package keeps one at its folder.`,
    fix: `Create ${name}`,
  }));
  for (const [name, where] of structure.misplaced) {
    findings.push({
      rule: 'structure/non-standard-location',
      file: where,
      range: view.facts(where)?.packageClauseRange ?? FILE_START,
      message: `${baseName(where)} belongs at the package folder (${view.pkg.dir}/${name}), not in ${where.slice(view.pkg.dir.length + 1)}.`,
    });
  }
  if (!s.hasIface) {
    findings.push({
      ...anchor,
      rule: 'structure/missing-directory',
      message: `${view.pkg.name} has no iface/ folder: move its exported interfaces there, leaving type aliases behind.`,
      fix: 'Create iface/ with the exported interfaces',
    });
  }
  if (s.multiProvider && !s.hasProviders) {
    findings.push({
      ...anchor,
      rule: 'structure/missing-directory',
      message: `${view.pkg.name} is a multi-provider package without provider folders under providers/.`,
    });
  }
  return findings;
}

function areaFindings(view: PackageView, obs: ObservabilityResult, anchor: Finding): Finding[] {
  const findings: Finding[] = [];
  const metrics = obs.observability.metricsIntegration;
  if (metrics.status !== 'COMPLETE') {
    const why = metrics.hasMetricsFile ? 'metrics.go defines no metric' : metrics.metricDefinitions.length > 0 ? 'its metrics are defined outside metrics.go' : 'it defines no OpenTelemetry metric';
    findings.push({ ...anchor, rule: 'otel/missing-metrics', message: `${view.pkg.name}: ${why}; define the package's instruments in metrics.go.`, fix: 'Create metrics.go' });
  }
  const logging = obs.observability.loggingIntegration;
  if (!logging.hasStructuredLogging) {
    findings.push({ ...anchor, rule: 'logging/no-structured', message: `${view.pkg.name} has no structured logging: log through log/slog (or zap, zerolog, logr).` });
  } else if (!logging.hasOTELContext) {
    findings.push({ ...anchor, rule: 'logging/no-otel-context', message: `${view.pkg.name} logs without trace context: use the *Context log variants with an OTEL bridge, or add the trace id from the span context.` });
  }
  return findings;
}

function placeholderFindings(view: PackageView): Finding[] {
  return view.goFiles.flatMap((file) => {
    const facts = view.facts(file);
    if (!facts || facts.generated) return [];
    const comments = facts.comments
      .filter((c) => c.kind === 'placeholder')
      .map((c) => ({ rule: 'completeness/placeholder', file, range: c.range, message: `Placeholder left in code: ${c.text.trim().slice(0, 80)}` }));
    const panics = facts.notImplementedPanics.map((range) => ({ rule: 'completeness/placeholder', file, range, message: 'panic("not implemented"): implement it before release.' }));
    return [...comments, ...panics];
  });
}
