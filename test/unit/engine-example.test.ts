// The bundled example workspace (examples/), which the CLI audits by default:
// one package of each status, and the evidence behind them.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { PackageCompliance } from '../../common/schemas/entities';
import type { Report } from '../../common/schemas/report';
import {
  auditValid,
  diagnosticLines,
  diagnosticsOf,
  EXAMPLES_DIR,
  findMetric,
  findPackage,
  lineOf,
  packageNames,
  tracedHowByLocation,
} from './helpers/fixtures';

function assertClose(actual: number | null, expected: number, what: string): void {
  assert.ok(actual !== null, `${what} is null`);
  assert.ok(Math.abs(actual - expected) < 0.05, `${what}: ${actual}, expected ${expected}`);
}

describe('the example workspace (examples/)', () => {
  let report: Report;
  let llms: PackageCompliance;
  let embeddings: PackageCompliance;
  before(async () => {
    report = await auditValid(EXAMPLES_DIR);
    llms = findPackage(report, 'llms');
    embeddings = findPackage(report, 'embeddings');
  });

  it('has six packages, voice/stt and voice/tts nested in voice', () => {
    assert.deepEqual(packageNames(report), ['embeddings', 'llms', 'retrievers', 'voice', 'voice/stt', 'voice/tts']);
    assert.deepEqual(
      report.modules.map((m) => m.modulePath),
      ['github.com/example/aiframework'],
    );
  });

  it('shows each overall status', () => {
    const statuses = Object.fromEntries(report.packages.map((p) => [p.packageName, p.complianceStatus]));
    assert.deepEqual(statuses, {
      llms: 'FULL',
      embeddings: 'PARTIAL',
      voice: 'PARTIAL',
      'voice/stt': 'NON_COMPLIANT', // 4 of 6 required files absent
      'voice/tts': 'NON_COMPLIANT', // only tts.go and registry.go
      retrievers: 'NON_COMPLIANT',
    });
  });

  describe('llms', () => {
    it('traces every context method: directly, through starters, and Batch by delegation', () => {
      assert.deepEqual(tracedHowByLocation(llms), {
        'pkg/llms/llms.go Client.Generate': 'direct',
        'pkg/llms/llms.go Client.Stream': 'starter', // startOperation
        'pkg/llms/llms.go Client.Batch': 'delegation', // c.Generate
        'pkg/llms/providers/openai/openai.go Provider.Generate': 'direct',
        'pkg/llms/providers/openai/openai.go Provider.Stream': 'starter', // llms.StartSpan -> startOperation
        'pkg/llms/providers/anthropic/anthropic.go Client.Generate': 'starter',
        'pkg/llms/providers/anthropic/anthropic.go Client.Stream': 'starter',
      });
      assert.equal(llms.observability.tracingIntegration.coveragePercentage, 100);
      assert.ok(report.spanStarters.includes('StartSpan'));
      assert.ok(report.spanStarters.includes('startOperation'));
    });

    it('defines dot.lowercase metrics, one named by a const', () => {
      const requests = findMetric(llms, 'llms.requests'); // requestsMetricName
      assert.equal(requests.type, 'counter');
      assert.equal(requests.dynamic, false);
      const duration = findMetric(llms, 'llms.request.duration');
      assert.equal(duration.type, 'histogram');
      assert.equal(duration.unit, 's');
      assert.equal(llms.observability.patternCompliance.metricNamingConvention, 'dot.lowercase');
      assert.deepEqual(diagnosticsOf(llms, 'otel/metric-name'), []);
    });

    it('logs with slog and the trace id', () => {
      assert.equal(llms.observability.loggingIntegration.status, 'COMPLETE');
      assert.deepEqual([...llms.observability.loggingIntegration.logLevels].sort(), ['error', 'info']);
    });

    it('has a compliant structure, full testing and complete provider support', () => {
      assert.equal(llms.packageStructure.complianceStatus, 'COMPLIANT');
      assert.equal(llms.testingCoverage.hasTableDrivenTest, true);
      assert.equal(llms.testingCoverage.hasConcurrencyTest, true);
      assert.equal(llms.testingCoverage.hasBenchmarks, true);
      // coverage.out, llms blocks: 191 of 222 statements once each duplicate keeps its largest count.
      assertClose(llms.testingCoverage.coveragePercentage, (191 / 222) * 100, 'llms coverage');
      assert.equal(llms.testingCoverage.status, 'COMPLETE');
      // .gocomply.json narrows llms' high-demand list to openai and anthropic.
      assert.deepEqual(llms.providers.map((p) => p.providerName).sort(), ['anthropic', 'openai']);
      assert.ok(llms.providers.every((p) => p.registrationInfo.autoRegister));
      assert.equal(llms.providerSupport?.status, 'COMPLETE');
    });

    it('measures the overhead of Generate over its baseline', () => {
      const impact = llms.observability.performanceImpact;
      assertClose(impact.overheadPercentage, ((2874 - 2790) / 2790) * 100, 'llms overhead');
      assert.equal(impact.status, 'ACCEPTABLE');
    });
  });

  describe('embeddings', () => {
    const metricsFile = 'pkg/embeddings/metrics.go';

    it('misses errors.go and advanced_test.go', () => {
      assert.deepEqual([...embeddings.packageStructure.missingFiles].sort(), ['advanced_test.go', 'errors.go']);
      assert.equal(embeddings.packageStructure.complianceStatus, 'PARTIAL');
    });

    it('flags EmbeddingRequestsTotal and embeddings.documents_total', () => {
      const flagged = diagnosticLines(embeddings, 'otel/metric-name', metricsFile);
      assert.ok(flagged.includes(lineOf(EXAMPLES_DIR, metricsFile, '"EmbeddingRequestsTotal"')));
      assert.ok(flagged.includes(lineOf(EXAMPLES_DIR, metricsFile, '"embeddings.documents_total"')));
      assert.ok(!flagged.includes(lineOf(EXAMPLES_DIR, metricsFile, '"embeddings.request.duration"')));
    });

    it('flags the fmt.Println and the slog.Warn without context', () => {
      const file = 'pkg/embeddings/embeddings.go';
      assert.deepEqual(diagnosticLines(embeddings, 'logging/unstructured-call', file), [lineOf(EXAMPLES_DIR, file, 'fmt.Println(')]);
      assert.ok(diagnosticLines(embeddings, 'logging/no-otel-context', file).includes(lineOf(EXAMPLES_DIR, file, 'slog.Warn(')));
    });

    it('leaves two Embedder methods untraced', () => {
      assert.deepEqual(tracedHowByLocation(embeddings), {
        'pkg/embeddings/embeddings.go Embedder.EmbedDocuments': 'direct',
        'pkg/embeddings/embeddings.go Embedder.EmbedQuery': 'none',
        'pkg/embeddings/embeddings.go Embedder.EmbedImages': 'none',
        'pkg/embeddings/providers/openai/openai.go Provider.EmbedDocuments': 'direct',
        'pkg/embeddings/providers/openai/openai.go Provider.EmbedQuery': 'delegation',
      });
      assert.equal(embeddings.observability.tracingIntegration.status, 'PARTIAL');
    });

    it('registers openai through embeddings.Register and misses cohere and ollama', () => {
      const registrations = embeddings.providerSupport?.registrations ?? [];
      assert.deepEqual(
        registrations.map((r) => [r.registryName, r.autoRegister]),
        [['openai', true]],
      );
      assert.deepEqual([...(embeddings.providerSupport?.missingProviders ?? [])].sort(), ['cohere', 'ollama']);
    });

    it('is covered 20 of 72 statements and needs optimization', () => {
      assertClose(embeddings.testingCoverage.coveragePercentage, (20 / 72) * 100, 'embeddings coverage');
      assertClose(embeddings.observability.performanceImpact.overheadPercentage, ((12410 - 10990) / 10990) * 100, 'embeddings overhead');
      assert.equal(embeddings.observability.performanceImpact.status, 'NEEDS_OPTIMIZATION');
    });
  });

  it('counts no stt or tts file for voice', () => {
    const voice = findPackage(report, 'voice');
    const files = [
      ...voice.observability.tracingIntegration.methods.map((m) => m.file),
      ...voice.observability.metricsIntegration.metricDefinitions.map((m) => m.file),
    ];
    assert.ok(files.length > 0);
    assert.ok(files.every((f) => !f.startsWith('pkg/voice/stt/') && !f.startsWith('pkg/voice/tts/')), files.join(', '));
    assert.deepEqual(voice.observability.metricsIntegration.metricDefinitions.map((m) => m.name).sort(), ['voice.session.duration', 'voice.sessions']);
  });

  it('retrievers has no metrics, no tracing, and placeholders', () => {
    const retrievers = findPackage(report, 'retrievers');
    const file = 'pkg/retrievers/retrievers.go';
    assert.equal(retrievers.observability.metricsIntegration.status, 'MISSING');
    assert.equal(retrievers.observability.tracingIntegration.publicMethodsTraced, 0);
    assert.equal(retrievers.observability.tracingIntegration.status, 'MISSING');
    assert.deepEqual(diagnosticLines(retrievers, 'completeness/placeholder', file), [
      lineOf(EXAMPLES_DIR, file, '// TODO: replace'),
      lineOf(EXAMPLES_DIR, file, 'panic("not implemented")'),
    ]);
  });
});
