// zod schemas of the seed's five entities (../shared/seed/data-model.md), in
// camelCase, plus the evidence the spec (§10) adds so a reader can check every
// number. The seed's validation rules are refinements in ./validation.ts.
import { z } from 'zod';
import { PROVIDER_TYPES } from './settings';

export const ComplianceStatus = z.enum(['FULL', 'PARTIAL', 'NON_COMPLIANT']);
export const AreaStatus = z.enum(['COMPLETE', 'PARTIAL', 'MISSING']);
export const StructureStatus = z.enum(['COMPLETE', 'PARTIAL', 'NON_COMPLIANT']);
export const StructureComplianceStatus = z.enum(['COMPLIANT', 'PARTIAL', 'NON_COMPLIANT']);
export const TestingStatus = z.enum(['COMPLETE', 'PARTIAL', 'INSUFFICIENT']);
export const ProviderSupportStatus = z.enum(['COMPLETE', 'PARTIAL', 'INSUFFICIENT']);
export const MultimodalSupportStatus = z.enum(['COMPLETE', 'PARTIAL', 'NOT_SUPPORTED']);
export const LifecycleStatus = z.enum(['PLANNED', 'IN_PROGRESS', 'COMPLETE', 'VERIFIED']);
export const CompletionStatus = z.enum(['NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'VERIFIED']);
export const AlignmentPriority = z.enum([
  'OTEL_OBSERVABILITY',
  'PROVIDER_EXPANSION',
  'STRUCTURE_STANDARDIZATION',
  'MULTIMODAL_CAPABILITIES',
  'TESTING_ENHANCEMENT',
]);
export const AlignmentAction = z.enum(['MOVE_FILES', 'CREATE_MISSING_FILES', 'REORGANIZE_DIRECTORIES']);
export const ProviderType = z.enum(PROVIDER_TYPES);
export const Capability = z.enum(['TEXT', 'MULTIMODAL', 'STREAMING', 'FUNCTION_CALLING', 'VISION', 'AUDIO']);
export const AuthenticationType = z.enum(['API_KEY', 'OAUTH', 'AWS_SIGV4', 'NONE']);
export const DataType = z.enum(['TEXT', 'IMAGE', 'AUDIO', 'VIDEO']);
export const MetricType = z.enum(['counter', 'updowncounter', 'histogram', 'gauge']);
export const TracedHow = z.enum(['direct', 'starter', 'delegation', 'none']);
export const FileLocationKey = z.enum(['config', 'metrics', 'errors', 'test_utils', 'advanced_test', 'readme', 'factory']);

const relPath = z.string().min(1);
const line = z.number().int().positive();
const percentage = z.number().min(0).max(100);

// ---- Entity 5: PackageStructure -------------------------------------------

export const DirectoryLayoutSchema = z.object({
  hasIface: z.boolean(),
  hasInternal: z.boolean(),
  hasProviders: z.boolean(),
  ifaceFiles: z.array(relPath),
  internalFiles: z.array(relPath),
  providerDirectories: z.array(z.string()),
});

export const RequiredFilesSchema = z.object({
  hasConfig: z.boolean(),
  hasMetrics: z.boolean(),
  hasErrors: z.boolean(),
  hasTestUtils: z.boolean(),
  hasAdvancedTest: z.boolean(),
  hasREADME: z.boolean(),
  hasFactory: z.boolean(),
});

/** Entity 5, with the flat flags and `status` of PackageCompliance.PackageStructure beside it. */
export const PackageStructureSchema = z.object({
  packageName: z.string().min(1),
  directoryLayout: DirectoryLayoutSchema,
  requiredFiles: RequiredFilesSchema,
  fileLocations: z.partialRecord(FileLocationKey, relPath),
  nonStandardFiles: z.array(relPath),
  complianceStatus: StructureComplianceStatus,
  alignmentActions: z.array(AlignmentAction),
  /** The files this audit required (setting `requiredFiles`). */
  requiredFileNames: z.array(z.string()),
  /** Required files absent everywhere (evidence). */
  missingFiles: z.array(z.string()),
  multiProvider: z.boolean(),
  hasIface: z.boolean(),
  hasInternal: z.boolean(),
  hasProviders: z.boolean(),
  hasConfig: z.boolean(),
  hasMetrics: z.boolean(),
  hasErrors: z.boolean(),
  hasTestUtils: z.boolean(),
  hasAdvancedTest: z.boolean(),
  hasREADME: z.boolean(),
  status: StructureStatus,
});

// ---- Entity 3: ObservabilityIntegration -----------------------------------

export const MetricDefinitionSchema = z.object({
  name: z.string().min(1),
  /** True when the name could not be resolved to a constant string (`name` is then `dynamic`). */
  dynamic: z.boolean(),
  instrument: z.string().min(1),
  type: MetricType,
  unit: z.string().optional(),
  description: z.string().optional(),
  file: relPath,
  line,
});

export const MetricsIntegrationSchema = z.object({
  hasMetricsFile: z.boolean(),
  metricDefinitions: z.array(MetricDefinitionSchema),
  metricTypes: z.array(MetricType),
  status: AreaStatus,
});

export const TracedMethodSchema = z.object({
  name: z.string().min(1),
  file: relPath,
  line,
  traced: z.boolean(),
  how: TracedHow,
});

export const TracingIntegrationSchema = z.object({
  hasTracing: z.boolean(),
  publicMethodsTraced: z.number().int().min(0),
  totalPublicMethods: z.number().int().min(0),
  coveragePercentage: percentage,
  status: AreaStatus,
  scope: z.enum(['context', 'all']),
  /** Public methods counted with scope `all` (the tree shows both numbers). */
  allPublicMethods: z.number().int().min(0),
  methods: z.array(TracedMethodSchema),
});

export const LoggingIntegrationSchema = z.object({
  hasStructuredLogging: z.boolean(),
  hasOTELContext: z.boolean(),
  logLevels: z.array(z.enum(['debug', 'info', 'warn', 'error'])),
  status: AreaStatus,
});

export const PatternComplianceSchema = z.object({
  usesStandardPatterns: z.boolean(),
  metricNamingConvention: z.enum(['dot.lowercase', 'snake_case', 'camelCase', 'mixed', 'none']),
  tracingPattern: z.enum(['direct', 'helper', 'mixed', 'none']),
  status: z.enum(['COMPLIANT', 'NON_COMPLIANT']),
});

export const PerformanceImpactSchema = z.object({
  benchmarkResults: z.record(z.string(), z.number().min(0)),
  overheadPercentage: z.number().nullable(),
  status: z.enum(['ACCEPTABLE', 'NEEDS_OPTIMIZATION', 'NOT_MEASURED']),
});

export const ObservabilityIntegrationSchema = z.object({
  packageName: z.string().min(1),
  metricsIntegration: MetricsIntegrationSchema,
  tracingIntegration: TracingIntegrationSchema,
  loggingIntegration: LoggingIntegrationSchema,
  patternCompliance: PatternComplianceSchema,
  performanceImpact: PerformanceImpactSchema,
  status: AreaStatus,
});

// ---- Entity 2: ProviderExtension ------------------------------------------

export const RegistrationSchema = z.object({
  registryName: z.string().min(1),
  factoryFunction: z.string(),
  autoRegister: z.boolean(),
  file: relPath,
  line,
});

export const ProviderExtensionSchema = z.object({
  providerName: z.string().min(1),
  packageName: z.string().min(1),
  providerType: ProviderType,
  capabilities: z.array(Capability),
  sdkInfo: z.object({
    sdkName: z.string(),
    sdkVersion: z.string(),
    apiEndpoint: z.string().optional(),
    authenticationType: AuthenticationType,
  }),
  configuration: z.object({
    requiredFields: z.array(z.string()),
    optionalFields: z.array(z.string()),
    defaultValues: z.record(z.string(), z.unknown()),
  }),
  registrationInfo: z.object({
    registryName: z.string(),
    factoryFunction: z.string(),
    autoRegister: z.boolean(),
    file: relPath.optional(),
    line: line.optional(),
  }),
  testCoverage: z.object({
    hasUnitTests: z.boolean(),
    hasIntegrationTests: z.boolean(),
    hasMock: z.boolean(),
    sharedMock: z.boolean(),
    coveragePercentage: percentage.nullable(),
  }),
  status: LifecycleStatus,
  /** Provider folder, absent for a provider only registered or planned. */
  path: relPath.optional(),
});

// ---- Entity 4: MultimodalCapability ---------------------------------------

export const SchemaExtensionSchema = z.object({
  typeName: z.string().min(1),
  baseType: z.string().min(1),
  fields: z.array(z.object({ name: z.string(), type: z.string() })),
});

export const MultimodalCapabilitySchema = z.object({
  packageName: z.string().min(1),
  supportedDataTypes: z.array(DataType).min(1),
  schemaExtensions: z.array(SchemaExtensionSchema),
  embeddingSupport: z
    .object({
      supportsImageEmbedding: z.boolean(),
      supportsVideoEmbedding: z.boolean(),
      embeddingDimensions: z.record(z.string(), z.number().int()),
    })
    .optional(),
  vectorStoreSupport: z
    .object({
      supportsMultimodalVectors: z.boolean(),
      supportsMultimodalSearch: z.boolean(),
      indexTypes: z.array(z.string()),
    })
    .optional(),
  agentSupport: z
    .object({
      supportsMultimodalInput: z.boolean(),
      supportsMultimodalOutput: z.boolean(),
      supportedInputTypes: z.array(z.string()),
    })
    .optional(),
  backwardCompatibility: z.object({
    textOnlyWorkflowsSupported: z.boolean(),
    breakingChanges: z.array(z.string()),
    migrationRequired: z.boolean(),
  }),
  status: LifecycleStatus,
});

// ---- Entity 1: PackageCompliance ------------------------------------------

export const ReportRangeSchema = z.object({
  start: z.object({ line, column: z.number().int().positive() }),
  end: z.object({ line, column: z.number().int().positive() }),
});

export const ReportDiagnosticSchema = z.object({
  rule: z.string().regex(/^[a-z]+\/[a-z0-9-]+$/),
  severity: z.enum(['hint', 'info', 'warning', 'error']),
  file: relPath,
  /** 1-based lines and columns (UTF-16 code units), end exclusive. */
  range: ReportRangeSchema,
  message: z.string().min(1),
  fix: z.string().optional(),
});

export const TestingCoverageSchema = z.object({
  hasTestUtils: z.boolean(),
  hasAdvancedTest: z.boolean(),
  hasBenchmarks: z.boolean(),
  /** null when no coverage profile covers the package (unknown, not 0). */
  coveragePercentage: percentage.nullable(),
  status: TestingStatus,
  hasTableDrivenTest: z.boolean(),
  hasConcurrencyTest: z.boolean(),
  coverageStale: z.boolean(),
  coverageProfiles: z.array(relPath),
});

export const ProviderSupportSchema = z.object({
  hasRegistry: z.boolean(),
  providerCount: z.number().int().min(0),
  missingProviders: z.array(z.string()),
  status: ProviderSupportStatus,
  registrations: z.array(RegistrationSchema),
});

export const MultimodalSupportSchema = z.object({
  hasImageSupport: z.boolean(),
  hasVoiceSupport: z.boolean(),
  hasVideoSupport: z.boolean(),
  status: MultimodalSupportStatus,
});

export const PackageComplianceSchema = z.object({
  packageName: z.string().min(1),
  path: relPath,
  complianceStatus: ComplianceStatus,
  otelObservability: z.object({
    hasMetrics: z.boolean(),
    hasTracing: z.boolean(),
    hasLogging: z.boolean(),
    status: AreaStatus,
  }),
  packageStructure: PackageStructureSchema,
  testingCoverage: TestingCoverageSchema,
  providerSupport: ProviderSupportSchema.nullable(),
  multimodalSupport: MultimodalSupportSchema.nullable(),
  alignmentPriorities: z.array(AlignmentPriority),
  completionStatus: CompletionStatus,
  score: z.number().int().min(0).max(100),
  scoreBand: z.enum(['excellent', 'good', 'needs work', 'poor']),
  observability: ObservabilityIntegrationSchema,
  providers: z.array(ProviderExtensionSchema),
  multimodal: MultimodalCapabilitySchema.nullable(),
  diagnostics: z.array(ReportDiagnosticSchema),
});

export type PackageStructure = z.infer<typeof PackageStructureSchema>;
export type ObservabilityIntegration = z.infer<typeof ObservabilityIntegrationSchema>;
export type MetricDefinition = z.infer<typeof MetricDefinitionSchema>;
export type TracedMethod = z.infer<typeof TracedMethodSchema>;
export type ProviderExtension = z.infer<typeof ProviderExtensionSchema>;
export type MultimodalCapability = z.infer<typeof MultimodalCapabilitySchema>;
export type TestingCoverage = z.infer<typeof TestingCoverageSchema>;
export type ProviderSupport = z.infer<typeof ProviderSupportSchema>;
export type PackageCompliance = z.infer<typeof PackageComplianceSchema>;
export type ReportDiagnostic = z.infer<typeof ReportDiagnosticSchema>;
export type FileLocation = z.infer<typeof FileLocationKey>;
