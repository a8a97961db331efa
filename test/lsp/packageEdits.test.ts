// `gocomply/packageEdit` "align" through the real server: the server plans the
// package's edit, sends it as `workspace/applyEdit` with every change marked
// as needing confirmation (VS Code's refactor preview), and after the editor
// applied it the package's fixable findings are gone. An edit the editor
// refuses changes nothing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FileChangeType, type FileEvent, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { PackageEditRequest } from '../../common/protocol';
import { fileUri, messageOf, TestClient } from './helpers/client';
import { applyEditToDisk } from './helpers/edits';
import { copyFixture, gofmtAvailable, gofmtUnformatted, removeWorkspace } from './helpers/workspace';

const PACKAGE = 'pkg/llms';

/** The annotation id of every text edit of `edit` (undefined for an edit without one). */
function annotationIdsOf(edit: WorkspaceEdit): (string | undefined)[] {
  return (edit.documentChanges ?? []).flatMap((change) =>
    'edits' in change ? change.edits.map((e) => ('annotationId' in e && typeof e.annotationId === 'string' ? e.annotationId : undefined)) : [],
  );
}

interface Served {
  root: string;
  client: TestClient;
  /** The files the edits the editor applied wrote. */
  touched: string[];
}

/**
 * Starts the server on a copy of `fixture` before the enclosing describe's
 * tests and stops it after them. The editor applies an edit to disk when
 * `accepts()` says so, and refuses it otherwise.
 */
function serveFixture(fixture: string, accepts: () => boolean = () => true): () => Served {
  let served: Served | undefined;
  before(async () => {
    const root = copyFixture(fixture);
    const touched: string[] = [];
    const client = await TestClient.start({
      folders: [root],
      applyEdit: (edit) => {
        if (!accepts()) return false;
        touched.push(...applyEditToDisk(edit));
        return true;
      },
    });
    served = { root, client, touched };
    await client.waitForStatus((s) => s.state === 'ready');
  });
  after(() => {
    served?.client.kill();
    if (served) removeWorkspace(served.root);
  });
  return () => served ?? assert.fail(`the server on ${fixture} is not started`);
}

/** Tells the server about the files the editor wrote and waits until it has analysed them. */
async function reportCreated({ client, touched }: Served): Promise<void> {
  const events: FileEvent[] = touched.map((file) => ({ uri: fileUri(file), type: FileChangeType.Created }));
  await client.thenReady(() => client.filesChanged(events));
}

function snapshot(root: string): Map<string, string> {
  const files = fs.readdirSync(path.join(root, PACKAGE), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [path.join(e.parentPath, e.name), fs.readFileSync(path.join(e.parentPath, e.name), 'utf8')]));
}

describe('align package', { timeout: 90_000 }, () => {
  let accept = false;
  // pkg/llms lacks every required file and has untraced methods on a tracer field (FIXTURE.md).
  const served = serveFixture('fix-tracer-field', () => accept);

  const align = () => {
    const { root, client } = served();
    return client.connection.sendRequest(PackageEditRequest, { folderUri: fileUri(root), packagePath: PACKAGE, operation: { kind: 'align' } });
  };
  const untraced = () => [...served().client.diagnostics.values()].flat().filter((d) => d.code === 'otel/untraced-method');

  it('changes nothing when the editor does not apply the edit', async () => {
    const before = snapshot(served().root);
    const response = await align();
    assert.deepEqual(response, { ok: true, applied: false, title: `Align ${PACKAGE} with the framework standard` });
    assert.deepEqual(snapshot(served().root), before);
  });

  it('sends one edit grouped by part for the refactor preview: files ticked, spans to confirm', () => {
    const sent = served().client.appliedEdits.at(-1);
    assert.ok(sent);
    assert.equal(sent.label, `Align ${PACKAGE} with the framework standard`);
    const annotations = sent.edit.changeAnnotations ?? {};
    const ids = annotationIdsOf(sent.edit);
    assert.ok(ids.length > 0 && ids.every((id) => id !== undefined && id in annotations), 'every text edit carries an annotation');
    const byLabel = new Map(Object.values(annotations).map((a) => [a.label, a.needsConfirmation]));
    assert.equal(byLabel.get('Create the missing required files'), false, 'creating the missing files is ticked');
    assert.equal(byLabel.get('Start a span in every untraced method'), true, 'the spans are for the person to confirm');
  });

  it('once applied, the package has its required files and its methods are traced, in gofmt-clean Go', async (t) => {
    assert.ok(untraced().length > 0, 'the fixture starts with untraced methods');
    accept = true;
    const response = await align();
    assert.equal(response.ok && response.applied, true);
    await reportCreated(served());
    const missing = [...served().client.diagnostics.values()].flat().filter((d) => d.code === 'structure/missing-file');
    assert.deepEqual(missing, []);
    assert.deepEqual(untraced(), [], 'Health is silenced, every other method got a span');
    const created = served().client.appliedEdits.at(-1)?.edit.documentChanges?.flatMap((c) => ('kind' in c && c.kind === 'create' ? [c.uri] : [])) ?? [];
    assert.ok(created.length > 0);
    const edited = served().client.appliedEdits.at(-1)?.edit.documentChanges?.flatMap((c) => ('textDocument' in c ? [c.textDocument.uri] : [])) ?? [];
    assert.ok(edited.some((uri) => served().client.diagnostics.has(uri)), 'the edit names files as the server publishes them');
    const inCreated = created.flatMap((uri) => (served().client.diagnostics.get(uri) ?? []).map((d) => `${uri}: ${String(d.code)} ${messageOf(d)}`));
    assert.deepEqual(inCreated, [], 'the files align wrote raise no finding of their own');
    if (!gofmtAvailable) return t.diagnostic('gofmt is not installed: the gofmt check is skipped');
    assert.equal(gofmtUnformatted(served().touched.filter((f) => f.endsWith('.go'))), '');
  });
});

describe('add provider', { timeout: 90_000 }, () => {
  // pkg/embeddings registers cohere (and hash) through its package-level Register (FIXTURE.md).
  const served = serveFixture('fix-add-provider');
  const statePath = () => path.join(served().root, '.gocomply', 'state.json');

  const addProvider = (providerName: string) => {
    const { root, client } = served();
    return client.connection.sendRequest(PackageEditRequest, {
      folderUri: fileUri(root),
      packagePath: 'pkg/embeddings',
      operation: { kind: 'add-provider', providerName },
    });
  };

  it('refuses a provider that exists, writing nothing', async () => {
    const response = await addProvider('cohere');
    assert.equal(response.ok, false);
    assert.deepEqual(served().client.appliedEdits, []);
    assert.equal(fs.existsSync(statePath()), false);
  });

  it('writes providers/<name>/ and records the provider IN_PROGRESS in the state file', async () => {
    const { root, touched } = served();
    const response = await addProvider('voyage');
    assert.ok(response.ok && response.applied);
    assert.ok(touched.some((f) => f.endsWith(path.join('providers', 'voyage', 'voyage.go'))), `the provider file is written: ${touched.join(', ')}`);
    assert.equal(response.openUri, fileUri(path.join(root, 'pkg', 'embeddings', 'providers', 'voyage', 'voyage.go')));
    const state: unknown = JSON.parse(fs.readFileSync(statePath(), 'utf8'));
    const providers = typeof state === 'object' && state !== null && 'providers' in state ? state.providers : undefined;
    const entry = typeof providers === 'object' && providers !== null && 'pkg/embeddings/voyage' in providers ? providers['pkg/embeddings/voyage'] : undefined;
    assert.ok(typeof entry === 'object' && entry !== null && 'status' in entry && entry.status === 'IN_PROGRESS', `state entry: ${JSON.stringify(providers)}`);
  });

  it('the new provider raises no finding once the server has its files', async () => {
    await reportCreated(served());
    const inNewFolder = [...served().client.diagnostics].filter(([uri, list]) => uri.includes('/providers/voyage/') && list.length > 0);
    assert.deepEqual(inNewFolder, []);
  });
});
