import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PackageCompliance } from '../../common/schemas/entities';
import { settingsJsonSchema } from '../../common/schemas/jsonSchema';
import { ValidatedPackageComplianceSchema, ValidatedReportSchema, formatZodIssues } from '../../common/schemas/validation';
import { llmsPackage, sampleReport, sttPackage } from './helpers/sampleReport';

/** `path: message` lines for one package, paths relative to the package. */
function issuesOf(pkg: PackageCompliance): string[] {
  const result = ValidatedPackageComplianceSchema.safeParse(pkg);
  return result.success ? [] : formatZodIssues(result.error);
}

function pathsOf(pkg: PackageCompliance): string[] {
  return issuesOf(pkg).map((line) => line.slice(0, line.indexOf(': ')));
}

function assertFlagged(pkg: PackageCompliance, path: string, messagePart?: string): void {
  const lines = issuesOf(pkg).filter((line) => line.startsWith(`${path}: `));
  assert.ok(lines.length > 0, `expected an issue at ${path}, got: ${JSON.stringify(issuesOf(pkg))}`);
  if (messagePart !== undefined) assert.ok(lines.some((line) => line.includes(messagePart)), `no message at ${path} mentions "${messagePart}": ${JSON.stringify(lines)}`);
}

/** llms with every component complete and no provider support: a FULL single-provider package. */
function fullPackage(): PackageCompliance {
  const pkg = llmsPackage();
  const tracing = pkg.observability.tracingIntegration;
  tracing.methods = tracing.methods.map((m) => ({ ...m, traced: true, how: m.how === 'none' ? 'starter' : m.how }));
  Object.assign(tracing, { publicMethodsTraced: 3, coveragePercentage: 100, status: 'COMPLETE' });
  pkg.observability.status = 'COMPLETE';
  pkg.otelObservability.status = 'COMPLETE';
  pkg.providerSupport = null;
  pkg.providers = [];
  pkg.complianceStatus = 'FULL';
  return pkg;
}

describe('consistent reports', () => {
  it('accepts the sample report', () => {
    const result = ValidatedReportSchema.safeParse(sampleReport());
    assert.deepEqual(result.success ? [] : formatZodIssues(result.error), []);
  });

  it('accepts a FULL package whose providerSupport is null', () => {
    assert.deepEqual(issuesOf(fullPackage()), []);
  });
});

describe('PackageCompliance.complianceStatus', () => {
  it('FULL requires every component COMPLETE', () => {
    const pkg = llmsPackage();
    pkg.complianceStatus = 'FULL';
    assertFlagged(pkg, 'complianceStatus', 'otelObservability.status is PARTIAL');
    assertFlagged(pkg, 'complianceStatus', 'providerSupport.status is PARTIAL');
  });

  it('NON_COMPLIANT requires a component at its lowest value', () => {
    const pkg = llmsPackage();
    pkg.complianceStatus = 'NON_COMPLIANT';
    assertFlagged(pkg, 'complianceStatus', 'NON_COMPLIANT requires');
  });

  it('PARTIAL is refused when every component is COMPLETE', () => {
    const pkg = fullPackage();
    pkg.complianceStatus = 'PARTIAL';
    assertFlagged(pkg, 'complianceStatus', 'expected FULL');
  });

  it('PARTIAL is refused when a component is at its lowest value', () => {
    const pkg = sttPackage();
    pkg.complianceStatus = 'PARTIAL';
    assertFlagged(pkg, 'complianceStatus', 'expected NON_COMPLIANT');
  });
});

describe('PackageStructure', () => {
  it('status COMPLETE requires every required file flag', () => {
    const pkg = llmsPackage();
    pkg.packageStructure.hasErrors = false;
    pkg.packageStructure.requiredFiles.hasErrors = false;
    assertFlagged(pkg, 'packageStructure.hasErrors', 'COMPLETE');
  });

  it('flat flags agree with requiredFiles and directoryLayout', () => {
    const pkg = sttPackage();
    pkg.packageStructure.hasMetrics = true;
    pkg.packageStructure.hasIface = true;
    assertFlagged(pkg, 'packageStructure.hasMetrics', 'requiredFiles.hasMetrics is false');
    assertFlagged(pkg, 'packageStructure.hasIface', 'directoryLayout.hasIface is false');
  });

  it('status is the PackageCompliance view of complianceStatus', () => {
    const pkg = sttPackage();
    pkg.packageStructure.status = 'PARTIAL';
    assertFlagged(pkg, 'packageStructure.status', 'maps to NON_COMPLIANT');
  });

  it('COMPLIANT requires nonStandardFiles empty', () => {
    const pkg = llmsPackage();
    pkg.packageStructure.nonStandardFiles = ['pkg/llms/internal/errors.go'];
    assertFlagged(pkg, 'packageStructure.nonStandardFiles', 'pkg/llms/internal/errors.go');
  });

  it('COMPLIANT requires alignmentActions empty', () => {
    const pkg = llmsPackage();
    pkg.packageStructure.alignmentActions = ['MOVE_FILES'];
    assertFlagged(pkg, 'packageStructure.alignmentActions', 'MOVE_FILES');
  });

  it('COMPLIANT requires every required file, the factory too for a multi-provider package', () => {
    const pkg = llmsPackage();
    pkg.packageStructure.requiredFiles.hasFactory = false;
    assertFlagged(pkg, 'packageStructure.requiredFiles', 'hasFactory');
  });

  it('COMPLIANT requires missingFiles empty', () => {
    const pkg = llmsPackage();
    pkg.packageStructure.missingFiles = ['errors.go'];
    assertFlagged(pkg, 'packageStructure.missingFiles', 'errors.go');
  });
});

describe('ObservabilityIntegration', () => {
  it('otelObservability.status COMPLETE requires metrics, tracing and logging', () => {
    const pkg = fullPackage();
    pkg.otelObservability.hasLogging = false;
    assertFlagged(pkg, 'otelObservability.hasLogging', 'COMPLETE');
  });

  it('otelObservability.status agrees with observability.status', () => {
    const pkg = llmsPackage();
    pkg.otelObservability.status = 'MISSING';
    assertFlagged(pkg, 'otelObservability.status', 'observability.status is PARTIAL');
  });

  it('status COMPLETE requires metrics, tracing and logging COMPLETE', () => {
    const pkg = llmsPackage();
    pkg.observability.status = 'COMPLETE';
    assertFlagged(pkg, 'observability.status', 'tracingIntegration PARTIAL');
  });

  it('metricTypes equals the set of metricDefinitions types', () => {
    const missing = llmsPackage();
    missing.observability.metricsIntegration.metricTypes = ['counter'];
    assertFlagged(missing, 'observability.metricsIntegration.metricTypes', 'missing: histogram');
    const extra = llmsPackage();
    extra.observability.metricsIntegration.metricTypes = ['counter', 'histogram', 'gauge'];
    assertFlagged(extra, 'observability.metricsIntegration.metricTypes', 'extra: gauge');
    const twice = llmsPackage();
    twice.observability.metricsIntegration.metricTypes = ['counter', 'histogram', 'counter'];
    assertFlagged(twice, 'observability.metricsIntegration.metricTypes', 'twice');
  });
});

describe('TracingIntegration counts', () => {
  const base = 'observability.tracingIntegration';

  it('coveragePercentage follows traced/total within rounding', () => {
    const pkg = llmsPackage();
    pkg.observability.tracingIntegration.coveragePercentage = 66.6;
    assertFlagged(pkg, `${base}.coveragePercentage`, '2/3 gives 66.67');
  });

  it('coveragePercentage is 100 when there are no public methods', () => {
    const pkg = sttPackage();
    Object.assign(pkg.observability.tracingIntegration, { totalPublicMethods: 0, allPublicMethods: 0, methods: [], coveragePercentage: 0 });
    assertFlagged(pkg, `${base}.coveragePercentage`, '0/0 gives 100');
    pkg.observability.tracingIntegration.coveragePercentage = 100;
    assert.deepEqual(pathsOf(pkg), []);
  });

  it('publicMethodsTraced does not exceed totalPublicMethods', () => {
    const pkg = sttPackage();
    Object.assign(pkg.observability.tracingIntegration, { publicMethodsTraced: 2, coveragePercentage: 100 });
    assertFlagged(pkg, `${base}.publicMethodsTraced`, 'exceeds totalPublicMethods (1)');
  });

  it('methods lists totalPublicMethods entries', () => {
    const pkg = llmsPackage();
    pkg.observability.tracingIntegration.methods.pop();
    assertFlagged(pkg, `${base}.methods`, 'lists 2 methods but totalPublicMethods is 3');
  });

  it('publicMethodsTraced matches the methods marked traced', () => {
    const pkg = llmsPackage();
    const stream = pkg.observability.tracingIntegration.methods[2];
    assert.ok(stream);
    Object.assign(stream, { traced: true, how: 'starter' });
    assertFlagged(pkg, `${base}.publicMethodsTraced`, 'methods marks 3 as traced');
  });

  it('a traced method says how, an untraced one says none', () => {
    const pkg = llmsPackage();
    const stream = pkg.observability.tracingIntegration.methods[2];
    assert.ok(stream);
    stream.how = 'direct';
    assertFlagged(pkg, `${base}.methods[2].how`, 'Client.Stream');
  });
});

describe('ProviderExtension', () => {
  it('providerName is unique within the package', () => {
    const pkg = llmsPackage();
    const second = pkg.providers[1];
    assert.ok(second);
    second.providerName = 'openai';
    assertFlagged(pkg, 'providers[1].providerName', '"openai"');
  });

  it('registryName is unique within the package', () => {
    const pkg = llmsPackage();
    const second = pkg.providers[1];
    assert.ok(second);
    second.registrationInfo.registryName = 'openai';
    assertFlagged(pkg, 'providers[1].registrationInfo.registryName', 'also at providers[0]');
  });

  it('empty registry names (unregistered providers) are not duplicates', () => {
    const pkg = llmsPackage();
    for (const p of pkg.providers) p.registrationInfo.registryName = '';
    assert.deepEqual(pathsOf(pkg), []);
  });

  it('a duplicate registry name reported as providers/duplicate-registration is accepted', () => {
    const pkg = llmsPackage();
    const second = pkg.providers[1];
    assert.ok(second);
    second.registrationInfo.registryName = 'openai';
    pkg.diagnostics.push({
      rule: 'providers/duplicate-registration', severity: 'error', file: 'pkg/llms/providers/ollama/init.go',
      range: { start: { line: 8, column: 2 }, end: { line: 8, column: 40 } }, message: 'registry name "openai" is registered twice',
    });
    assert.deepEqual(pathsOf(pkg), []);
  });

  it('status COMPLETE requires unit tests and a mock', () => {
    const pkg = llmsPackage();
    const openai = pkg.providers[0];
    assert.ok(openai);
    openai.testCoverage.hasMock = false;
    openai.testCoverage.hasUnitTests = false;
    assertFlagged(pkg, 'providers[0].testCoverage.hasMock', 'openai');
    assertFlagged(pkg, 'providers[0].testCoverage.hasUnitTests', 'openai');
  });
});

describe('MultimodalCapability', () => {
  const base = 'multimodal.backwardCompatibility';

  it('migrationRequired is true exactly when there are breaking changes', () => {
    const pkg = sttPackage();
    assert.ok(pkg.multimodal);
    pkg.multimodal.backwardCompatibility.breakingChanges = ['Transcribe: parameter list changed'];
    assertFlagged(pkg, `${base}.migrationRequired`, '1 breaking changes');
    pkg.multimodal.backwardCompatibility.migrationRequired = true;
    assert.deepEqual(pathsOf(pkg), [], 'breaking changes in progress are a diagnostic, not an invalid report');
  });

  it('status COMPLETE implies no breaking changes', () => {
    const pkg = sttPackage();
    assert.ok(pkg.multimodal);
    pkg.multimodal.status = 'COMPLETE';
    pkg.multimodal.backwardCompatibility = { textOnlyWorkflowsSupported: false, breakingChanges: ['Message removed'], migrationRequired: true };
    assertFlagged(pkg, `${base}.breakingChanges`, 'COMPLETE');
  });
});

describe('packageName across nested entities', () => {
  it('flags each nested entity named after another package', () => {
    const pkg = sttPackage();
    pkg.packageStructure.packageName = 'stt';
    pkg.observability.packageName = 'voice';
    assert.ok(pkg.multimodal);
    pkg.multimodal.packageName = 'voice/tts';
    assert.deepEqual(pathsOf(pkg), ['packageStructure.packageName', 'observability.packageName', 'multimodal.packageName']);
  });

  it('flags a provider of another package', () => {
    const pkg = llmsPackage();
    const ollama = pkg.providers[1];
    assert.ok(ollama);
    ollama.packageName = 'embeddings';
    assertFlagged(pkg, 'providers[1].packageName', '"embeddings"');
  });
});

describe('ValidatedReportSchema', () => {
  it('prefixes package issues with their index in the report', () => {
    const pkg = sttPackage();
    pkg.complianceStatus = 'FULL';
    const result = ValidatedReportSchema.safeParse(sampleReport([llmsPackage(), pkg]));
    assert.equal(result.success, false);
    assert.ok(!result.success && formatZodIssues(result.error).some((line) => line.startsWith('packages[1].complianceStatus: ')));
  });

  it('refuses two packages with one path', () => {
    const result = ValidatedReportSchema.safeParse(sampleReport([llmsPackage(), llmsPackage()]));
    assert.ok(!result.success);
    assert.deepEqual(formatZodIssues(result.error).map((line) => line.split(': ')[0]), ['packages[1].path']);
  });
});

describe('formatZodIssues', () => {
  it('writes (root) for an issue on the value itself', () => {
    const result = ValidatedReportSchema.safeParse('not a report');
    assert.ok(!result.success);
    assert.match(formatZodIssues(result.error)[0] ?? '', /^\(root\): /);
  });
});

/** Follows `keys` through nested objects of a JSON value; undefined when one is missing. */
function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || !(key in current)) return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}

describe('settingsJsonSchema', () => {
  const schema = settingsJsonSchema([{ id: 'otel/untraced-method', title: 'A public method starts no span' }]);

  it('makes every setting optional, since each has a default', () => {
    assert.equal(schema['type'], 'object');
    assert.equal(schema['required'], undefined);
    assert.equal(schema['additionalProperties'], false);
    assert.equal(at(schema, 'properties', 'tracing', 'required'), undefined);
  });

  it('carries the defaults of SettingsSchema', () => {
    assert.deepEqual(at(schema, 'properties', 'packageRoots'), { default: ['pkg'], type: 'array', items: { type: 'string', minLength: 1 } });
    assert.equal(at(schema, 'properties', 'tracing', 'properties', 'threshold', 'default'), 90);
  });

  it('describes known rule ids under rules while still allowing others', () => {
    assert.deepEqual(at(schema, 'properties', 'rules', 'properties', 'otel/untraced-method'), {
      description: 'A public method starts no span',
      enum: ['off', 'hint', 'info', 'warning', 'error'],
    });
    assert.ok(at(schema, 'properties', 'rules', 'additionalProperties'), 'unknown rule ids still validate');
  });
});
