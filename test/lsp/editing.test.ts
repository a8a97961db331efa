// Diagnostics follow the editor and the disk: didChange of an open document,
// didClose (back to the disk's text), watched-file creations and deletions,
// and text that does not parse.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { TreeRequest } from '../../common/protocol';
import { isDiagnosticData } from '../../server/src/lsp/diagnostics';
import { fileUri, messageOf, TestClient } from './helpers/client';
import { copyFixture, removeWorkspace } from './helpers/workspace';

const FIND_UNTRACED = `
// Find returns the documents that contain every term.
func Find(ctx context.Context, docs []string, terms []string) ([]string, error) {
	var found []string
	for _, doc := range docs {
		if Match(doc, terms) {
			found = append(found, doc)
		}
	}
	return found, ctx.Err()
}
`;

const FIND_TRACED = `
// Find returns the documents that contain every term.
func Find(ctx context.Context, docs []string, terms []string) ([]string, error) {
	ctx, span := otel.Tracer("search").Start(ctx, "search.Find")
	defer span.End()
	var found []string
	for _, doc := range docs {
		if Match(doc, terms) {
			found = append(found, doc)
		}
	}
	return found, ctx.Err()
}
`;

/** search.go of the structure-missing fixture with `imports` instead of its import line, and `extra` appended. */
function searchWith(original: string, imports: string[], extra: string): string {
  const importBlock = `import (\n${imports.map((i) => `\t"${i}"`).join('\n')}\n)`;
  return original.replace('import "strings"', importBlock) + extra;
}

function lineAndColumn(text: string, needle: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} is in the text`);
  return { line, character: lines[line]?.indexOf(needle) ?? -1 };
}

describe('editing an open document', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;
  let searchGo: string;
  let original: string;

  before(async () => {
    root = copyFixture('structure-missing');
    searchGo = path.join(root, 'pkg', 'search', 'search.go');
    original = fs.readFileSync(searchGo, 'utf8');
    client = await TestClient.start({ folders: [root] });
    await client.waitForStatus((s) => s.state === 'ready');
    await client.thenReady(() => client.openDocument(searchGo, original, 1));
  });

  after(() => {
    client.kill();
    removeWorkspace(root);
  });

  const untraced = () => client.diagnosticsOf(searchGo).filter((d) => d.code === 'otel/untraced-method');

  it('has no untraced method in the fixture: Match takes no context.Context', () => {
    assert.deepEqual(untraced(), []);
  });

  it('reports an exported context-taking method added by didChange, on its name, computed on that version', async () => {
    const text = searchWith(original, ['context', 'strings'], FIND_UNTRACED);
    await client.thenReady(() => client.changeDocument(searchGo, text, 2));
    const [diagnostic, ...others] = untraced();
    assert.ok(diagnostic, 'an otel/untraced-method diagnostic on search.go');
    assert.deepEqual(others, []);
    const name = lineAndColumn(text, 'func Find');
    assert.deepEqual(diagnostic.range.start, { line: name.line, character: name.character + 'func '.length });
    assert.deepEqual(diagnostic.data, { version: 2 });
  });

  it('drops it when a didChange starts a span in the method, republishing only that file', async () => {
    const builderGo = fileUri(path.join(root, 'pkg', 'index', 'builder.go'));
    const builderPublished = client.publishCounts.get(builderGo);
    assert.equal(builderPublished, 1, 'index/builder.go has diagnostics, published once');
    const text = searchWith(original, ['context', 'strings', 'go.opentelemetry.io/otel'], FIND_TRACED);
    await client.thenReady(() => client.changeDocument(searchGo, text, 3));
    assert.deepEqual(untraced(), []);
    assert.equal(client.publishCounts.get(builderGo), builderPublished, 'the other package\'s file is not republished');
  });

  it('honours a //gocomply:ignore comment above the method', async () => {
    const ignored = FIND_UNTRACED.replace('func Find', '//gocomply:ignore otel/untraced-method pure lookup, nothing to trace\nfunc Find');
    await client.thenReady(() => client.changeDocument(searchGo, searchWith(original, ['context', 'strings'], ignored), 4));
    assert.deepEqual(untraced(), []);
  });

  it('goes back to the file on disk when the document is closed unsaved', async () => {
    await client.thenReady(() => client.changeDocument(searchGo, searchWith(original, ['context', 'strings'], FIND_UNTRACED), 5));
    assert.equal(untraced().length, 1);
    await client.thenReady(() => client.closeDocument(searchGo));
    assert.deepEqual(untraced(), []);
    assert.ok(client.diagnosticsOf(searchGo).every((d) => isDiagnosticData(d.data) && d.data.version === null), 'computed from the disk');
  });

  it('survives text that does not parse, and keeps answering', async () => {
    const broken = path.join(root, 'pkg', 'search', 'broken.go');
    await client.thenReady(() => client.openDocument(broken, 'package search\n\nfunc (s *Search) Broken(ctx context.Context {\n\tx := := 1\n', 1));
    const tree = await client.connection.sendRequest(TreeRequest, {});
    assert.deepEqual(
      tree.folders[0]?.packages.map((p) => p.packageName),
      ['index', 'search'],
    );
    assert.ok(
      tree.folders[0]?.notices.some((n) => n.file === 'pkg/search/broken.go' && /syntax error/.test(n.message)),
      'the syntax errors are a notice on the file',
    );
    // Never saved: closing it drops it from the analysis again.
    await client.thenReady(() => client.closeDocument(broken));
    const after = await client.connection.sendRequest(TreeRequest, {});
    assert.ok(!after.folders[0]?.notices.some((n) => n.file === 'pkg/search/broken.go'));
  });
});

describe('watched files', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;
  let searchGo: string;
  let testUtils: string;

  before(async () => {
    root = copyFixture('structure-missing');
    searchGo = path.join(root, 'pkg', 'search', 'search.go');
    testUtils = path.join(root, 'pkg', 'search', 'test_utils.go');
    client = await TestClient.start({ folders: [root] });
    await client.waitForStatus((s) => s.state === 'ready');
  });

  after(() => {
    client.kill();
    removeWorkspace(root);
  });

  const missing = (name: string) =>
    client.diagnosticsOf(searchGo).filter((d) => d.code === 'structure/missing-file' && messageOf(d).includes(` ${name}:`));

  it('starts with search lacking test_utils.go (FIXTURE.md)', () => {
    assert.equal(missing('test_utils.go').length, 1);
  });

  it('drops the missing-file diagnostic when the file is created on disk', async () => {
    fs.writeFileSync(testUtils, 'package search\n');
    await client.thenReady(() => client.filesChanged([{ uri: fileUri(testUtils), type: FileChangeType.Created }]));
    assert.deepEqual(missing('test_utils.go'), []);
    assert.equal(missing('advanced_test.go').length, 1, 'the other missing files are still reported');
  });

  it('reports it again when the file is deleted', async () => {
    fs.rmSync(testUtils);
    await client.thenReady(() => client.filesChanged([{ uri: fileUri(testUtils), type: FileChangeType.Deleted }]));
    assert.equal(missing('test_utils.go').length, 1);
  });

  it('follows a required file that is not Go (README.md) deleted and created again', async () => {
    const readme = path.join(root, 'pkg', 'search', 'README.md');
    const text = fs.readFileSync(readme, 'utf8');
    assert.deepEqual(missing('README.md'), [], 'search has a README.md (FIXTURE.md)');
    fs.rmSync(readme);
    await client.thenReady(() => client.filesChanged([{ uri: fileUri(readme), type: FileChangeType.Deleted }]));
    assert.equal(missing('README.md').length, 1);
    fs.writeFileSync(readme, text);
    await client.thenReady(() => client.filesChanged([{ uri: fileUri(readme), type: FileChangeType.Created }]));
    assert.deepEqual(missing('README.md'), []);
  });
});
