// Metrics (spec §3 Metrics): definitions, name resolution, naming rules and
// conflicts across the workspace.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { PackageCompliance } from '../../common/schemas/entities';
import { auditFixture, diagnosticLines, diagnosticsOf, findMetric, findPackage, fixturePath, lineOf } from './helpers/fixtures';

describe('metric definitions and names (metrics-names)', () => {
  const root = fixturePath('metrics-names');
  const cacheFile = 'pkg/cache/metrics.go';
  const cacheLine = (needle: string): number => lineOf(root, cacheFile, needle);
  let cache: PackageCompliance;
  let queue: PackageCompliance;
  let legacy: PackageCompliance;
  before(async () => {
    const report = await auditFixture('metrics-names');
    cache = findPackage(report, 'cache');
    queue = findPackage(report, 'queue');
    legacy = findPackage(report, 'legacy');
  });

  it('finds all eleven instrument calls of cache, Observable variant included', () => {
    assert.equal(cache.observability.metricsIntegration.metricDefinitions.length, 11);
    assert.deepEqual([...cache.observability.metricsIntegration.metricTypes].sort(), ['counter', 'gauge', 'histogram', 'updowncounter']);
    assert.equal(cache.observability.metricsIntegration.hasMetricsFile, true);
    assert.equal(cache.observability.metricsIntegration.status, 'COMPLETE');
  });

  it('resolves a same-folder const to its value and records instrument, unit, description and line', () => {
    const hits = findMetric(cache, 'cache.hits');
    assert.equal(hits.dynamic, false);
    assert.equal(hits.instrument, 'Int64Counter');
    assert.equal(hits.type, 'counter');
    assert.equal(hits.unit, '{hit}');
    assert.equal(hits.description, 'Cache hits.');
    assert.equal(hits.file, cacheFile);
    assert.equal(hits.line, cacheLine('meter.Int64Counter(hitsMetric'));
  });

  it('reads a string literal and a const joined with + to a literal', () => {
    assert.equal(findMetric(cache, 'cache.misses').dynamic, false);
    const evictions = findMetric(cache, 'cache.evictions'); // metricPrefix+"evictions"
    assert.equal(evictions.dynamic, false);
    assert.equal(evictions.line, cacheLine('meter.Int64Counter(metricPrefix+"evictions"'));
  });

  it('calls a name it cannot resolve `dynamic`', () => {
    const dynamic = cache.observability.metricsIntegration.metricDefinitions.filter((m) => m.dynamic);
    assert.equal(dynamic.length, 1);
    assert.equal(dynamic[0]?.name, 'dynamic');
    assert.equal(dynamic[0]?.instrument, 'Int64UpDownCounter');
    assert.equal(dynamic[0]?.type, 'updowncounter');
    assert.equal(dynamic[0]?.line, cacheLine('meter.Int64UpDownCounter(name'));
  });

  it('maps gauges, observable gauges and histograms to their types', () => {
    assert.equal(findMetric(cache, 'cache.size.bytes').type, 'gauge');
    const capacity = findMetric(cache, 'cache.capacity');
    assert.equal(capacity.instrument, 'Int64ObservableGauge');
    assert.equal(capacity.type, 'gauge');
    const getDuration = findMetric(cache, 'cache.get.duration');
    assert.equal(getDuration.type, 'histogram');
    assert.equal(getDuration.unit, 'seconds');
  });

  it('puts otel/metric-name on each faulty name and on no correct one', () => {
    const flagged = new Set(diagnosticLines(cache, 'otel/metric-name', cacheFile));
    const faulty = {
      'counter ending in _total': '"cache.requests_total"',
      'unit repeated in the name': '"cache.size.bytes"',
      'latency histogram without unit': '"cache.latency"',
      'non-UCUM unit': '"cache.get.duration"',
      // "cache" is the first segment of the package's other names; this one is the odd one out.
      'different first segment': '"store.writes"',
      'camelCase, fails the pattern': '"cacheLoadErrors"',
    };
    for (const [fault, needle] of Object.entries(faulty)) assert.ok(flagged.has(cacheLine(needle)), fault);
    for (const correct of ['meter.Int64Counter(hitsMetric', '"cache.misses"', 'metricPrefix+"evictions"', '"cache.capacity"']) {
      assert.ok(!flagged.has(cacheLine(correct)), `${correct} is a correct name`);
    }
    for (const diagnostic of diagnosticsOf(cache, 'otel/metric-name')) assert.equal(diagnostic.severity, 'warning');
  });

  it('calls a mix of dot.lowercase and camelCase names `mixed`, and the package not compliant', () => {
    assert.equal(cache.observability.patternCompliance.metricNamingConvention, 'mixed');
    assert.equal(cache.observability.patternCompliance.status, 'NON_COMPLIANT');
  });

  it('accepts dot.lowercase names with UCUM units (queue)', () => {
    assert.equal(queue.observability.patternCompliance.metricNamingConvention, 'dot.lowercase');
    assert.deepEqual(diagnosticsOf(queue, 'otel/metric-name'), []);
    assert.equal(findMetric(queue, 'queue.wait.duration').unit, 's');
    assert.deepEqual([...queue.observability.metricsIntegration.metricTypes].sort(), ['histogram', 'updowncounter']);
  });

  it('calls snake_case names `snake_case` and flags them against the dotted pattern (legacy)', () => {
    const file = 'pkg/legacy/metrics.go';
    assert.equal(legacy.observability.patternCompliance.metricNamingConvention, 'snake_case');
    const flagged = new Set(diagnosticLines(legacy, 'otel/metric-name', file));
    assert.ok(flagged.has(lineOf(root, file, '"legacy_requests"')));
    assert.ok(flagged.has(lineOf(root, file, '"legacy_queue_size"')));
  });
});

describe('one name, two definitions (metric-conflict)', () => {
  const root = fixturePath('metric-conflict');
  let gateway: PackageCompliance;
  let proxy: PackageCompliance;
  before(async () => {
    const report = await auditFixture('metric-conflict');
    gateway = findPackage(report, 'gateway');
    proxy = findPackage(report, 'proxy');
  });

  for (const [name, folder] of [
    ['gateway', 'pkg/gateway'],
    ['proxy', 'pkg/proxy'],
  ] as const) {
    it(`puts otel/metric-conflict, an error, on both conflicting definitions in ${name}`, () => {
      const pkg = name === 'gateway' ? gateway : proxy;
      const file = `${folder}/metrics.go`;
      // rpc.requests: counter vs histogram; rpc.duration: unit s vs ms. rpc.errors agrees.
      const lines = [...new Set(diagnosticLines(pkg, 'otel/metric-conflict', file))];
      assert.deepEqual(lines, [
        lineOf(root, file, '"rpc.requests"'),
        lineOf(root, file, '"rpc.duration"'),
      ]);
      for (const diagnostic of diagnosticsOf(pkg, 'otel/metric-conflict')) assert.equal(diagnostic.severity, 'error');
    });
  }
});
