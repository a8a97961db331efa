// The code-rewriting quick fixes (spec §9): metric rename, slog Context
// variants, benchmark skeletons, and moving exported interfaces to iface/.
// Each fix is applied to a copy of a fixture module, checked with gofmt (and,
// where the fixture is standard-library only, built and run with the go
// tool), and the fixture is re-analysed: the finding is gone and the touched
// files carry no finding they did not have before.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { benchmarkPlan, ifaceMovePlan } from '../../server/src/engine/fixes/codeFixers';
import { mergePlans, type PlannedFix } from '../../server/src/engine/fixes/plan';
import * as fs from 'node:fs';
import { Engine, type EngineResult } from '../../server/src/engine/engine';
import { fixWorkspace } from '../../server/src/engine/fixes/workspace';
import { GitFixture } from './helpers/compatRepo';
import { fixturePath } from './helpers/fixtures';
import type { EngineDiagnostic } from '../../server/src/engine/rules/finding';
import {
  applyPlan,
  assertGofmtClean,
  assertRestUnchanged,
  diagnosticAt,
  diagnosticsOfRule,
  findingsIn,
  openFixtureCopy,
  plansFor,
  readFile,
  requireGofmt,
  withoutFixed,
  type OpenedFixture,
} from './helpers/fixHarness';
import { requireGo, runGo } from './helpers/goBuild';

function onlyPlan(opened: OpenedFixture, d: EngineDiagnostic, titlePart: string): PlannedFix {
  const plans = plansFor(opened, d);
  assert.equal(plans.length, 1, `one plan for ${d.rule} at ${d.file}:${d.range.start.line + 1} (offered: ${plans.map((p) => p.title).join(' | ') || 'none'})`);
  const plan = plans[0] as PlannedFix;
  assert.ok(plan.title.includes(titlePart), `title ${JSON.stringify(plan.title)} should mention ${JSON.stringify(titlePart)}`);
  return plan;
}

function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `exactly one ${JSON.stringify(from)} in the fixture`);
  return text.replace(from, to);
}

/** Line numbers (0-based) of `text` that contain `needle`. */
function linesWith(text: string, needle: string): number[] {
  return text.split('\n').flatMap((line, i) => (line.includes(needle) ? [i] : []));
}

// ---- otel/metric-name --------------------------------------------------------------

describe('otel/metric-name: rename to the convention (fix-metric-name)', () => {
  const metrics = 'pkg/llms/metrics.go';
  const stream = 'pkg/llms/stream.go';

  it('rewrites a kebab-case literal to the package prefix and dotted snake segments', async (t) => {
    if (!requireGofmt(t)) return;
    const opened = await openFixtureCopy('fix-metric-name');
    try {
      const d = diagnosticAt(opened, 'otel/metric-name', metrics, '"llms-request-latency"');
      // The package's names start with "llms" ("llms.requests"); the words request, latency join with "_".
      const plan = onlyPlan(opened, d, '"llms.request_latency"');
      assert.equal(plan.safe, true);
      const before = readFile(opened.copy.root, metrics);
      const touched = applyPlan(opened.copy.root, plan);
      assert.deepEqual(touched, [metrics]);
      assert.equal(readFile(opened.copy.root, metrics), replaceOnce(before, '"llms-request-latency"', '"llms.request_latency"'));
      assertGofmtClean(opened.copy.root, touched);

      const findingsBefore = findingsIn(opened.result, touched);
      const after = await opened.reopen();
      const names = after.result.analysis.packages.flatMap((p) => p.model.observability.metricsIntegration.metricDefinitions.map((m) => m.name));
      assert.ok(names.includes('llms.request_latency'));
      assert.ok(!names.includes('llms-request-latency'));
      assert.deepEqual(findingsIn(after.result, touched), withoutFixed(findingsBefore, [d]));
    } finally {
      opened.dispose();
    }
  });

  it('renames a constant used by two definitions at its value, so both follow', async (t) => {
    if (!requireGofmt(t)) return;
    const opened = await openFixtureCopy('fix-metric-name');
    try {
      const inMetrics = diagnosticAt(opened, 'otel/metric-name', metrics, 'Int64Counter(tokensMetric');
      const inStream = diagnosticAt(opened, 'otel/metric-name', stream, 'Int64Counter(tokensMetric');
      const plan = onlyPlan(opened, inMetrics, '"llms.tokens_used"');
      assert.deepEqual(onlyPlan(opened, inStream, '"llms.tokens_used"'), plan, 'both uses offer the same rename');
      assert.equal(plan.safe, true);
      const beforeMetrics = readFile(opened.copy.root, metrics);
      const beforeStream = readFile(opened.copy.root, stream);
      const touched = applyPlan(opened.copy.root, plan);
      assert.deepEqual(touched, [metrics]);
      // Only the constant's value changes; both calls keep naming the constant.
      assert.equal(
        readFile(opened.copy.root, metrics),
        replaceOnce(beforeMetrics, 'const tokensMetric = "tokensUsed"', 'const tokensMetric = "llms.tokens_used"'),
      );
      assert.equal(readFile(opened.copy.root, stream), beforeStream);
      assertGofmtClean(opened.copy.root, touched);

      const files = [metrics, stream];
      const findingsBefore = findingsIn(opened.result, files);
      const after = await opened.reopen();
      const tokens = after.result.analysis.packages
        .flatMap((p) => p.model.observability.metricsIntegration.metricDefinitions)
        .filter((m) => m.name === 'llms.tokens_used')
        .map((m) => m.file)
        .sort();
      assert.deepEqual(tokens, [metrics, stream]);
      assert.deepEqual(findingsIn(after.result, files), withoutFixed(findingsBefore, [inMetrics, inStream]));
    } finally {
      opened.dispose();
    }
  });

  it('offers nothing when the conventional name is taken or renaming cannot clear the finding', async () => {
    const opened = await openFixtureCopy('fix-metric-name');
    try {
      // "llmsRequests" would become "llms.requests", which the package already defines.
      assert.deepEqual(plansFor(opened, diagnosticAt(opened, 'otel/metric-name', metrics, '"llmsRequests"')), []);
      // A latency histogram without a unit keeps its finding under any name.
      assert.deepEqual(plansFor(opened, diagnosticAt(opened, 'otel/metric-name', metrics, '"llms.generation.latency"')), []);
    } finally {
      opened.dispose();
    }
  });
});

// ---- logging/no-otel-context ---------------------------------------------------------

describe('logging/no-otel-context: use the slog Context variant (fix-slog-context)', () => {
  const file = 'pkg/agents/agents.go';
  // needle on the call's line -> the text the fix turns it into
  const cases: { needle: string; from: string; to: string; title: string }[] = [
    { needle: 'slog.Info("agent run started"', from: 'slog.Info("agent run started"', to: 'slog.InfoContext(ctx, "agent run started"', title: 'slog.InfoContext(ctx, …)' },
    { needle: 'a.logger.Warn(', from: 'a.logger.Warn("agent has no tools"', to: 'a.logger.WarnContext(ctx, "agent has no tools"', title: 'a.logger.WarnContext(ctx, …)' },
    { needle: 'stepLog.Info(', from: 'stepLog.Info("tool answered"', to: 'stepLog.InfoContext(ctx, "tool answered"', title: 'stepLog.InfoContext(ctx, …)' },
    { needle: 'logger.Error("tool failed"', from: 'logger.Error("tool failed"', to: 'logger.ErrorContext(ctx, "tool failed"', title: 'logger.ErrorContext(ctx, …)' },
    { needle: 'slog.Debug(', from: 'slog.Debug(\n', to: 'slog.DebugContext(ctx,\n', title: 'slog.DebugContext(ctx, …)' },
  ];

  for (const c of cases) {
    it(`rewrites ${c.needle.split('(')[0] ?? c.needle}`, async (t) => {
      if (!requireGofmt(t)) return;
      const opened = await openFixtureCopy('fix-slog-context');
      try {
        const d = diagnosticAt(opened, 'logging/no-otel-context', file, c.needle);
        const plan = onlyPlan(opened, d, c.title);
        assert.equal(plan.safe, true);
        const before = readFile(opened.copy.root, file);
        const touched = applyPlan(opened.copy.root, plan);
        assert.deepEqual(touched, [file]);
        assert.equal(readFile(opened.copy.root, file), replaceOnce(before, c.from, c.to));
        assertGofmtClean(opened.copy.root, touched);

        const findingsBefore = findingsIn(opened.result, touched);
        const after = await opened.reopen();
        assert.deepEqual(findingsIn(after.result, touched), withoutFixed(findingsBefore, [d]));
      } finally {
        opened.dispose();
      }
    });
  }

  it('applies every offered fix of the file together; the AuditLog call and the package-level finding get none', async (t) => {
    if (!requireGofmt(t)) return;
    const opened = await openFixtureCopy('fix-slog-context');
    try {
      const all = diagnosticsOfRule(opened.result, 'logging/no-otel-context', file);
      const audit = diagnosticAt(opened, 'logging/no-otel-context', file, 'a.auditLog.Info(');
      assert.deepEqual(plansFor(opened, audit), [], 'AuditLog has no InfoContext');
      const packageLevel = all.filter((d) => d.range.start.line === linesWith(readFile(opened.copy.root, file), 'package agents')[0]);
      assert.equal(packageLevel.length, 1, 'the package-level finding sits on the package clause');
      assert.deepEqual(plansFor(opened, packageLevel[0] as EngineDiagnostic), []);

      const fixable = all.filter((d) => d !== audit && !packageLevel.includes(d));
      assert.equal(fixable.length, cases.length);
      const plan = mergePlans('fix all', fixable.map((d) => onlyPlan(opened, d, 'Context(ctx, …)')));
      const before = readFile(opened.copy.root, file);
      applyPlan(opened.copy.root, plan);
      assert.equal(readFile(opened.copy.root, file), cases.reduce((text, c) => replaceOnce(text, c.from, c.to), before));
      assertGofmtClean(opened.copy.root, [file]);
      const after = await opened.reopen();
      assert.deepEqual(findingsIn(after.result, [file]), withoutFixed(findingsIn(opened.result, [file]), fixable));
    } finally {
      opened.dispose();
    }
  });
});

// ---- testing/missing-benchmarks ---------------------------------------------------------

describe('testing/missing-benchmarks: add a benchmark skeleton (fix-benchmarks)', () => {
  function missingBenchmarks(result: EngineResult, packagePath: string): EngineDiagnostic[] {
    return diagnosticsOfRule(result, 'testing/missing-benchmarks').filter((d) => d.file.startsWith(`${packagePath}/`));
  }

  function benchmarksOf(opened: OpenedFixture, file: string): string[] {
    return (opened.engine.factsOf(file)?.tests ?? []).filter((t) => t.kind === 'benchmark').map((t) => t.name).sort();
  }

  it('appends benchmarks of the main operations to advanced_test.go (rerank)', async (t) => {
    if (!requireGofmt(t)) return;
    const opened = await openFixtureCopy('fix-benchmarks');
    try {
      const [d, ...others] = missingBenchmarks(opened.result, 'pkg/rerank');
      assert.ok(d && others.length === 0);
      const plan = onlyPlan(opened, d, 'Add a benchmark skeleton');
      assert.equal(plan.safe, true);
      assert.deepEqual(benchmarkPlan(opened.ws, 'pkg/rerank'), plan);
      const target = 'pkg/rerank/advanced_test.go';
      const before = readFile(opened.copy.root, target);
      const touched = applyPlan(opened.copy.root, plan);
      assert.deepEqual(touched, [target]);
      const text = readFile(opened.copy.root, target);
      assert.ok(text.startsWith(before), 'the existing tests and imports are left as they were');
      assert.ok(!/TODO|FIXME|XXX/.test(text));
      assertGofmtClean(opened.copy.root, touched);

      const findingsBefore = findingsIn(opened.result, touched);
      const after = await opened.reopen();
      // Reranker's context-taking methods, Rerank and Score, are the package's operations.
      assert.deepEqual(benchmarksOf(after, target), ['BenchmarkRerankerRerank', 'BenchmarkRerankerScore']);
      assert.deepEqual(missingBenchmarks(after.result, 'pkg/rerank'), []);
      assert.deepEqual(findingsIn(after.result, touched), findingsBefore);
    } finally {
      opened.dispose();
    }
  });

  it('creates benchmark_test.go when the only test file is an external test package (embeddings)', async (t) => {
    if (!requireGofmt(t)) return;
    const opened = await openFixtureCopy('fix-benchmarks');
    try {
      const [d] = missingBenchmarks(opened.result, 'pkg/embeddings');
      assert.ok(d);
      const plan = onlyPlan(opened, d, 'Add a benchmark skeleton');
      const created = 'pkg/embeddings/benchmark_test.go';
      assert.deepEqual(plan.changes, []);
      assert.deepEqual(plan.creations.map((c) => c.file), [created]);
      const touched = applyPlan(opened.copy.root, plan);
      assertGofmtClean(opened.copy.root, touched);
      const text = readFile(opened.copy.root, created);
      assert.ok(text.startsWith('package embeddings\n'), 'same package clause as embeddings.go, not the external test');
      assert.ok(!/TODO|FIXME|XXX/.test(text));

      const after = await opened.reopen();
      // Client.Embed and Client.EmbedBatch; the generic Cache[K] methods have no method value without an instantiation.
      assert.deepEqual(benchmarksOf(after, created), ['BenchmarkClientEmbed', 'BenchmarkClientEmbedBatch']);
      assert.deepEqual(missingBenchmarks(after.result, 'pkg/embeddings'), []);
      assert.deepEqual(findingsIn(after.result, [created]), []);
    } finally {
      opened.dispose();
    }
  });

  it('the added benchmarks compile and run with go test -bench', async (t) => {
    if (!requireGo(t)) return;
    const opened = await openFixtureCopy('fix-benchmarks');
    try {
      for (const pkg of ['pkg/rerank', 'pkg/embeddings']) {
        const [d] = missingBenchmarks(opened.result, pkg);
        assert.ok(d);
        applyPlan(opened.copy.root, onlyPlan(opened, d, 'Add a benchmark skeleton'));
      }
      const vet = runGo(opened.copy.root, ['vet', './...']);
      assert.ok(vet.ok, vet.output);
      const run = runGo(opened.copy.root, ['test', '-run', '^$', '-bench', '.', '-benchtime', '1x', './...']);
      assert.ok(run.ok, run.output);
      for (const name of ['BenchmarkRerankerRerank', 'BenchmarkRerankerScore', 'BenchmarkClientEmbed', 'BenchmarkClientEmbedBatch']) {
        assert.match(run.output, new RegExp(`^${name}\\b`, 'm'));
      }
    } finally {
      opened.dispose();
    }
  });
});

// ---- structure/missing-directory (iface/) ---------------------------------------------------

describe('structure/missing-directory: move exported interfaces to iface/ (fix-iface-move)', () => {
  const pkg = 'pkg/vectorstores';
  const interfaces = `${pkg}/interfaces.go`;
  const main = `${pkg}/vectorstores.go`;
  const created = `${pkg}/iface/vectorstores.go`;

  function ifaceFinding(result: EngineResult): EngineDiagnostic[] {
    return diagnosticsOfRule(result, 'structure/missing-directory').filter((d) => d.file.startsWith(`${pkg}/`) && d.message.includes('iface/'));
  }

  /** The declaration `type <name> interface {…}` of `text`, with its doc comment. */
  function declaration(text: string, name: string): string {
    const found = new RegExp(`((?:// .*\\n)*)type ${name} interface \\{\\n(?:\\t.*\\n)*\\}`).exec(text);
    assert.ok(found, `no interface ${name} in the fixture`);
    return found[0];
  }

  async function applied(): Promise<{ opened: OpenedFixture; plan: PlannedFix; d: EngineDiagnostic; before: Map<string, string>; touched: string[] }> {
    const opened = await openFixtureCopy('fix-iface-move');
    const [d, ...others] = ifaceFinding(opened.result);
    assert.ok(d && others.length === 0);
    const plan = onlyPlan(opened, d, 'to iface/');
    assert.deepEqual(ifaceMovePlan(opened.ws, pkg), plan, 'the align-package entry point plans the same move');
    const before = new Map([interfaces, main].map((f) => [f, readFile(opened.copy.root, f)]));
    const touched = applyPlan(opened.copy.root, plan);
    return { opened, plan, d, before, touched };
  }

  it('moves the movable interfaces, leaves aliases, keeps Store (it names the package\'s Document)', async (t) => {
    if (!requireGofmt(t)) return;
    const { opened, plan, d, before, touched } = await applied();
    try {
      assert.equal(plan.safe, false);
      assert.ok(plan.title.includes('Store'), `the title says Store stays: ${plan.title}`);
      assert.deepEqual([...touched].sort(), [created, interfaces, main].sort());
      assertGofmtClean(opened.copy.root, touched);

      const beforeInterfaces = before.get(interfaces) ?? '';
      const beforeMain = before.get(main) ?? '';
      const iface = readFile(opened.copy.root, created);
      assert.ok(iface.includes('\npackage iface\n'));
      for (const [text, name] of [[beforeInterfaces, 'Retriever'], [beforeInterfaces, 'Indexer'], [beforeInterfaces, 'Searcher'], [beforeMain, 'Embedder']] as const) {
        assert.ok(iface.includes(declaration(text, name)), `iface/ holds ${name} as it was declared`);
      }
      assert.ok(!iface.includes('Store') && !iface.includes('Document'));
      assert.match(iface, /import \(\n\t"context"\n\t"io"\n\)/);

      // interfaces.go keeps only aliases; its context and io imports served the moved declarations alone.
      const afterInterfaces = readFile(opened.copy.root, interfaces);
      for (const name of ['Retriever', 'Indexer', 'Searcher']) assert.ok(afterInterfaces.includes(`type ${name} = iface.${name}\n`));
      assert.ok(!afterInterfaces.includes('"context"') && !afterInterfaces.includes('"io"'));
      assert.ok(afterInterfaces.includes('"example.com/fixiface/pkg/vectorstores/iface"'));

      // vectorstores.go: Embedder becomes an alias, Store and the rest stay line for line.
      const afterMain = readFile(opened.copy.root, main);
      assert.ok(afterMain.includes('type Embedder = iface.Embedder\n'));
      assert.ok(afterMain.includes(declaration(beforeMain, 'Store')));
      const embedderLines = declaration(beforeMain, 'Embedder').split('\n').length;
      const start = linesWith(beforeMain, 'type Embedder interface')[0] ?? -1;
      const importLines = linesWith(beforeMain, '"sort"');
      const changed = new Set([...Array.from({ length: embedderLines }, (_, i) => start + i), ...importLines]);
      assertRestUnchanged(beforeMain, afterMain, changed);

      const findingsBefore = findingsIn(opened.result, [interfaces, main]);
      const after = await opened.reopen();
      assert.deepEqual(ifaceFinding(after.result), []);
      assert.equal(after.result.analysis.packages.find((p) => p.model.path === pkg)?.model.packageStructure.hasIface, true);
      assert.deepEqual(findingsIn(after.result, [interfaces, main]), withoutFixed(findingsBefore, [d]));
      assert.deepEqual(findingsIn(after.result, [created]), []);
    } finally {
      opened.dispose();
    }
  });

  it('the package and its importer still build and vet', async (t) => {
    if (!requireGo(t)) return;
    const { opened } = await applied();
    try {
      const vet = runGo(opened.copy.root, ['vet', './...']);
      assert.ok(vet.ok, vet.output);
      const build = runGo(opened.copy.root, ['build', './...']);
      assert.ok(build.ok, build.output);
    } finally {
      opened.dispose();
    }
  });
});

describe('moving interfaces to iface/ under a git baseline', () => {
  it('reports no breaking change: each moved interface is an alias of the same interface in iface/', async (t) => {
    const repo = GitFixture.create();
    t.after(() => repo.dispose());
    fs.cpSync(fixturePath('fix-iface-move'), repo.top, { recursive: true });
    repo.commit('baseline');
    const before = await Engine.open(repo.top, { workers: 0, trusted: true });
    const result = before.analyze();
    const ws = fixWorkspace(before, result);
    const pkg = ws.packages.find((p) => p.path === 'pkg/vectorstores') ?? assert.fail('pkg/vectorstores');
    const plan = ifaceMovePlan(ws, pkg.path) ?? assert.fail('the move is offered');
    before.dispose();
    applyPlan(repo.top, plan);
    const after = await Engine.open(repo.top, { workers: 0, trusted: true });
    t.after(() => after.dispose());
    const report = after.report();
    assert.ok(report.compatibility !== undefined && 'baselineCommit' in report.compatibility, `compared with the commit: ${JSON.stringify(report.compatibility)}`);
    const breaking = after.analyze().diagnostics.filter((d) => d.rule === 'compat/breaking-change');
    assert.deepEqual(breaking.map((d) => d.message), []);
  });
});
