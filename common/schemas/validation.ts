// The seed's validation rules (../shared/seed/data-model.md) as zod refinements
// over the entity and report schemas. A rule that describes a desired state of
// the workspace (no breaking changes, text-only workflows supported) is not a
// report-consistency rule: the engine reports its violation as a diagnostic,
// so here we only check that the report says so consistently.
import { z } from 'zod';
import { PackageComplianceSchema, type PackageCompliance } from './entities';
import { ReportSchema } from './report';

type IssuePath = (string | number)[];
/** Receives one violated rule: path relative to the package, and what is wrong. */
type Flag = (path: IssuePath, message: string) => void;

const PERCENT_TOLERANCE = 0.05;

// ---- PackageCompliance.complianceStatus ----------------------------------

interface ComponentState {
  path: IssuePath;
  status: string;
  lowest: string;
}

function complianceComponents(pkg: PackageCompliance): ComponentState[] {
  const components: ComponentState[] = [
    { path: ['packageStructure', 'status'], status: pkg.packageStructure.status, lowest: 'NON_COMPLIANT' },
    { path: ['otelObservability', 'status'], status: pkg.otelObservability.status, lowest: 'MISSING' },
    { path: ['testingCoverage', 'status'], status: pkg.testingCoverage.status, lowest: 'INSUFFICIENT' },
  ];
  if (pkg.providerSupport !== null) {
    components.push({ path: ['providerSupport', 'status'], status: pkg.providerSupport.status, lowest: 'INSUFFICIENT' });
  }
  return components;
}

const describeComponent = (c: ComponentState): string => `${c.path.join('.')} is ${c.status}`;

function checkComplianceStatus(pkg: PackageCompliance, flag: Flag): void {
  const components = complianceComponents(pkg);
  const incomplete = components.filter((c) => c.status !== 'COMPLETE');
  const atLowest = components.filter((c) => c.status === c.lowest);
  const path = ['complianceStatus'];
  if (pkg.complianceStatus === 'FULL' && incomplete.length > 0) {
    flag(path, `FULL requires every component COMPLETE, but ${incomplete.map(describeComponent).join(', ')}`);
  }
  if (pkg.complianceStatus === 'NON_COMPLIANT' && atLowest.length === 0) {
    flag(path, 'NON_COMPLIANT requires a component at its lowest value (structure NON_COMPLIANT, observability MISSING, testing INSUFFICIENT or providers INSUFFICIENT)');
  }
  if (pkg.complianceStatus === 'PARTIAL' && incomplete.length === 0) {
    flag(path, 'PARTIAL but every component is COMPLETE: expected FULL');
  }
  if (pkg.complianceStatus === 'PARTIAL' && atLowest.length > 0) {
    flag(path, `PARTIAL but ${atLowest.map(describeComponent).join(', ')}: expected NON_COMPLIANT`);
  }
}

// ---- PackageStructure ------------------------------------------------------

const REQUIRED_FILE_FLAGS = ['hasConfig', 'hasMetrics', 'hasErrors', 'hasTestUtils', 'hasAdvancedTest', 'hasREADME'] as const;
const FILE_OF_FLAG: Record<(typeof REQUIRED_FILE_FLAGS)[number], string> = {
  hasConfig: 'config.go',
  hasMetrics: 'metrics.go',
  hasErrors: 'errors.go',
  hasTestUtils: 'test_utils.go',
  hasAdvancedTest: 'advanced_test.go',
  hasREADME: 'README.md',
};

/** The flags of the files this audit required (a user may drop some from `requiredFiles`). */
function requiredFlags(structure: PackageCompliance['packageStructure']): (typeof REQUIRED_FILE_FLAGS)[number][] {
  return REQUIRED_FILE_FLAGS.filter((key) => structure.requiredFileNames.includes(FILE_OF_FLAG[key]));
}
const LAYOUT_FLAGS = ['hasIface', 'hasInternal', 'hasProviders'] as const;
const STRUCTURE_STATUS_OF = { COMPLIANT: 'COMPLETE', PARTIAL: 'PARTIAL', NON_COMPLIANT: 'NON_COMPLIANT' } as const;

/** The structure entity carries some facts twice (seed entity 1's flat flags and entity 5's nested ones); they must agree. */
function checkStructureDuplicates(structure: PackageCompliance['packageStructure'], flag: Flag): void {
  for (const key of REQUIRED_FILE_FLAGS) {
    if (structure[key] !== structure.requiredFiles[key]) {
      flag(['packageStructure', key], `${key} is ${structure[key]} but requiredFiles.${key} is ${structure.requiredFiles[key]}`);
    }
  }
  for (const key of LAYOUT_FLAGS) {
    if (structure[key] !== structure.directoryLayout[key]) {
      flag(['packageStructure', key], `${key} is ${structure[key]} but directoryLayout.${key} is ${structure.directoryLayout[key]}`);
    }
  }
  const expected = STRUCTURE_STATUS_OF[structure.complianceStatus];
  if (structure.status !== expected) {
    flag(['packageStructure', 'status'], `status is ${structure.status} but complianceStatus ${structure.complianceStatus} maps to ${expected}`);
  }
}

function missingRequiredFiles(structure: PackageCompliance['packageStructure']): string[] {
  const missing: string[] = requiredFlags(structure).filter((key) => !structure.requiredFiles[key]);
  if (structure.multiProvider && !structure.requiredFiles.hasFactory) missing.push('hasFactory');
  return missing;
}

function checkStructureComplete(structure: PackageCompliance['packageStructure'], flag: Flag): void {
  if (structure.status !== 'COMPLETE') return;
  for (const key of requiredFlags(structure)) {
    if (!structure[key]) flag(['packageStructure', key], `packageStructure.status is COMPLETE, so every required file exists: ${key} must be true`);
  }
}

function checkStructureCompliant(structure: PackageCompliance['packageStructure'], flag: Flag): void {
  if (structure.complianceStatus !== 'COMPLIANT') return;
  const base = ['packageStructure'];
  if (structure.nonStandardFiles.length > 0) {
    flag([...base, 'nonStandardFiles'], `complianceStatus is COMPLIANT, so nonStandardFiles must be empty (has ${structure.nonStandardFiles.join(', ')})`);
  }
  if (structure.alignmentActions.length > 0) {
    flag([...base, 'alignmentActions'], `complianceStatus is COMPLIANT, so alignmentActions must be empty (has ${structure.alignmentActions.join(', ')})`);
  }
  const missing = missingRequiredFiles(structure);
  if (missing.length > 0) {
    flag([...base, 'requiredFiles'], `complianceStatus is COMPLIANT, so every required file exists (false: ${missing.join(', ')})`);
  }
  if (structure.missingFiles.length > 0) {
    flag([...base, 'missingFiles'], `complianceStatus is COMPLIANT, so missingFiles must be empty (has ${structure.missingFiles.join(', ')})`);
  }
}

// ---- Observability ----------------------------------------------------------

function checkOtelSummary(pkg: PackageCompliance, flag: Flag): void {
  const otel = pkg.otelObservability;
  if (otel.status === 'COMPLETE') {
    for (const key of ['hasMetrics', 'hasTracing', 'hasLogging'] as const) {
      if (!otel[key]) flag(['otelObservability', key], `otelObservability.status is COMPLETE, so ${key} must be true`);
    }
  }
  if (otel.status !== pkg.observability.status) {
    flag(['otelObservability', 'status'], `otelObservability.status is ${otel.status} but observability.status is ${pkg.observability.status}`);
  }
}

function checkObservabilityStatus(observability: PackageCompliance['observability'], flag: Flag): void {
  const parts = {
    metricsIntegration: observability.metricsIntegration.status,
    tracingIntegration: observability.tracingIntegration.status,
    loggingIntegration: observability.loggingIntegration.status,
  };
  const statuses = Object.values(parts);
  const expected = statuses.every((s) => s === 'COMPLETE') ? 'COMPLETE' : statuses.every((s) => s === 'MISSING') ? 'MISSING' : 'PARTIAL';
  if (observability.status !== expected) {
    const shown = Object.entries(parts).map(([name, status]) => `${name} ${status}`).join(', ');
    flag(['observability', 'status'], `status is ${observability.status} but ${shown} give ${expected} (COMPLETE requires all three COMPLETE)`);
  }
}

function checkMetricTypes(metrics: PackageCompliance['observability']['metricsIntegration'], flag: Flag): void {
  const path = ['observability', 'metricsIntegration', 'metricTypes'];
  const defined = new Set(metrics.metricDefinitions.map((m) => m.type));
  const listed = new Set(metrics.metricTypes);
  if (listed.size !== metrics.metricTypes.length) flag(path, 'metricTypes lists a type twice; it is a set');
  const unused = [...listed].filter((t) => !defined.has(t));
  const unlisted = [...defined].filter((t) => !listed.has(t));
  if (unused.length > 0 || unlisted.length > 0) {
    flag(path, `metricTypes must equal the set of metricDefinitions types (extra: ${unused.join(', ') || 'none'}; missing: ${unlisted.join(', ') || 'none'})`);
  }
}

function checkTracingCounts(tracing: PackageCompliance['observability']['tracingIntegration'], flag: Flag): void {
  const base = ['observability', 'tracingIntegration'];
  const { publicMethodsTraced: traced, totalPublicMethods: total } = tracing;
  if (traced > total) flag([...base, 'publicMethodsTraced'], `publicMethodsTraced (${traced}) exceeds totalPublicMethods (${total})`);
  const expected = total === 0 ? 100 : (traced / total) * 100;
  if (Math.abs(tracing.coveragePercentage - expected) > PERCENT_TOLERANCE) {
    flag([...base, 'coveragePercentage'], `coveragePercentage is ${tracing.coveragePercentage} but ${traced}/${total} gives ${expected.toFixed(2)}`);
  }
  if (tracing.methods.length !== total) {
    flag([...base, 'methods'], `methods lists ${tracing.methods.length} methods but totalPublicMethods is ${total}`);
  }
  const listedTraced = tracing.methods.filter((m) => m.traced).length;
  if (listedTraced !== traced) {
    flag([...base, 'publicMethodsTraced'], `publicMethodsTraced is ${traced} but methods marks ${listedTraced} as traced`);
  }
  if (tracing.allPublicMethods < total) {
    flag([...base, 'allPublicMethods'], `allPublicMethods (${tracing.allPublicMethods}) is below totalPublicMethods (${total})`);
  }
  tracing.methods.forEach((method, i) => {
    if (method.traced !== (method.how !== 'none')) {
      flag([...base, 'methods', i, 'how'], `${method.name}: traced is ${method.traced} but how is ${method.how}`);
    }
  });
}

// ---- Providers and multimodal ---------------------------------------------

function flagDuplicates(values: { value: string; path: IssuePath }[], what: string, flag: Flag): void {
  const firstIndex = new Map<string, number>();
  values.forEach(({ value, path }, i) => {
    const first = firstIndex.get(value);
    if (first === undefined) firstIndex.set(value, i);
    else flag(path, `${what} "${value}" is not unique in the package (also at providers[${first}])`);
  });
}

function checkProviders(pkg: PackageCompliance, flag: Flag): void {
  flagDuplicates(
    pkg.providers.map((p, i) => ({ value: p.providerName, path: ['providers', i, 'providerName'] })),
    'providerName',
    flag,
  );
  // A duplicate registry name in the code is reported as providers/duplicate-registration (spec §5);
  // the report may then carry it, but never silently.
  const reported = pkg.diagnostics.some((d) => d.rule === 'providers/duplicate-registration');
  const registered = pkg.providers
    .map((p, i) => ({ value: p.registrationInfo.registryName, path: ['providers', i, 'registrationInfo', 'registryName'] }))
    .filter(({ value }) => value !== '');
  if (!reported) flagDuplicates(registered, 'registrationInfo.registryName', flag);
  pkg.providers.forEach((provider, i) => {
    if (provider.status !== 'COMPLETE') return;
    for (const key of ['hasUnitTests', 'hasMock'] as const) {
      if (!provider.testCoverage[key]) flag(['providers', i, 'testCoverage', key], `provider ${provider.providerName} is COMPLETE, so ${key} must be true`);
    }
  });
}

function checkMultimodal(multimodal: PackageCompliance['multimodal'], flag: Flag): void {
  if (multimodal === null) return;
  const base = ['multimodal', 'backwardCompatibility'];
  const { breakingChanges, migrationRequired } = multimodal.backwardCompatibility;
  if (migrationRequired !== breakingChanges.length > 0) {
    flag([...base, 'migrationRequired'], `migrationRequired is ${migrationRequired} but there are ${breakingChanges.length} breaking changes`);
  }
  if (multimodal.status === 'COMPLETE' && breakingChanges.length > 0) {
    flag([...base, 'breakingChanges'], `multimodal.status is COMPLETE, so there are no breaking changes (has ${breakingChanges.length})`);
  }
}

function checkPackageNames(pkg: PackageCompliance, flag: Flag): void {
  const nested: { path: IssuePath; name: string }[] = [
    { path: ['packageStructure', 'packageName'], name: pkg.packageStructure.packageName },
    { path: ['observability', 'packageName'], name: pkg.observability.packageName },
    ...pkg.providers.map((p, i) => ({ path: ['providers', i, 'packageName'], name: p.packageName })),
  ];
  if (pkg.multimodal !== null) nested.push({ path: ['multimodal', 'packageName'], name: pkg.multimodal.packageName });
  for (const { path, name } of nested) {
    if (name !== pkg.packageName) flag(path, `packageName is "${name}" but the package is "${pkg.packageName}"`);
  }
}

/** Runs every seed rule on one package; `flag` gets paths relative to the package. */
export function checkPackageCompliance(pkg: PackageCompliance, flag: Flag): void {
  checkComplianceStatus(pkg, flag);
  checkStructureDuplicates(pkg.packageStructure, flag);
  checkStructureComplete(pkg.packageStructure, flag);
  checkStructureCompliant(pkg.packageStructure, flag);
  checkOtelSummary(pkg, flag);
  checkObservabilityStatus(pkg.observability, flag);
  checkMetricTypes(pkg.observability.metricsIntegration, flag);
  checkTracingCounts(pkg.observability.tracingIntegration, flag);
  checkProviders(pkg, flag);
  checkMultimodal(pkg.multimodal, flag);
  checkPackageNames(pkg, flag);
}

export const ValidatedPackageComplianceSchema = PackageComplianceSchema.superRefine((pkg, ctx) => {
  checkPackageCompliance(pkg, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
});

export const ValidatedReportSchema = ReportSchema.extend({
  packages: z.array(ValidatedPackageComplianceSchema),
}).superRefine((report, ctx) => {
  const firstIndex = new Map<string, number>();
  report.packages.forEach((pkg, i) => {
    const first = firstIndex.get(pkg.path);
    if (first === undefined) firstIndex.set(pkg.path, i);
    else ctx.addIssue({ code: 'custom', path: ['packages', i, 'path'], message: `package path "${pkg.path}" is also packages[${first}]` });
  });
});

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** One `path: message` line per issue, e.g. `packages[0].complianceStatus: FULL requires …`. */
export function formatZodIssues(error: Pick<z.ZodError, 'issues'>): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}
