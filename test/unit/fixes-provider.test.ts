// "Add provider" (server/src/engine/fixes/addProvider.ts): the plan writes
// providers/<name>/ in the package's own shape. Each case applies the plan to
// a copy of a fixture, checks the Go with gofmt, re-analyses the copy and
// asserts what spec §5 then says about the new provider (registered,
// auto-registered, unit tests, its own mock: COMPLETE) and that no finding of
// any rule points into what the plan wrote. Expected names come from the
// fixtures' code (see test/fixtures/fix-add-provider/FIXTURE.md).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { ProviderExtension } from '../../common/schemas/entities';
import { Engine } from '../../server/src/engine/engine';
import { addProviderPlan, validProviderName } from '../../server/src/engine/fixes/addProvider';
import { literalZero, UnsupportedType } from '../../server/src/engine/fixes/goTypeNames';
import { renderSignature } from '../../server/src/engine/fixes/goSignatures';
import { alignColumns, parseSignature, renderType } from '../../server/src/engine/fixes/goTypes';
import type { PlannedFix } from '../../server/src/engine/fixes/plan';
import { fixWorkspace } from '../../server/src/engine/fixes/workspace';
import type { PackageModel } from '../../server/src/engine/model/package';
import type { EngineDiagnostic } from '../../server/src/engine/rules/finding';
import { applyPlan, assertGofmtClean, openFixtureCopy, readFile, requireGofmt, type OpenedFixture } from './helpers/fixHarness';
import { EXAMPLES_DIR } from './helpers/fixtures';
import { assertGoBuildsAndTests, requireGo } from './helpers/goBuild';

const FIXTURE = 'fix-add-provider';
const MODULE = 'example.com/addprovider';

function planOf(result: PlannedFix | { refused: string }): PlannedFix {
  assert.ok(!('refused' in result), `refused: ${'refused' in result ? result.refused : ''}`);
  return result;
}

function refusal(result: PlannedFix | { refused: string }): string {
  assert.ok('refused' in result, `expected a refusal, got a plan titled ${'title' in result ? result.title : ''}`);
  return result.refused;
}

function packageAt(opened: { packages: PackageModel[] } | { ws: { packages: PackageModel[] } }, dir: string): PackageModel {
  const packages = 'ws' in opened ? opened.ws.packages : opened.packages;
  const found = packages.find((p) => p.path === dir);
  assert.ok(found, `no package at ${dir}`);
  return found;
}

function providerOf(pkg: PackageModel, name: string): ProviderExtension {
  const found = pkg.providers.find((p) => p.providerName === name);
  assert.ok(found, `no provider ${name} in ${pkg.packageName} (have ${pkg.providers.map((p) => p.providerName).join(', ')})`);
  return found;
}

/** rule + message of the diagnostics of `file`, counted. */
function findingsIn(diagnostics: EngineDiagnostic[], file: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics.filter((x) => x.file === file)) counts.set(`${d.rule}: ${d.message}`, (counts.get(`${d.rule}: ${d.message}`) ?? 0) + 1);
  return counts;
}

interface Added {
  /** The packages and diagnostics before the plan was applied. */
  before: { packages: PackageModel[]; diagnostics: EngineDiagnostic[] };
  after: OpenedFixture;
  plan: PlannedFix;
  written: string[];
}

/** Plans `name` for the package at `dir`, applies it, checks gofmt, re-analyses. The caller disposes `after`. */
async function addProvider(t: { diagnostic(message: string): void }, fixture: string, dir: string, name: string): Promise<Added> {
  const opened = await openFixtureCopy(fixture);
  const before = { packages: opened.ws.packages, diagnostics: opened.result.diagnostics };
  let plan: PlannedFix;
  let written: string[];
  try {
    plan = planOf(addProviderPlan(opened.ws, dir, name));
    written = applyPlan(opened.copy.root, plan);
    assertGofmtClean(opened.copy.root, written);
  } catch (error) {
    opened.dispose();
    throw error;
  }
  t.diagnostic(`wrote ${written.join(', ')}`);
  return { before, after: await opened.reopen(), plan, written };
}

/** The checks every added provider passes (spec §5 ProviderExtension, §9 no findings in what a fix writes). */
function assertComplete(added: Added, dir: string, name: string): ProviderExtension {
  const { after, plan, before } = added;
  const pkg = packageAt(after, dir);
  const folder = `${dir}/providers/${name}`;
  const mainFile = `${folder}/${name}.go`;
  const provider = providerOf(pkg, name);
  assert.equal(provider.path, folder);
  assert.deepEqual(
    { registryName: provider.registrationInfo.registryName, factoryFunction: provider.registrationInfo.factoryFunction, autoRegister: provider.registrationInfo.autoRegister, file: provider.registrationInfo.file },
    { registryName: name, factoryFunction: 'New', autoRegister: true, file: mainFile },
  );
  assert.equal(provider.testCoverage.hasUnitTests, true, 'unit tests');
  assert.equal(provider.testCoverage.hasMock, true, 'a mock');
  assert.equal(provider.testCoverage.sharedMock, false, 'its own mock, named after it');
  assert.equal(provider.status, 'COMPLETE');
  const support = pkg.providerSupport;
  assert.ok(support);
  assert.ok(support.registrations.some((r) => r.registryName === name && r.autoRegister && r.file === mainFile));
  assert.equal(support.providerCount, (packageAt(before, dir).providerSupport?.providerCount ?? 0) + 1);
  assert.ok(!support.missingProviders.includes(name));

  const created = plan.creations.map((c) => c.file);
  const inNew = after.result.diagnostics.filter((d) => created.includes(d.file));
  assert.deepEqual(inNew.map((d) => `${d.file}:${d.range.start.line + 1} ${d.rule} ${d.message}`), [], 'no finding in the new files');
  for (const { file } of plan.changes) {
    const was = findingsIn(before.diagnostics, file);
    for (const [finding, count] of findingsIn(after.result.diagnostics, file)) {
      assert.ok(count <= (was.get(finding) ?? 0), `${file}: new finding ${finding}`);
    }
  }
  return provider;
}

/** `Type.Method` -> how, for the counted methods of `file`. */
function tracedIn(pkg: PackageModel, file: string): Record<string, string> {
  return Object.fromEntries(pkg.observability.tracingIntegration.methods.filter((m) => m.file === file).map((m) => [m.name, m.how]));
}

describe('Go types read and written again (goTypes)', () => {
  const qualify = (pkg: string | undefined, name: string) => (pkg === undefined ? `iface.${name}` : `${pkg}.${name}`);

  it('qualifies type names, never parameter names, and spells the result as gofmt does', () => {
    const sig = parseSignature('(ctx context.Context, a, b int, fn func(item Item) error, opts ...Option) (n int, err error)', qualify);
    assert.deepEqual(sig.params, [
      { name: 'ctx', type: 'context.Context', variadic: false },
      { name: 'a', type: 'int', variadic: false },
      { name: 'b', type: 'int', variadic: false },
      { name: 'fn', type: 'func(item iface.Item) error', variadic: false },
      { name: 'opts', type: 'iface.Option', variadic: true },
    ]);
    assert.deepEqual(sig.results, [
      { name: 'n', type: 'int', variadic: false },
      { name: 'err', type: 'error', variadic: false },
    ]);
    assert.equal(renderSignature(parseSignature('(context.Context,[]Message)(<-chan Chunk,error)', qualify)), '(context.Context, []iface.Message) (<-chan iface.Chunk, error)');
  });

  it('reads composite types and refuses the ones it cannot write faithfully', () => {
    assert.equal(renderType('map[string][]*Doc', qualify), 'map[string][]*iface.Doc');
    assert.equal(renderType('chan<- pkg.Event', qualify), 'chan<- pkg.Event');
    assert.equal(renderType('[4]byte', qualify), '[4]byte');
    assert.equal(renderType('List[string, Doc]', qualify), 'iface.List[string, iface.Doc]');
    assert.equal(renderType('interface{}', qualify), 'interface{}');
    assert.throws(() => renderType('struct{ A int }', qualify), UnsupportedType);
  });

  it('knows the zero values it can spell, and aligns columns as gofmt does', () => {
    assert.deepEqual(['*T', '[]T', 'map[K]V', 'error', 'string', 'int64', 'bool', 'iface.Score', '[2]int'].map(literalZero), [
      'nil',
      'nil',
      'nil',
      'nil',
      '""',
      '0',
      'false',
      undefined,
      undefined,
    ]);
    assert.deepEqual(alignColumns([['name', 'string'], ['wantErr', 'bool']]), ['name    string', 'wantErr bool']);
  });
});

describe('provider names', () => {
  it('accepts folder-and-package names and says what is wrong with the others', () => {
    assert.equal(validProviderName('grok'), undefined);
    assert.equal(validProviderName('azure-openai'), undefined);
    for (const bad of ['', 'Grok', 'open ai', '1password', 'go', 'mock', 'internal', 'a--b']) {
      assert.equal(typeof validProviderName(bad), 'string', `${JSON.stringify(bad)} is refused`);
    }
  });
});

describe('adding a provider (fix-add-provider)', { timeout: 180_000 }, () => {
  it('llms: copies registry.GetRegistry().Register, implements iface.ChatModel with its embedded Generator, appends the mock to test_utils.go', async (t) => {
    if (!requireGofmt(t)) return;
    const added = await addProvider(t, FIXTURE, 'pkg/llms', 'grok');
    try {
      // grok is one of the default high-demand llms providers: PLANNED before.
      assert.equal(providerOf(packageAt(added.before, 'pkg/llms'), 'grok').status, 'PLANNED');
      const provider = assertComplete(added, 'pkg/llms', 'grok');
      assert.deepEqual(provider.configuration, {
        requiredFields: ['APIKey', 'Model'],
        optionalFields: ['BaseURL', 'Timeout', 'MaxRetries'],
        defaultValues: { Timeout: '30s', MaxRetries: 3 },
      });
      assert.deepEqual(added.plan.creations.map((c) => c.file), ['pkg/llms/providers/grok/grok.go', 'pkg/llms/providers/grok/grok_test.go']);
      assert.deepEqual(added.plan.changes.map((c) => c.file), ['pkg/llms/test_utils.go']);
      const root = added.after.copy.root;
      const source = readFile(root, 'pkg/llms/providers/grok/grok.go');
      // Both existing providers name their type Client; the registration is openai's and anthropic's shape.
      assert.ok(source.includes('\tregistry.GetRegistry().Register(ProviderName, New)\n'));
      assert.ok(source.includes('func New(cfg registry.Config) (iface.ChatModel, error) {'));
      assert.ok(source.includes('func (c *Client) Generate(ctx context.Context, messages []iface.Message) (*iface.Response, error) {'));
      assert.ok(source.includes('func (c *Client) BindTools(tools []iface.Tool) iface.ChatModel {\n\treturn c\n}'));
      assert.ok(source.includes('func (c *Client) Name() string {\n\treturn ProviderName\n}'));
      assert.ok(source.includes(`var tracer = otel.Tracer("${MODULE}/pkg/llms/providers/grok")`));
      // Spans named <package>.<Type>.<Method>; methods taking a context are counted and traced directly.
      assert.ok(source.includes('tracer.Start(ctx, "llms.Client.Generate")'));
      assert.deepEqual(tracedIn(packageAt(added.after, 'pkg/llms'), 'pkg/llms/providers/grok/grok.go'), { 'Client.Generate': 'direct', 'Client.Stream': 'direct' });
      // test_utils.go already imports context and iface: only the mock is appended.
      const original = readFile(path.join(__dirname, '..', 'fixtures', FIXTURE), 'pkg/llms/test_utils.go');
      const testUtils = readFile(root, 'pkg/llms/test_utils.go');
      assert.ok(testUtils.startsWith(`${original}\n// MockGrok is a test double of the grok provider`));
      assert.ok(testUtils.includes('var _ iface.ChatModel = (*MockGrok)(nil)'));
    } finally {
      added.after.dispose();
    }
  });

  it('embeddings: copies the package-level Register, reads the map factory, implements io.Closer, adds the import test_utils.go lacks', async (t) => {
    if (!requireGofmt(t)) return;
    const before = readFile(path.join(__dirname, '..', 'fixtures', FIXTURE), 'pkg/embeddings/test_utils.go');
    const added = await addProvider(t, FIXTURE, 'pkg/embeddings', 'voyage');
    try {
      assertComplete(added, 'pkg/embeddings', 'voyage');
      const root = added.after.copy.root;
      const source = readFile(root, 'pkg/embeddings/providers/voyage/voyage.go');
      assert.ok(source.includes('\tembeddings.Register(ProviderName, New)\n'));
      assert.ok(source.includes('func New(opts map[string]any) (embeddings.Embedder, error) {'));
      assert.ok(source.includes('if v, ok := opts["api_key"].(string); ok {'));
      // Close comes from the embedded io.Closer; EmbedQuery returns the package's Usage struct.
      assert.ok(source.includes('func (p *Provider) Close() error {\n\treturn nil\n}'));
      assert.ok(source.includes('return nil, embeddings.Usage{}, ErrNotConnected'));
      assert.deepEqual(tracedIn(packageAt(added.after, 'pkg/embeddings'), 'pkg/embeddings/providers/voyage/voyage.go'), {
        'Provider.EmbedDocuments': 'direct',
        'Provider.EmbedQuery': 'direct',
      });
      const testUtils = readFile(root, 'pkg/embeddings/test_utils.go');
      assert.ok(before.includes('import "sync"\n'));
      assert.ok(testUtils.includes('import (\n\t"context"\n\t"sync"\n)\n'));
      assert.ok(testUtils.includes('type MockVoyage struct'));
      assert.ok(testUtils.startsWith('package embeddings\n'));
    } finally {
      added.after.dispose();
    }
  });

  it('vectorstores: the factory type is a func literal taking *Config; without test_utils.go the mock creates it', async (t) => {
    if (!requireGofmt(t)) return;
    const added = await addProvider(t, FIXTURE, 'pkg/vectorstores', 'pgvector');
    try {
      const provider = assertComplete(added, 'pkg/vectorstores', 'pgvector');
      // VECTOR_STORE: no Model field.
      assert.deepEqual(provider.configuration.requiredFields, ['APIKey']);
      assert.deepEqual(added.plan.creations.map((c) => c.file).sort(), [
        'pkg/vectorstores/providers/pgvector/pgvector.go',
        'pkg/vectorstores/providers/pgvector/pgvector_test.go',
        'pkg/vectorstores/test_utils.go',
      ]);
      const source = readFile(added.after.copy.root, 'pkg/vectorstores/providers/pgvector/pgvector.go');
      assert.ok(source.includes('func New(cfg *vectorstores.Config) (iface.VectorStore, error) {'));
      assert.ok(source.includes('if cfg != nil {'));
      assert.ok(source.includes('func (s *Store) Search(ctx context.Context, query string, k int, opts ...iface.Option) ([]iface.Document, []iface.Score, error) {'));
      // The interface's Ping takes an unnamed context: the implementation names it to start its span.
      assert.ok(source.includes('func (s *Store) Ping(ctx context.Context) error {'));
      assert.ok(source.includes('func (s *Store) MinScore() iface.Score {\n\tvar out0 iface.Score\n\treturn out0\n}'));
      assert.deepEqual(tracedIn(packageAt(added.after, 'pkg/vectorstores'), 'pkg/vectorstores/providers/pgvector/pgvector.go'), {
        'Store.AddDocuments': 'direct',
        'Store.Ping': 'direct',
        'Store.Search': 'direct',
      });
    } finally {
      added.after.dispose();
    }
  });

  it('writes Go that builds, and tests that pass, in all three packages at once', async (t) => {
    if (!requireGofmt(t) || !requireGo(t)) return;
    let opened = await openFixtureCopy(FIXTURE);
    try {
      for (const [dir, name] of [
        ['pkg/llms', 'grok'],
        ['pkg/embeddings', 'voyage'],
        ['pkg/vectorstores', 'pgvector'],
      ] as const) {
        applyPlan(opened.copy.root, planOf(addProviderPlan(opened.ws, dir, name)));
        opened = await opened.reopen();
      }
      assertGoBuildsAndTests(opened.copy.root);
    } finally {
      opened.dispose();
    }
  });

  it('refuses what it cannot do, and never overwrites', async () => {
    const opened = await openFixtureCopy(FIXTURE);
    try {
      assert.match(refusal(addProviderPlan(opened.ws, 'pkg/llms', 'openai')), /pkg\/llms\/providers\/openai exists/);
      // hash is registered by hash.go, without a folder.
      assert.match(refusal(addProviderPlan(opened.ws, 'pkg/embeddings', 'hash')), /already has a provider named hash/);
      assert.match(refusal(addProviderPlan(opened.ws, 'pkg/memory', 'redis')), /no provider registration to copy/);
      // tools registers through the receiver of Catalog.Load: c.registry is out of a new package's reach.
      assert.match(refusal(addProviderPlan(opened.ws, 'pkg/tools', 'calc')), /through c, which another package cannot name/);
      assert.match(refusal(addProviderPlan(opened.ws, 'pkg/nothing', 'grok')), /No framework package/);
      assert.equal(refusal(addProviderPlan(opened.ws, 'pkg/llms', 'Grok')), validProviderName('Grok'));
    } finally {
      opened.dispose();
    }
  });
});

describe('adding a provider to other shapes', { timeout: 120_000 }, () => {
  it('multi-provider: the mock goes to the existing providers/mock package', async (t) => {
    if (!requireGofmt(t)) return;
    const added = await addProvider(t, 'multi-provider', 'pkg/llms', 'grok');
    try {
      assertComplete(added, 'pkg/llms', 'grok');
      const mockFile = added.plan.creations.find((c) => c.file === 'pkg/llms/providers/mock/grok.go');
      assert.ok(mockFile, 'the mock is a new file of providers/mock');
      assert.ok(mockFile.content.startsWith('package mock\n'));
      assert.ok(mockFile.content.includes('var _ registry.Provider = (*MockGrok)(nil)'));
      // registry.Provider's Name() string returns the registered name in the mock.
      assert.ok(mockFile.content.includes('func (m *MockGrok) Name() string {\n\treturn "grok"\n}'));
    } finally {
      added.after.dispose();
    }
  });

  it('examples: llms with its registry in the package and a shared mock; voice/stt with a package-level Register', async (t) => {
    if (!requireGofmt(t)) return;
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gocomply-examples-'));
    fs.cpSync(EXAMPLES_DIR, root, { recursive: true });
    try {
      const plans: [string, string, PlannedFix][] = [];
      for (const [dir, name] of [
        ['pkg/llms', 'grok'],
        ['pkg/voice/stt', 'whisper'],
      ] as const) {
        const engine = await Engine.open(root, { workers: 0, trusted: false });
        const ws = fixWorkspace(engine, engine.analyze());
        engine.dispose();
        const plan = planOf(addProviderPlan(ws, dir, name));
        plans.push([dir, name, plan]);
        assertGofmtClean(root, applyPlan(root, plan));
      }
      const engine = await Engine.open(root, { workers: 0, trusted: false });
      const result = engine.analyze();
      engine.dispose();
      for (const [dir, name, plan] of plans) {
        const pkg = result.analysis.packages.find((p) => p.model.path === dir)?.model;
        assert.ok(pkg);
        const provider = providerOf(pkg, name);
        assert.equal(provider.status, 'COMPLETE', `${dir} ${name}`);
        assert.equal(provider.testCoverage.sharedMock, false);
        const created = plan.creations.map((c) => c.file);
        assert.deepEqual(result.diagnostics.filter((d) => created.includes(d.file)).map((d) => `${d.file} ${d.rule}`), []);
      }
      // llms: openai names its type Provider, anthropic Client; on a tie the default Provider wins. stt: deepgram's Transcriber.
      assert.ok(readFile(root, 'pkg/llms/providers/grok/grok.go').includes('func (p *Provider) Stream(ctx context.Context, messages []iface.Message) (<-chan iface.Chunk, error) {'));
      assert.ok(readFile(root, 'pkg/voice/stt/providers/whisper/whisper.go').includes('tracer.Start(ctx, "stt.Transcriber.Transcribe")'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
