// The missing-file quick fix end to end: offered on the diagnostic, applied to
// disk by the test as VS Code would, gofmt-clean, and reported fixed after the
// watched-file event; never against stale text; never over an existing file;
// and `source.fixAll.gocomply` for all of a file's missing files at once.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { CodeActionKind, FileChangeType, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, messageOf, TestClient } from './helpers/client';
import { applyEditToDisk } from './helpers/edits';
import { copyFixture, gofmtAvailable, gofmtUnformatted, removeWorkspace } from './helpers/workspace';

const FIX_ALL = 'source.fixAll.gocomply';

async function startOn(root: string, anchor: string): Promise<TestClient> {
  const client = await TestClient.start({ folders: [root] });
  await client.waitForStatus((s) => s.state === 'ready');
  await client.thenReady(() => client.openDocument(anchor, fs.readFileSync(anchor, 'utf8'), 1));
  return client;
}

function missingFile(client: TestClient, anchor: string, name: string): Diagnostic | undefined {
  return client.diagnosticsOf(anchor).find((d) => d.code === 'structure/missing-file' && messageOf(d).includes(` ${name}:`));
}

function quickFixesFor(client: TestClient, anchor: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return client.codeActions({ textDocument: { uri: fileUri(anchor) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
}

/** Applies the action's edit to disk, tells the server as a file watcher would, and waits for the analysis. */
async function applyAndNotify(client: TestClient, action: CodeAction): Promise<string[]> {
  assert.ok(action.edit, `${action.title} carries its edit`);
  const created = applyEditToDisk(action.edit);
  await client.thenReady(() => client.filesChanged(created.map((file) => ({ uri: fileUri(file), type: FileChangeType.Created }))));
  return created;
}

function assertGofmtClean(t: TestContext, files: string[]): void {
  const goFiles = files.filter((f) => f.endsWith('.go'));
  if (goFiles.length === 0) return;
  if (!gofmtAvailable) return t.diagnostic('gofmt is not installed: the gofmt check is skipped');
  assert.equal(gofmtUnformatted(goFiles), '', 'gofmt -l lists no created file');
}

describe('quick fix: create a missing required file', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;
  let appGo: string;

  before(async () => {
    // pkg/app lacks all six required files (FIXTURE.md); the invalid settings file only adds a config/invalid diagnostic.
    root = copyFixture('config-invalid');
    appGo = path.join(root, 'pkg', 'app', 'app.go');
    client = await startOn(root, appGo);
  });

  after(() => {
    client.kill();
    removeWorkspace(root);
  });

  for (const name of ['config.go', 'metrics.go', 'errors.go', 'test_utils.go', 'advanced_test.go', 'README.md']) {
    it(`creates ${name} with a create that never overwrites, gofmt-clean, and the diagnostic goes away`, async (t) => {
      const diagnostic = missingFile(client, appGo, name);
      assert.ok(diagnostic, `app has no ${name}`);
      const [action, ...others] = await quickFixesFor(client, appGo, diagnostic);
      assert.ok(action, `a quick fix for ${name}`);
      assert.deepEqual(others, []);
      assert.equal(action.kind, CodeActionKind.QuickFix);
      assert.deepEqual(action.diagnostics, [diagnostic]);
      const target = fileUri(path.join(root, 'pkg', 'app', name));
      assert.deepEqual(action.edit?.documentChanges?.[0], { kind: 'create', uri: target, options: { overwrite: false, ignoreIfExists: true } });
      const created = await applyAndNotify(client, action);
      assert.deepEqual(created, [path.join(root, 'pkg', 'app', name)]);
      assertGofmtClean(t, created);
      assert.equal(missingFile(client, appGo, name), undefined, `no missing-file diagnostic for ${name} after re-analysis`);
    });
  }

  it('left nothing for the created files to complain about', () => {
    const created = ['config.go', 'metrics.go', 'errors.go', 'test_utils.go', 'advanced_test.go'].map((n) => path.join(root, 'pkg', 'app', n));
    for (const file of created) assert.deepEqual(client.diagnosticsOf(file), [], `${path.basename(file)} has no diagnostics`);
    const onAnchor = client.diagnosticsOf(appGo).map((d) => String(d.code));
    assert.ok(!onAnchor.includes('otel/missing-metrics'), 'metrics.go defines instruments');
    assert.ok(!onAnchor.includes('testing/advanced-test-incomplete'), 'advanced_test.go has a table-driven and a concurrency test');
  });

  it('names the package from its package clause and the meter from its import path', () => {
    const metrics = fs.readFileSync(path.join(root, 'pkg', 'app', 'metrics.go'), 'utf8');
    assert.match(metrics, /^package app\n/);
    assert.ok(metrics.includes('otel.Meter("example.com/configinvalid/pkg/app")'));
    assert.ok(metrics.includes('"app.operations"') && metrics.includes('"app.operation.duration"'));
  });
});

describe('quick fixes against stale text or existing files', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;
  let searchGo: string;
  let text: string;

  before(async () => {
    root = copyFixture('structure-missing');
    searchGo = path.join(root, 'pkg', 'search', 'search.go');
    text = fs.readFileSync(searchGo, 'utf8');
    client = await startOn(root, searchGo);
  });

  after(() => {
    client.kill();
    removeWorkspace(root);
  });

  it('offers one action for metrics.go, whether structure/missing-file or otel/missing-metrics asks for it', async () => {
    const missing = missingFile(client, searchGo, 'metrics.go');
    const noMetrics = client.diagnosticsOf(searchGo).find((d) => d.code === 'otel/missing-metrics');
    assert.ok(missing && noMetrics, 'search has neither metrics.go nor metrics (FIXTURE.md)');
    const actions = await client.codeActions({
      textDocument: { uri: fileUri(searchGo) },
      range: missing.range,
      context: { diagnostics: [missing, noMetrics] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.diagnostics?.length]),
      [['Create pkg/search/metrics.go from the gocomply template', 2]],
    );
  });

  it('offers nothing for a diagnostic computed on an older version of the document', async () => {
    const atVersion1 = missingFile(client, searchGo, 'metrics.go');
    assert.ok(atVersion1);
    assert.equal((await quickFixesFor(client, searchGo, atVersion1)).length, 1, 'offered while current');
    await client.thenReady(() => client.changeDocument(searchGo, `${text}\n// Edited.\n`, 2));
    assert.deepEqual(await quickFixesFor(client, searchGo, atVersion1), []);
    const atVersion2 = missingFile(client, searchGo, 'metrics.go');
    assert.ok(atVersion2);
    assert.equal((await quickFixesFor(client, searchGo, atVersion2)).length, 1, 'offered again on the republished diagnostic');
  });

  it('offers nothing while a newer version of the document is not analysed yet', async () => {
    const current = missingFile(client, searchGo, 'metrics.go');
    assert.ok(current);
    const before = client.generation;
    await client.changeDocument(searchGo, `${text}\n// Edited again.\n`, 3);
    assert.deepEqual(await quickFixesFor(client, searchGo, current), []);
    await client.waitForStatus((s) => s.state === 'ready', before);
  });

  it('offers nothing when the file appeared on disk since the analysis', async () => {
    const diagnostic = missingFile(client, searchGo, 'test_utils.go');
    assert.ok(diagnostic);
    const testUtils = path.join(root, 'pkg', 'search', 'test_utils.go');
    fs.writeFileSync(testUtils, 'package search\n'); // the watcher has not reported it
    assert.deepEqual(await quickFixesFor(client, searchGo, diagnostic), []);
    assert.equal(fs.readFileSync(testUtils, 'utf8'), 'package search\n');
  });
});

describe('source.fixAll.gocomply', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;
  let builderGo: string;

  before(async () => {
    // index lacks test_utils.go and advanced_test.go; builder.go is its anchor (FIXTURE.md).
    root = copyFixture('structure-missing');
    builderGo = path.join(root, 'pkg', 'index', 'builder.go');
    client = await startOn(root, builderGo);
  });

  after(() => {
    client.kill();
    removeWorkspace(root);
  });

  const request = (only?: string[]) =>
    client.codeActions({
      textDocument: { uri: fileUri(builderGo) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], ...(only ? { only } : {}) },
    });

  it('is offered only when source actions are asked for', async () => {
    assert.deepEqual(await request(), []);
    assert.deepEqual((await request(['source'])).map((a) => a.kind), [FIX_ALL]);
    assert.deepEqual((await request(['source.fixAll'])).map((a) => a.kind), [FIX_ALL]);
  });

  it('creates every missing required file of the package, the test using the mock created with it', async (t) => {
    const [fixAll] = await request([FIX_ALL]);
    assert.ok(fixAll);
    const created = await applyAndNotify(client, fixAll);
    assert.deepEqual(created.map((f) => path.basename(f)).sort(), ['advanced_test.go', 'test_utils.go']);
    assertGofmtClean(t, created);
    const advanced = fs.readFileSync(path.join(root, 'pkg', 'index', 'advanced_test.go'), 'utf8');
    assert.ok(advanced.includes('NewMockIndex(') && !advanced.includes('type fakeIndex'), 'advanced_test.go uses MockIndex');
    assert.deepEqual(
      client.diagnosticsOf(builderGo).filter((d) => d.code === 'structure/missing-file'),
      [],
    );
    assert.deepEqual(await request([FIX_ALL]), [], 'nothing left to fix');
  });
});
