// Small, self-consistent reports for the schema and renderer tests. Each call
// returns fresh objects, so a test may mutate one to break a single rule.
import type { PackageCompliance, ProviderExtension, ReportDiagnostic } from '../../../common/schemas/entities';
import { ReportSchema, type Report } from '../../../common/schemas/report';

export const PLACEHOLDER_MESSAGE = 'TODO left in code: "pick a|b mode" — finish it and remove the comment';

function diagnostic(rule: string, severity: ReportDiagnostic['severity'], file: string, line: number, message: string): ReportDiagnostic {
  return { rule, severity, file, range: { start: { line, column: 1 }, end: { line, column: 12 } }, message };
}

function provider(name: string, complete: boolean): ProviderExtension {
  return {
    providerName: name,
    packageName: 'llms',
    providerType: 'LLM',
    capabilities: ['TEXT', 'STREAMING'],
    sdkInfo: { sdkName: `github.com/example/${name}-go`, sdkVersion: 'v1.2.0', authenticationType: 'API_KEY' },
    configuration: { requiredFields: ['APIKey'], optionalFields: ['Model'], defaultValues: { Model: 'default' } },
    registrationInfo: { registryName: name, factoryFunction: 'NewProvider', autoRegister: true, file: `pkg/llms/providers/${name}/init.go`, line: 8 },
    testCoverage: { hasUnitTests: true, hasIntegrationTests: false, hasMock: complete, sharedMock: false, coveragePercentage: 85 },
    status: complete ? 'COMPLETE' : 'IN_PROGRESS',
    path: `pkg/llms/providers/${name}`,
  };
}

function llmsStructure(): PackageCompliance['packageStructure'] {
  const files = { hasConfig: true, hasMetrics: true, hasErrors: true, hasTestUtils: true, hasAdvancedTest: true, hasREADME: true };
  return {
    packageName: 'llms',
    directoryLayout: { hasIface: true, hasInternal: false, hasProviders: true, ifaceFiles: ['pkg/llms/iface/llm.go'], internalFiles: [], providerDirectories: ['openai', 'ollama'] },
    requiredFiles: { ...files, hasFactory: true },
    fileLocations: { config: 'pkg/llms/config.go', metrics: 'pkg/llms/metrics.go', factory: 'pkg/llms/registry.go' },
    nonStandardFiles: [],
    complianceStatus: 'COMPLIANT',
    alignmentActions: [],
    requiredFileNames: ['config.go', 'metrics.go', 'errors.go', 'test_utils.go', 'advanced_test.go', 'README.md'],
    missingFiles: [],
    multiProvider: true,
    hasIface: true,
    hasInternal: false,
    hasProviders: true,
    ...files,
    status: 'COMPLETE',
  };
}

function llmsObservability(): PackageCompliance['observability'] {
  return {
    packageName: 'llms',
    metricsIntegration: {
      hasMetricsFile: true,
      metricDefinitions: [
        { name: 'llms.requests', dynamic: false, instrument: 'Int64Counter', type: 'counter', unit: '{request}', file: 'pkg/llms/metrics.go', line: 20 },
        { name: 'llms.request.duration', dynamic: false, instrument: 'Float64Histogram', type: 'histogram', unit: 's', file: 'pkg/llms/metrics.go', line: 27 },
      ],
      metricTypes: ['counter', 'histogram'],
      status: 'COMPLETE',
    },
    tracingIntegration: {
      hasTracing: true,
      publicMethodsTraced: 2,
      totalPublicMethods: 3,
      coveragePercentage: 66.67,
      status: 'PARTIAL',
      scope: 'context',
      allPublicMethods: 4,
      methods: [
        { name: 'Client.Generate', file: 'pkg/llms/llms.go', line: 30, traced: true, how: 'direct' },
        { name: 'Client.Batch', file: 'pkg/llms/llms.go', line: 45, traced: true, how: 'delegation' },
        { name: 'Client.Stream', file: 'pkg/llms/llms.go', line: 60, traced: false, how: 'none' },
      ],
    },
    loggingIntegration: { hasStructuredLogging: true, hasOTELContext: true, logLevels: ['info', 'error'], status: 'COMPLETE' },
    patternCompliance: { usesStandardPatterns: true, metricNamingConvention: 'dot.lowercase', tracingPattern: 'direct', status: 'COMPLIANT' },
    performanceImpact: { benchmarkResults: { Generate: 1200 }, overheadPercentage: null, status: 'ACCEPTABLE' },
    status: 'PARTIAL',
  };
}

/** A multi-provider package, PARTIAL: tracing 2/3, two of six high-demand providers. */
export function llmsPackage(): PackageCompliance {
  const providers = [provider('openai', true), provider('ollama', false)];
  return {
    packageName: 'llms',
    path: 'pkg/llms',
    complianceStatus: 'PARTIAL',
    otelObservability: { hasMetrics: true, hasTracing: true, hasLogging: true, status: 'PARTIAL' },
    packageStructure: llmsStructure(),
    testingCoverage: {
      hasTestUtils: true, hasAdvancedTest: true, hasBenchmarks: true, coveragePercentage: 85, status: 'COMPLETE',
      hasTableDrivenTest: true, hasConcurrencyTest: true, coverageStale: false, coverageProfiles: ['coverage.out'],
    },
    providerSupport: {
      hasRegistry: true,
      providerCount: 2,
      missingProviders: ['anthropic', 'gemini', 'grok', 'bedrock'],
      status: 'PARTIAL',
      registrations: providers.map((p) => ({
        registryName: p.registrationInfo.registryName, factoryFunction: 'NewProvider', autoRegister: true,
        file: `pkg/llms/providers/${p.providerName}/init.go`, line: 8,
      })),
    },
    multimodalSupport: null,
    alignmentPriorities: ['OTEL_OBSERVABILITY', 'PROVIDER_EXPANSION'],
    completionStatus: 'NOT_STARTED',
    score: 72,
    scoreBand: 'needs work',
    observability: llmsObservability(),
    providers,
    multimodal: null,
    diagnostics: [
      diagnostic('otel/untraced-method', 'info', 'pkg/llms/llms.go', 60, 'Client.Stream starts no span: add one named llms.Client.Stream'),
      diagnostic('providers/no-mock', 'info', 'pkg/llms/providers/ollama/ollama.go', 1, 'Provider ollama has no mock: add one to test_utils.go'),
      diagnostic('completeness/placeholder', 'warning', 'pkg/llms/llms.go', 12, PLACEHOLDER_MESSAGE),
    ],
  };
}

/** A small single-provider package, NON_COMPLIANT, with multimodal (audio) support in progress. */
export function sttPackage(): PackageCompliance {
  const files = { hasConfig: true, hasMetrics: false, hasErrors: false, hasTestUtils: false, hasAdvancedTest: false, hasREADME: true };
  return {
    packageName: 'voice/stt',
    path: 'pkg/voice/stt',
    complianceStatus: 'NON_COMPLIANT',
    otelObservability: { hasMetrics: false, hasTracing: false, hasLogging: false, status: 'MISSING' },
    packageStructure: {
      packageName: 'voice/stt',
      directoryLayout: { hasIface: false, hasInternal: false, hasProviders: false, ifaceFiles: [], internalFiles: [], providerDirectories: [] },
      requiredFiles: { ...files, hasFactory: false },
      fileLocations: { config: 'pkg/voice/stt/config.go', readme: 'pkg/voice/stt/README.md' },
      nonStandardFiles: [],
      complianceStatus: 'NON_COMPLIANT',
      alignmentActions: ['CREATE_MISSING_FILES', 'REORGANIZE_DIRECTORIES'],
      requiredFileNames: ['config.go', 'metrics.go', 'errors.go', 'test_utils.go', 'advanced_test.go', 'README.md'],
      missingFiles: ['metrics.go', 'errors.go', 'test_utils.go', 'advanced_test.go'],
      multiProvider: false,
      hasIface: false,
      hasInternal: false,
      hasProviders: false,
      ...files,
      status: 'NON_COMPLIANT',
    },
    testingCoverage: {
      hasTestUtils: false, hasAdvancedTest: false, hasBenchmarks: false, coveragePercentage: null, status: 'INSUFFICIENT',
      hasTableDrivenTest: false, hasConcurrencyTest: false, coverageStale: false, coverageProfiles: [],
    },
    providerSupport: null,
    multimodalSupport: { hasImageSupport: false, hasVoiceSupport: true, hasVideoSupport: false, status: 'PARTIAL' },
    alignmentPriorities: ['OTEL_OBSERVABILITY', 'STRUCTURE_STANDARDIZATION', 'MULTIMODAL_CAPABILITIES', 'TESTING_ENHANCEMENT'],
    completionStatus: 'NOT_STARTED',
    score: 10,
    scoreBand: 'poor',
    observability: {
      packageName: 'voice/stt',
      metricsIntegration: { hasMetricsFile: false, metricDefinitions: [], metricTypes: [], status: 'MISSING' },
      tracingIntegration: {
        hasTracing: false, publicMethodsTraced: 0, totalPublicMethods: 1, coveragePercentage: 0, status: 'MISSING', scope: 'context', allPublicMethods: 1,
        methods: [{ name: 'Transcribe', file: 'pkg/voice/stt/stt.go', line: 14, traced: false, how: 'none' }],
      },
      loggingIntegration: { hasStructuredLogging: false, hasOTELContext: false, logLevels: [], status: 'MISSING' },
      patternCompliance: { usesStandardPatterns: false, metricNamingConvention: 'none', tracingPattern: 'none', status: 'NON_COMPLIANT' },
      performanceImpact: { benchmarkResults: {}, overheadPercentage: null, status: 'NOT_MEASURED' },
      status: 'MISSING',
    },
    providers: [],
    multimodal: {
      packageName: 'voice/stt',
      supportedDataTypes: ['TEXT', 'AUDIO'],
      schemaExtensions: [],
      backwardCompatibility: { textOnlyWorkflowsSupported: true, breakingChanges: [], migrationRequired: false },
      status: 'IN_PROGRESS',
    },
    diagnostics: [
      diagnostic('structure/missing-file', 'warning', 'pkg/voice/stt/stt.go', 1, 'metrics.go is missing: create it in pkg/voice/stt'),
      diagnostic('otel/missing-metrics', 'warning', 'pkg/voice/stt/stt.go', 1, 'voice/stt defines no metrics: create metrics.go'),
    ],
  };
}

/** A workspace-wide diagnostic: the settings file does not parse. */
export function configDiagnostic(): ReportDiagnostic {
  return diagnostic('config/invalid', 'error', '.gocomply.json', 3, 'tracing.threshold: must be at most 100');
}

/** A report over both sample packages, checked against ReportSchema. */
export function sampleReport(
  packages: PackageCompliance[] = [llmsPackage(), sttPackage()],
  workspaceDiagnostics: ReportDiagnostic[] = [configDiagnostic()],
): Report {
  return ReportSchema.parse({
    tool: 'gocomply',
    version: '0.1.0',
    generatedAt: '2025-01-27T10:00:00.000Z',
    workspace: '/home/dev/my framework',
    modules: [{ path: '.', modulePath: 'github.com/example/framework' }],
    spanStarters: ['StartSpan'],
    notices: [{ file: 'pkg/llms/huge.go', message: 'skipped: larger than maxFileBytes' }],
    diagnostics: workspaceDiagnostics,
    packages,
  });
}
