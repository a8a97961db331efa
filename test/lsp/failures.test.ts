// A folder whose indexing throws: the server reports `error` with the message
// in gocomply/status, keeps serving the other folders, and recovers on
// gocomply/reindex. Driven in this process through the injected connection,
// since a real indexing failure cannot be provoked from a fixture.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { ReindexRequest, TreeRequest } from '../../common/protocol';
import { Engine } from '../../server/src/engine/engine';
import { GocomplyServer } from '../../server/src/lsp/server';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { ShutdownRequest } from 'vscode-languageserver-protocol';
import { TestClient } from './helpers/client';
import { copyFixture, removeWorkspace } from './helpers/workspace';

describe('a folder that fails to index', { timeout: 60_000 }, () => {
  let healthy: string;
  let failing: string;
  let client: TestClient;
  let failIndexing = true;

  before(async () => {
    healthy = copyFixture('structure-missing');
    failing = copyFixture('config-invalid');
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    // Message readers rather than raw streams: the node connection exits the process when a raw input stream ends.
    const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const server = new GocomplyServer(connection, {
      openEngine: async (root, options) => {
        if (failIndexing && root === failing) throw new Error('disk on fire');
        return Engine.open(root, options);
      },
    });
    server.listen();
    client = await TestClient.connect(toClient, toServer, { folders: [healthy, failing] });
    await client.waitForStatus((s) => s.state !== 'indexing' && s.packages === 2);
  });

  after(async () => {
    await client.connection.sendRequest(ShutdownRequest.type); // disposes the engines; no `exit`, which would end this process
    client.kill();
    removeWorkspace(healthy);
    removeWorkspace(failing);
  });

  it('reports error with the folder and the message, with the counts of the folder that indexed', () => {
    const status = client.lastStatus;
    assert.equal(status?.state, 'error');
    assert.equal(status?.message, `${path.basename(failing)}: disk on fire`);
    assert.equal(status?.folders, 2);
  });

  it('keeps serving the healthy folder', async () => {
    assert.ok(client.diagnosticsOf(path.join(healthy, 'pkg', 'search', 'search.go')).length > 0);
    const tree = await client.connection.sendRequest(TreeRequest, {});
    assert.deepEqual(
      tree.folders.map((f) => [f.name, f.packages.map((p) => p.packageName)]),
      [
        [path.basename(healthy), ['index', 'search']],
        [path.basename(failing), []],
      ],
    );
  });

  it('recovers on gocomply/reindex once indexing works', async () => {
    failIndexing = false;
    const before = client.generation;
    await client.connection.sendRequest(ReindexRequest, {});
    const ready = await client.waitForStatus((s) => s.state === 'ready', before);
    assert.equal(ready.packages, 3);
    assert.ok(client.diagnosticsOf(path.join(failing, 'pkg', 'app', 'app.go')).length > 0);
  });
});
