// The custom requests of common/protocol.ts over the wire: the tree model,
// reports in the three formats, and re-indexing from disk.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ResponseError } from 'vscode-languageserver-protocol';
import { ReindexRequest, ReportRequest, TreeRequest } from '../../common/protocol';
import { ReportSchema, type Report } from '../../common/schemas/report';
import { fileUri, messageOf, TestClient } from './helpers/client';
import { copyFixture, engineDiagnostics, engineReport, removeWorkspace } from './helpers/workspace';

describe('gocomply/tree and gocomply/report', { timeout: 60_000 }, () => {
  let root: string;
  let client: TestClient;
  let engineDiagnosticCount: number;
  let report: Report;

  before(async () => {
    root = copyFixture('structure-missing');
    engineDiagnosticCount = (await engineDiagnostics(root)).length;
    report = await engineReport(root);
    client = await TestClient.start({ folders: [root] });
    await client.waitForStatus((s) => s.state === 'ready');
  });

  after(() => {
    client.kill();
    removeWorkspace(root);
  });

  it('gives the tree the packages of each folder, without their diagnostics', async () => {
    const tree = await client.connection.sendRequest(TreeRequest, {});
    assert.equal(tree.generation, client.generation);
    const [folder, ...others] = tree.folders;
    assert.deepEqual(others, []);
    assert.equal(folder?.uri, fileUri(root));
    assert.equal(folder?.name, path.basename(root));
    assert.deepEqual(
      folder?.packages.map((p) => [p.packageName, p.path]),
      [
        ['index', 'pkg/index'],
        ['search', 'pkg/search'],
      ],
    );
    assert.ok(folder?.packages.every((p) => !('diagnostics' in p)));
    // The same models as the engine's own report, statuses and scores included.
    const withoutDiagnostics = report.packages.map(({ diagnostics: _diagnostics, ...model }) => model);
    assert.deepEqual(folder?.packages, withoutDiagnostics);
    assert.deepEqual(folder?.spanStarters, report.spanStarters);
  });

  it('writes the JSON report the CLI writes, valid against ReportSchema', async () => {
    const { content } = await client.connection.sendRequest(ReportRequest, { format: 'json' });
    const parsed = ReportSchema.safeParse(JSON.parse(content));
    assert.ok(parsed.success, parsed.error?.message);
    assert.equal(parsed.data.workspace, root);
    assert.deepEqual(parsed.data.packages.map((p) => p.packageName), ['index', 'search']);
    const reported = parsed.data.diagnostics.length + parsed.data.packages.reduce((n, p) => n + p.diagnostics.length, 0);
    assert.equal(reported, engineDiagnosticCount);
  });

  it('writes the Markdown and SARIF reports of a folder given by URI', async () => {
    const markdown = await client.connection.sendRequest(ReportRequest, { format: 'markdown', folderUri: fileUri(root) });
    assert.match(markdown.content, /^# /);
    assert.ok(markdown.content.includes('search') && markdown.content.includes('index'));
    const sarif = await client.connection.sendRequest(ReportRequest, { format: 'sarif', folderUri: fileUri(root) });
    const log: unknown = JSON.parse(sarif.content);
    assert.ok(typeof log === 'object' && log !== null && 'version' in log && 'runs' in log);
    assert.equal(log.version, '2.1.0');
    assert.ok(Array.isArray(log.runs) && log.runs.length === 1);
  });

  it('answers a report of an unknown folder with an error, and stays up', async () => {
    await assert.rejects(
      client.connection.sendRequest(ReportRequest, { format: 'json', folderUri: 'file:///no/such/folder' }),
      (error: unknown) => error instanceof ResponseError && /no workspace folder/.test(error.message),
    );
    const tree = await client.connection.sendRequest(TreeRequest, {});
    assert.equal(tree.folders.length, 1);
  });

  it('re-reads the disk on gocomply/reindex', async () => {
    const searchGo = path.join(root, 'pkg', 'search', 'search.go');
    const missingTestUtils = () => client.diagnosticsOf(searchGo).filter((d) => messageOf(d).includes(' test_utils.go:'));
    assert.equal(missingTestUtils().length, 1);
    fs.writeFileSync(path.join(root, 'pkg', 'search', 'test_utils.go'), 'package search\n'); // no watcher event
    const before = client.generation;
    await client.connection.sendRequest(ReindexRequest, {});
    await client.waitForStatus((s) => s.state === 'ready', before);
    assert.deepEqual(missingTestUtils(), []);
  });
});
