// Tracing (spec §3 Tracing): which methods count, span starters, delegation,
// span hygiene. Expected values are read off the fixtures' Go code.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { PackageCompliance } from '../../common/schemas/entities';
import type { Report } from '../../common/schemas/report';
import {
  auditFixture,
  diagnosticLines,
  diagnosticsOf,
  findMethod,
  findPackage,
  fixturePath,
  lineOf,
  tracedHowByLocation,
  tracedHowByMethod,
} from './helpers/fixtures';

describe('span starters (tracing-helpers)', () => {
  const root = fixturePath('tracing-helpers');
  let report: Report;
  let chat: PackageCompliance;
  before(async () => {
    report = await auditFixture('tracing-helpers');
    chat = findPackage(report, 'chat');
  });

  it('counts the eight context methods of chat and says how each is traced', () => {
    // NewClient takes no context and reply is unexported: neither counts.
    assert.deepEqual(tracedHowByMethod(chat), {
      'Client.Ask': 'starter', // startOperation -> startSpan -> getTracer().Start
      'Client.Summarize': 'starter', // startSpan
      'Client.Translate': 'direct', // otel.Tracer("chat").Start
      'Client.Classify': 'direct', // getTracer().Start
      'Client.Embed': 'direct', // c.tracer.Start
      'Client.Run': 'none', // c.worker.Start: Start is no starter
      'Pipeline.Start': 'direct', // p.tracer.Start
      'Worker.Start': 'none',
    });
  });

  it('marks a method traced exactly when it has a way of being traced', () => {
    for (const method of chat.observability.tracingIntegration.methods) {
      assert.equal(method.traced, method.how !== 'none', method.name);
    }
  });

  it('gives 6 of 8 traced: 75 %, PARTIAL under the 90 % threshold, with a mixed pattern', () => {
    const tracing = chat.observability.tracingIntegration;
    assert.equal(tracing.totalPublicMethods, 8);
    assert.equal(tracing.publicMethodsTraced, 6);
    assert.equal(tracing.coveragePercentage, 75);
    assert.equal(tracing.status, 'PARTIAL');
    assert.equal(tracing.hasTracing, true);
    assert.equal(chat.observability.patternCompliance.tracingPattern, 'mixed');
  });

  it('infers startSpan and startOperation as starters, but not the generic Start nor getTracer', () => {
    assert.ok(report.spanStarters.includes('startSpan'));
    assert.ok(report.spanStarters.includes('startOperation'));
    assert.ok(!report.spanStarters.includes('Start'));
    assert.ok(!report.spanStarters.includes('getTracer'));
  });

  it('places each method on the line of its name', () => {
    const run = findMethod(chat, 'Client.Run');
    assert.equal(run.file, 'pkg/chat/chat.go');
    assert.equal(run.line, lineOf(root, 'pkg/chat/chat.go', 'func (c *Client) Run('));
    const start = findMethod(chat, 'Worker.Start');
    assert.equal(start.file, 'pkg/chat/pipeline.go');
    assert.equal(start.line, lineOf(root, 'pkg/chat/pipeline.go', 'func (w *Worker) Start('));
  });

  it('reports otel/untraced-method on the untraced methods only, as info', () => {
    assert.deepEqual(diagnosticLines(chat, 'otel/untraced-method', 'pkg/chat/chat.go'), [
      lineOf(root, 'pkg/chat/chat.go', 'func (c *Client) Run('),
    ]);
    assert.deepEqual(diagnosticLines(chat, 'otel/untraced-method', 'pkg/chat/pipeline.go'), [
      lineOf(root, 'pkg/chat/pipeline.go', 'func (w *Worker) Start('),
    ]);
    for (const diagnostic of diagnosticsOf(chat, 'otel/untraced-method')) assert.equal(diagnostic.severity, 'info');
  });

  it('adds the names of tracing.spanStarters: with Start, Run is traced by a starter', async () => {
    const withStart = findPackage(await auditFixture('tracing-helpers', { settings: { tracing: { spanStarters: ['Start'] } } }), 'chat');
    assert.equal(findMethod(withStart, 'Client.Run').how, 'starter');
    assert.equal(findMethod(withStart, 'Pipeline.Start').how, 'direct'); // the first way that applies names `how`
    assert.equal(findMethod(withStart, 'Worker.Start').how, 'none'); // it calls no Start itself
    assert.equal(withStart.observability.tracingIntegration.publicMethodsTraced, 7);
  });

  it('is COMPLETE when coverage reaches tracing.threshold exactly', async () => {
    const lenient = findPackage(await auditFixture('tracing-helpers', { settings: { tracing: { threshold: 75 } } }), 'chat');
    assert.equal(lenient.observability.tracingIntegration.status, 'COMPLETE');
  });
});

describe('delegation (tracing-delegation)', () => {
  let agents: PackageCompliance;
  before(async () => {
    agents = findPackage(await auditFixture('tracing-delegation'), 'agents');
  });

  it('traces Batch -> Invoke -> Generate on one receiver by delegation, not Plan via another type', () => {
    assert.deepEqual(tracedHowByMethod(agents), {
      'Agent.Generate': 'direct',
      'Agent.Invoke': 'delegation', // a.Generate
      'Agent.Batch': 'delegation', // a.Invoke, itself by delegation
      'Agent.Plan': 'none', // a.model.Generate: a field, not the receiver
      'Model.Generate': 'direct',
    });
    const tracing = agents.observability.tracingIntegration;
    assert.equal(tracing.totalPublicMethods, 5);
    assert.equal(tracing.publicMethodsTraced, 4);
    assert.equal(tracing.coveragePercentage, 80);
  });

  it('does not count delegation with tracing.countDelegation off', async () => {
    const strict = findPackage(await auditFixture('tracing-delegation', { settings: { tracing: { countDelegation: false } } }), 'agents');
    assert.equal(findMethod(strict, 'Agent.Invoke').how, 'none');
    assert.equal(findMethod(strict, 'Agent.Batch').how, 'none');
    assert.equal(strict.observability.tracingIntegration.publicMethodsTraced, 2);
    assert.equal(strict.observability.tracingIntegration.coveragePercentage, 40);
  });
});

describe('which methods count (tracing-scope)', () => {
  // Counted with scope `context`: the four in store.go (Open, Get, Put, Close),
  // TypedCache.Load (generic receiver) and three in providers/** (redis Get and
  // Put, cluster Ping). Not counted: WithTenant (returns a context), Len (no
  // context), load (unexported), cache.Fetch (unexported type), MockStore and
  // StoreMock methods, mock_store.go, providers/mock, iface/, internal/,
  // testutils/, test_utils.go and store_test.go.
  const expectedContextMethods = {
    'pkg/store/store.go Open': 'direct',
    'pkg/store/store.go Store.Get': 'direct',
    'pkg/store/store.go Store.Put': 'none',
    'pkg/store/store.go Store.Close': 'none',
    'pkg/store/cache.go TypedCache.Load': 'direct',
    'pkg/store/providers/redis/redis.go Client.Get': 'direct',
    'pkg/store/providers/redis/redis.go Client.Put': 'none',
    'pkg/store/providers/redis/cluster/cluster.go Cluster.Ping': 'none',
  };
  const root = fixturePath('tracing-scope');
  let store: PackageCompliance;
  before(async () => {
    store = findPackage(await auditFixture('tracing-scope'), 'store');
  });

  it('counts exactly the exported context methods of the package folder and providers/**', () => {
    assert.deepEqual(tracedHowByLocation(store), expectedContextMethods);
    const tracing = store.observability.tracingIntegration;
    assert.equal(tracing.scope, 'context');
    assert.equal(tracing.totalPublicMethods, 8);
    assert.equal(tracing.publicMethodsTraced, 4);
    assert.equal(tracing.coveragePercentage, 50);
  });

  it('also tells how many there are with scope `all`: Len, redis.New and NewCluster join', () => {
    assert.equal(store.observability.tracingIntegration.allPublicMethods, 11);
  });

  it('counts non-context methods with scope `all`, still not functions returning a context', async () => {
    const all = findPackage(await auditFixture('tracing-scope', { settings: { tracing: { scope: 'all' } } }), 'store');
    assert.deepEqual(tracedHowByLocation(all), {
      ...expectedContextMethods,
      'pkg/store/store.go Store.Len': 'none',
      'pkg/store/providers/redis/redis.go New': 'none',
      'pkg/store/providers/redis/cluster/cluster.go NewCluster': 'none',
    });
    assert.equal(all.observability.tracingIntegration.scope, 'all');
    assert.equal(all.observability.tracingIntegration.totalPublicMethods, 11);
  });

  it('reports an untraced method on its name line', () => {
    const lines = diagnosticLines(store, 'otel/untraced-method', 'pkg/store/store.go');
    assert.deepEqual(lines, [
      lineOf(root, 'pkg/store/store.go', 'func (s *Store) Put('),
      lineOf(root, 'pkg/store/store.go', 'func (s *Store) Close('),
    ]);
  });
});

describe('span hygiene (span-hygiene)', () => {
  const root = fixturePath('span-hygiene');
  const file = 'pkg/jobs/jobs.go';
  let jobs: PackageCompliance;
  before(async () => {
    jobs = findPackage(await auditFixture('span-hygiene'), 'jobs');
  });

  it('reports only the span that is never ended, on its Start call, as a warning', () => {
    // Deferred ends with defer; startJob returns the span; Fail and FailRecorded defer End.
    const diagnostics = diagnosticsOf(jobs, 'otel/span-not-ended');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.file, file);
    assert.equal(diagnostics[0]?.range.start.line, lineOf(root, file, '"jobs.Runner.Leak")'));
    assert.equal(diagnostics[0]?.severity, 'warning');
  });

  it('reports only the error returned without RecordError/SetStatus, on its Start call, as info', () => {
    // Leak and Deferred return nil; FailRecorded records the error.
    const diagnostics = diagnosticsOf(jobs, 'otel/span-error-not-recorded');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.file, file);
    assert.equal(diagnostics[0]?.range.start.line, lineOf(root, file, '"jobs.Runner.Fail")'));
    assert.equal(diagnostics[0]?.severity, 'info');
  });
});
