// The required-file templates, fed by what the package's code says
// (server/src/engine/fixes/packageDocs.ts): README.md carries the package's
// doc comment and its exported API, test_utils.go mocks the package's main
// interface, metrics.go reuses the instrumentation name the code already
// gives otel. Snippets are parsed in memory; the fixture case applies the
// files to a copy of fix-add-provider, checks gofmt, builds and tests them
// with the otel stub, and re-analyses.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { FileFacts } from '../../server/src/engine/facts/types';
import { planFileCreations, type PackageFixContext } from '../../server/src/engine/fixes/missingFile';
import { packageFixContext } from '../../server/src/engine/fixes/packageContext';
import { commentAbove } from '../../server/src/engine/fixes/packageDocs';
import type { FixWorkspace } from '../../server/src/engine/fixes/plan';
import { docMarkdown, type TemplateFile } from '../../server/src/engine/fixes/templates';
import type { PackageModel } from '../../server/src/engine/model/package';
import { joinRel } from '../../server/src/engine/workspace/walk';
import { useParser } from './facts-support';
import { applyPlan, assertGofmtClean, openFixtureCopy, readFile, requireGofmt } from './helpers/fixHarness';
import { FIXTURES_DIR } from './helpers/fixtures';
import { assertGoBuildsAndTests, requireGo } from './helpers/goBuild';

const parser = useParser();
const DIR = 'pkg/search';

/** Enough of a package model for the templates: its path and (no) metrics. */
const MODEL = {
  packageName: 'search',
  path: DIR,
  observability: { metricsIntegration: { metricDefinitions: [] } },
} as unknown as PackageModel;

/** A context over in-memory files of pkg/search, with or without access to their text. */
function memoryContext(files: Record<string, string>, withText: boolean): PackageFixContext {
  const facts = new Map<string, FileFacts>(Object.entries(files).map(([name, text]) => [joinRel(DIR, name), parser().extract(text)]));
  return {
    model: MODEL,
    folderGoFiles: [...facts.keys()].filter((f) => f.endsWith('.go')),
    factsOf: (file) => facts.get(file),
    module: { dir: '', modulePath: 'example.com/fw' },
    metricNamePattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$',
    ...(withText ? { textOf: (file: string) => files[file.slice(DIR.length + 1)] } : {}),
  };
}

/** The content planned for `file` when `file` and `with` are created together. */
function created(ctx: PackageFixContext, file: TemplateFile, ...with_: TemplateFile[]): string {
  const creation = planFileCreations(ctx, [file, ...with_]).find((c) => c.fileName === file);
  assert.ok(creation, `${file} is planned`);
  return creation.content;
}

const SEARCH = `// Package search finds documents.
// It ranks them by relevance.
//
// Use it like this:
//
//	idx := search.New()
//	idx.Find(ctx, "q")
package search

import (
	"context"

	"go.opentelemetry.io/otel"
)

const instrumentationName = "example.com/fw/search"

var tracer = otel.Tracer(instrumentationName)

// Result is one hit.
type Result struct {
	ID string
}

// Searcher finds results | ranks them.
type Searcher interface {
	Find(ctx context.Context, query string) ([]Result, error)
	Close() error
	Self() Searcher
}

type index struct{}

func New() Searcher {
	return nil
}
`;

describe('README.md from the package', () => {
  it('carries the doc comment, code blocks fenced, and the exported API with each first sentence', () => {
    const readme = created(memoryContext({ 'search.go': SEARCH }, true), 'README.md', 'test_utils.go');
    assert.ok(readme.startsWith('# search\n\nPackage search finds documents.\nIt ranks them by relevance.\n\nUse it like this:\n\n```go\nidx := search.New()\nidx.Find(ctx, "q")\n```\n'));
    assert.ok(readme.includes('| `Result` | struct | Result is one hit. |'));
    // `|` inside a cell is escaped; unexported `index` is not listed; New has no doc comment.
    assert.ok(readme.includes('| `Searcher` | interface | Searcher finds results \\| ranks them. |'));
    assert.ok(!readme.includes('`index`'));
    assert.ok(readme.includes('| `New` |  |'));
    assert.ok(readme.includes('| `test_utils.go` | `MockSearch`, a mock of `Searcher` |'));
  });

  it('falls back to the generic sentence without the text, and lists the API from facts alone', () => {
    const readme = created(memoryContext({ 'search.go': SEARCH }, false), 'README.md');
    assert.ok(readme.startsWith('# search\n\nPackage `search` of the framework.\n'));
    // test_utils.go is not created with it: the README cannot promise its mock.
    assert.ok(readme.includes('| `test_utils.go` | test doubles such as `MockSearch` |'));
    assert.ok(readme.includes('| `Result` | struct |  |'));
  });

  it('reads // and /* */ doc comments, not build or gocomply directives', () => {
    assert.equal(commentAbove('//go:build linux\n\n// Package a does A.\npackage a\n', 3), 'Package a does A.');
    assert.equal(commentAbove('//go:build linux\npackage a\n', 1), undefined);
    assert.equal(commentAbove('/*\nPackage b does B.\n*/\npackage b\n', 3), 'Package b does B.');
    assert.equal(docMarkdown('# Usage\nCall <New>.'), '## Usage\nCall &lt;New&gt;.');
  });
});

describe('test_utils.go mocks the main interface', () => {
  it('implements every method with the interface signature, keeping Do and Calls for advanced_test.go', () => {
    const content = created(memoryContext({ 'search.go': SEARCH }, true), 'test_utils.go');
    assert.ok(content.includes('var _ Searcher = (*MockSearch)(nil)'));
    assert.ok(content.includes('func (m *MockSearch) Find(ctx context.Context, query string) ([]Result, error) {\n\tm.record("Find")\n\treturn nil, m.err\n}'));
    assert.ok(content.includes('func (m *MockSearch) Self() Searcher {\n\tm.record("Self")\n\treturn m\n}'));
    assert.ok(content.includes('func (m *MockSearch) Do(ctx context.Context, operation string) error {'));
    assert.ok(content.includes('func (m *MockSearch) Calls() []string {'));
  });

  it('keeps the generic mock when the interface has its own Do', () => {
    const source = 'package search\n\nimport "context"\n\n// Runner runs.\ntype Runner interface {\n\tDo(ctx context.Context) error\n}\n';
    const content = created(memoryContext({ 'search.go': source }, true), 'test_utils.go');
    assert.ok(!content.includes('var _ Runner'));
    assert.ok(content.includes('func (m *MockSearch) Do(ctx context.Context, operation string) error {\n\tm.mu.Lock()'));
  });
});

describe('metrics.go reuses the instrumentation name', () => {
  it('passes the constant the tracer is created with, when the text is readable', () => {
    assert.ok(created(memoryContext({ 'search.go': SEARCH }, true), 'metrics.go').includes('meter := otel.Meter(instrumentationName)'));
    // Facts alone do not hold package-level var values: the import path then.
    assert.ok(created(memoryContext({ 'search.go': SEARCH }, false), 'metrics.go').includes('meter := otel.Meter("example.com/fw/pkg/search")'));
  });

  it('passes a literal a span start uses, from facts alone', () => {
    const source = `package search

import (
	"context"

	"go.opentelemetry.io/otel"
)

// Find finds.
func Find(ctx context.Context) {
	_, span := otel.Tracer("search/custom").Start(ctx, "search.Find")
	defer span.End()
}
`;
    assert.ok(created(memoryContext({ 'search.go': source }, false), 'metrics.go').includes('meter := otel.Meter("search/custom")'));
  });
});

function workspaceContext(ws: FixWorkspace, dir: string): PackageFixContext {
  const ctx = packageFixContext(ws, dir);
  assert.ok(ctx);
  return ctx;
}

describe('the missing files of fix-add-provider vectorstores', { timeout: 120_000 }, () => {
  it('are gofmt-clean, build and pass with the package, and give qdrant a shared mock', async (t) => {
    if (!requireGofmt(t)) return;
    const opened = await openFixtureCopy('fix-add-provider');
    try {
      const dir = 'pkg/vectorstores';
      const qdrantBefore = opened.ws.packages.find((p) => p.path === dir)?.providers.find((p) => p.providerName === 'qdrant');
      assert.equal(qdrantBefore?.testCoverage.hasMock, false);
      const creations = planFileCreations(workspaceContext(opened.ws, dir), ['README.md', 'test_utils.go', 'advanced_test.go', 'errors.go', 'metrics.go', 'config.go']);
      // config.go exists and declares Config: its template would clash.
      assert.deepEqual(creations.map((c) => c.fileName).sort(), ['README.md', 'advanced_test.go', 'errors.go', 'metrics.go', 'test_utils.go']);
      const written = applyPlan(opened.copy.root, { title: 'create', changes: [], creations, safe: true });
      assertGofmtClean(opened.copy.root, written);

      // The doc comment is registry.go's (there is no vectorstores.go), read from the fixture.
      const registry = readFile(path.join(FIXTURES_DIR, 'fix-add-provider'), 'pkg/vectorstores/registry.go');
      const doc = registry.slice(0, registry.indexOf('package ')).trim().split('\n').map((l) => l.replace(/^\/\/ ?/, '')).join('\n');
      const readme = readFile(opened.copy.root, `${dir}/README.md`);
      assert.ok(readme.startsWith(`# vectorstores\n\n${doc}\n`));
      assert.ok(readme.includes('| `Config` | struct | Config is what a factory gets. |'));
      assert.ok(readme.includes('| `Register` | Register makes factory available under name. |'));
      assert.ok(readFile(opened.copy.root, `${dir}/test_utils.go`).includes('var _ iface.VectorStore = (*MockVectorstores)(nil)'));

      const after = await opened.reopen();
      const pkg = after.ws.packages.find((p) => p.path === dir);
      const qdrant = pkg?.providers.find((p) => p.providerName === 'qdrant');
      // MockVectorstores is named after no provider and has every method of iface.VectorStore.
      assert.deepEqual({ hasMock: qdrant?.testCoverage.hasMock, sharedMock: qdrant?.testCoverage.sharedMock }, { hasMock: true, sharedMock: true });
      const inNew = after.result.diagnostics.filter((d) => written.includes(d.file));
      assert.deepEqual(inNew.map((d) => `${d.file}:${d.range.start.line + 1} ${d.rule}`), []);
      if (requireGo(t)) assertGoBuildsAndTests(after.copy.root);
    } finally {
      opened.dispose();
    }
  });
});
