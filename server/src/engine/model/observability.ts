// ObservabilityIntegration (spec §3) for one package, from its facts and the
// workspace-wide inferences.
import type { ObservabilityIntegration } from '../../../../common/schemas/entities';
import type { Settings } from '../../../../common/schemas/settings';
import type { Finding } from '../rules/finding';
import { overheadPercentage } from './benchmarks';
import { computeLogging, logCallFindings, type LoggingHelpers } from './logging';
import {
  metricNamingConvention,
  metricsStatus,
  namingFindings,
  packageMetrics,
  toDefinition,
  type ConstIndex,
  type ResolvedMetric,
} from './metrics';
import { publicMethods, spanHygieneFindings, toTracedMethod, tracingPattern, untracedFindings, type PublicMethod } from './tracing';
import { existsInPlace, type PackageView } from './view';

export interface ObservabilityInputs {
  consts: ConstIndex;
  starters: Set<string>;
  logging: LoggingHelpers;
  /** operation -> ns/op for this package, empty when not measured. */
  benchmarks: Map<string, number>;
}

export interface ObservabilityResult {
  observability: ObservabilityIntegration;
  metrics: ResolvedMetric[];
  methods: PublicMethod[];
  findings: Finding[];
}

type Status = ObservabilityIntegration['status'];

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function tracingStatus(percentage: number, traced: number, threshold: number): Status {
  if (percentage >= threshold) return 'COMPLETE';
  return traced > 0 ? 'PARTIAL' : 'MISSING';
}

function overallStatus(statuses: Status[]): Status {
  if (statuses.every((s) => s === 'COMPLETE')) return 'COMPLETE';
  if (statuses.every((s) => s === 'MISSING')) return 'MISSING';
  return 'PARTIAL';
}

/** Metrics built from an injected or `otel.Meter(...)` meter; tracing through `otel.Tracer(...)`-made tracers or starters. */
function usesStandardPatterns(view: PackageView, metrics: ResolvedMetric[], methods: PublicMethod[]): boolean {
  const standardMeter = (meter: string) => /\.Meter\(/.test(meter) || /meter$/i.test(meter.split('.').at(-1) ?? '');
  const calls = view.productionFiles.flatMap((f) => view.facts(f)?.funcs ?? []).flatMap((fn) => fn.calls);
  const makesTracer = calls.some((c) => c.name === 'Tracer');
  const tracing = methods.some((m) => m.how === 'starter') || (makesTracer && methods.some((m) => m.how !== 'none'));
  return metrics.length > 0 && metrics.every((m) => standardMeter(m.fact.meter)) && tracing;
}

function performanceImpact(benchmarks: Map<string, number>, settings: Settings): ObservabilityIntegration['performanceImpact'] {
  const overhead = overheadPercentage(benchmarks, settings.benchmarks.baselineSuffixes);
  const measured = benchmarks.size > 0 && overhead !== null;
  return {
    benchmarkResults: Object.fromEntries(benchmarks),
    overheadPercentage: overhead,
    status: !measured ? 'NOT_MEASURED' : overhead <= settings.benchmarks.maxOverhead ? 'ACCEPTABLE' : 'NEEDS_OPTIMIZATION',
  };
}

export function computeObservability(view: PackageView, settings: Settings, inputs: ObservabilityInputs): ObservabilityResult {
  const metrics = packageMetrics(view, inputs.consts);
  const { methods, allPublicMethods } = publicMethods(view, settings, inputs.starters);
  const traced = methods.filter((m) => m.how !== 'none').length;
  const percentage = methods.length === 0 ? 100 : round1((100 * traced) / methods.length);
  const tracing = tracingStatus(percentage, traced, settings.tracing.threshold);
  const metricStatus = metricsStatus(view, metrics);
  const logging = computeLogging(view, inputs.logging);
  const nameFindings = namingFindings(view, metrics, settings.metrics.namePattern);
  const named = metrics.flatMap((m) => (m.name !== undefined ? [m.name] : []));
  const standard = usesStandardPatterns(view, metrics, methods);
  const observability: ObservabilityIntegration = {
    packageName: view.pkg.name,
    metricsIntegration: {
      hasMetricsFile: existsInPlace(view, 'metrics.go'),
      metricDefinitions: metrics.map(toDefinition),
      metricTypes: [...new Set(metrics.map((m) => m.fact.type))].sort(),
      status: metricStatus,
    },
    tracingIntegration: {
      hasTracing: tracing !== 'MISSING',
      publicMethodsTraced: traced,
      totalPublicMethods: methods.length,
      coveragePercentage: percentage,
      status: tracing,
      scope: settings.tracing.scope,
      allPublicMethods,
      methods: methods.map(toTracedMethod),
    },
    loggingIntegration: logging,
    patternCompliance: {
      usesStandardPatterns: standard,
      metricNamingConvention: metricNamingConvention(named),
      tracingPattern: tracingPattern(methods),
      status: standard && nameFindings.length === 0 ? 'COMPLIANT' : 'NON_COMPLIANT',
    },
    performanceImpact: performanceImpact(inputs.benchmarks, settings),
    status: overallStatus([metricStatus, tracing, logging.status]),
  };
  const findings = [...nameFindings, ...untracedFindings(view, methods), ...spanHygieneFindings(view), ...logCallFindings(view)];
  return { observability, metrics, methods, findings };
}
