// Settings: an invalid .gocomply.json is a diagnostic on that file and the
// server stays up; editor settings come per folder from the client, are
// validated (invalid ones are reported and ignored) and refreshed on change.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  FileChangeType,
  MessageType,
} from 'vscode-languageserver-protocol';
import { TreeRequest } from '../../common/protocol';
import { fileUri, messageOf, TestClient } from './helpers/client';
import { copyFixture, removeWorkspace } from './helpers/workspace';

describe('an invalid .gocomply.json', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;
  let configFile: string;

  before(async () => {
    root = copyFixture('config-invalid');
    configFile = path.join(root, '.gocomply.json');
    client = await TestClient.start({ folders: [root] });
    await client.waitForStatus((s) => s.state === 'ready');
  });

  after(() => {
    client.kill();
    removeWorkspace(root);
  });

  it('is a config/invalid error on the file naming the setting, and the server stays ready', async () => {
    const [diagnostic, ...others] = client.diagnosticsOf(configFile);
    assert.deepEqual(others, []);
    assert.equal(diagnostic?.code, 'config/invalid');
    assert.equal(diagnostic?.severity, DiagnosticSeverity.Error);
    assert.ok(diagnostic && messageOf(diagnostic).includes('tracing.threshold'));
    // The key is on line 3 of the fixture's file.
    assert.equal(diagnostic?.range.start.line, 2);
    assert.equal(client.lastStatus?.state, 'ready');
    const tree = await client.connection.sendRequest(TreeRequest, {});
    assert.deepEqual(tree.folders[0]?.packages.map((p) => p.packageName), ['app']);
  });

  it('is cleared when the file is corrected on disk', async () => {
    fs.writeFileSync(configFile, '{ "tracing": { "threshold": 80 } }\n');
    await client.thenReady(() => client.filesChanged([{ uri: fileUri(configFile), type: FileChangeType.Changed }]));
    assert.deepEqual(client.diagnosticsOf(configFile), []);
  });
});

describe('editor settings', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;
  let searchGo: string;
  let editorSettings: unknown = { tracing: { threshold: 'high' } };

  before(async () => {
    root = copyFixture('structure-missing');
    searchGo = path.join(root, 'pkg', 'search', 'search.go');
    client = await TestClient.start({ folders: [root], settings: () => editorSettings });
    await client.waitForStatus((s) => s.state === 'ready');
  });

  after(() => {
    client.kill();
    removeWorkspace(root);
  });

  const missingFiles = () => client.diagnosticsOf(searchGo).filter((d) => d.code === 'structure/missing-file');

  it('warns about invalid ones, naming the setting, and analyses with the file settings instead', () => {
    const warning = client.messages.find((m) => m.type === MessageType.Warning);
    assert.ok(warning, 'a warning message');
    assert.ok(warning.message.includes('gocomply.tracing.threshold'), warning.message);
    assert.equal(missingFiles().length, 3, 'search lacks metrics.go, test_utils.go and advanced_test.go (FIXTURE.md)');
  });

  it('applies valid ones after didChangeConfiguration: rule severities', async () => {
    editorSettings = { rules: { 'structure/missing-file': 'error' } };
    await client.thenReady(() => client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null }));
    assert.equal(missingFiles().length, 3);
    assert.ok(missingFiles().every((d) => d.severity === DiagnosticSeverity.Error));
  });

  it('turns a rule off, keeping the open documents\' text through the re-index', async () => {
    const text = fs.readFileSync(searchGo, 'utf8').replace('import "strings"', 'import (\n\t"context"\n\t"strings"\n)');
    const edited = `${text}\n// Lookup finds nothing.\nfunc Lookup(ctx context.Context) error {\n\treturn ctx.Err()\n}\n`;
    await client.thenReady(() => client.openDocument(searchGo, edited, 1));
    const untraced = () => client.diagnosticsOf(searchGo).filter((d) => d.code === 'otel/untraced-method');
    assert.equal(untraced().length, 1);
    editorSettings = { rules: { 'structure/missing-file': 'off' } };
    await client.thenReady(() => client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null }));
    assert.deepEqual(missingFiles(), []);
    assert.equal(untraced().length, 1, 'Lookup, only in the editor, is still analysed');
  });
});
