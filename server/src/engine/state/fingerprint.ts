// Fingerprint of a package's compliance facts, stored when it is marked
// verified so a later audit can tell whether what was verified still holds.
// Only facts that matter for compliance go in: statuses, required-file flags,
// metric names and which public methods are traced. Line numbers, coverage
// percentages and timestamps stay out, so moving code or re-running tests does
// not change it. A PackageCompliance fits this type as it is.
import { createHash } from 'node:crypto';

interface WithStatus {
  readonly status: string;
}

export interface FingerprintFacts {
  readonly complianceStatus: string;
  readonly packageStructure: WithStatus & { readonly requiredFiles: Readonly<Record<string, boolean>> };
  readonly testingCoverage: WithStatus;
  readonly providerSupport?: WithStatus | null;
  readonly multimodalSupport?: WithStatus | null;
  readonly observability: {
    readonly metricsIntegration: WithStatus & { readonly metricDefinitions: readonly { readonly name: string }[] };
    readonly tracingIntegration: WithStatus & { readonly methods: readonly { readonly name: string; readonly traced: boolean }[] };
    readonly loggingIntegration: WithStatus;
  };
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** The facts in a canonical form: fixed key order, sorted lists. */
function canonicalFacts(pkg: FingerprintFacts): unknown {
  const { metricsIntegration, tracingIntegration, loggingIntegration } = pkg.observability;
  const requiredFiles = Object.entries(pkg.packageStructure.requiredFiles).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    ['complianceStatus', pkg.complianceStatus],
    ['structure', pkg.packageStructure.status, requiredFiles],
    ['metrics', metricsIntegration.status, sortedUnique(metricsIntegration.metricDefinitions.map((metric) => metric.name))],
    ['tracing', tracingIntegration.status, sortedUnique(tracingIntegration.methods.map((m) => `${m.name}:${m.traced ? 'traced' : 'untraced'}`))],
    ['logging', loggingIntegration.status],
    ['testing', pkg.testingCoverage.status],
    ['providers', pkg.providerSupport?.status ?? null],
    ['multimodal', pkg.multimodalSupport?.status ?? null],
  ];
}

/** sha256 (hex) of the package's canonical compliance facts. */
export function packageFingerprint(pkg: FingerprintFacts): string {
  return createHash('sha256').update(JSON.stringify(canonicalFacts(pkg))).digest('hex');
}
