// Server lifecycle: the capabilities it declares, multi-root workspaces with
// folders added and removed, and a clean shutdown/exit.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionKind, DidChangeWorkspaceFoldersNotification, TextDocumentSyncKind } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from './helpers/client';
import { copyFixture, removeWorkspace } from './helpers/workspace';

describe('a multi-root workspace', { timeout: 60_000 }, () => {
  let first: string;
  let second: string;
  let client: TestClient;
  let searchGo: string;
  let appGo: string;

  before(async () => {
    first = copyFixture('structure-missing');
    second = copyFixture('config-invalid');
    searchGo = path.join(first, 'pkg', 'search', 'search.go');
    appGo = path.join(second, 'pkg', 'app', 'app.go');
    client = await TestClient.start({ folders: [first, second] });
    await client.waitForStatus((s) => s.state === 'ready' && s.folders === 2 && s.packages === 3);
  });

  after(() => {
    client.kill();
    removeWorkspace(first);
    removeWorkspace(second);
  });

  it('declares incremental sync, quick fixes and fix-all, and workspace folder support', () => {
    const capabilities = client.initializeResult?.capabilities;
    assert.equal(capabilities?.textDocumentSync, TextDocumentSyncKind.Incremental);
    const codeActions = capabilities?.codeActionProvider;
    assert.ok(typeof codeActions === 'object');
    assert.deepEqual(codeActions.codeActionKinds, [CodeActionKind.QuickFix, 'source.fixAll.gocomply']);
    assert.equal(capabilities?.workspace?.workspaceFolders?.supported, true);
    assert.equal(client.initializeResult?.serverInfo?.name, 'gocomply');
  });

  it('analyses every folder: search (structure-missing, 2 packages) and app (config-invalid, 1 package)', () => {
    assert.ok(client.diagnosticsOf(searchGo).length > 0);
    assert.ok(client.diagnosticsOf(appGo).length > 0);
  });

  it('clears the diagnostics of a removed folder and analyses an added one', async () => {
    const removed = { uri: fileUri(second), name: path.basename(second) };
    await client.thenReady(() =>
      client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [removed] } }),
    );
    assert.deepEqual(client.diagnosticsOf(appGo), []);
    assert.ok(client.diagnosticsOf(searchGo).length > 0, 'the other folder keeps its diagnostics');
    assert.equal(client.lastStatus?.folders, 1);
    const before = client.generation;
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [removed], removed: [] } });
    await client.waitForStatus((s) => s.state === 'ready' && s.folders === 2 && s.packages === 3, before);
    assert.ok(client.diagnosticsOf(appGo).length > 0);
  });
});

describe('shutdown', { timeout: 60_000 }, () => {
  let root: string;

  before(() => {
    root = copyFixture('structure-missing');
  });

  after(() => removeWorkspace(root));

  it('answers shutdown and exits with code 0 on exit', async () => {
    const client = await TestClient.start({ folders: [root] });
    try {
      await client.waitForStatus((s) => s.state === 'ready');
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });

  it('exits cleanly when shut down while still indexing', async () => {
    const client = await TestClient.start({ folders: [root] });
    try {
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });
});
