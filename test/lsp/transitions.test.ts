// `gocomply/transition` over the wire: the bundled server records a person's
// status transitions in `.gocomply/state.json`, refuses illegal ones with the
// engine's message, re-analyses so the tree shows the new status, and never
// writes over a state file it cannot parse.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes, FileChangeType, ResponseError } from 'vscode-languageserver-protocol';
import { StateTransitionRequest, TreeRequest, type TransitionResponse, type TreeFolder } from '../../common/protocol';
import { StateFileSchema, type EditorTransitionRequest, type StateFile } from '../../common/schemas/state';
import { packageFingerprint } from '../../server/src/engine/state';
import { fileUri, TestClient } from './helpers/client';
import { copyFixture, engineReport, removeWorkspace } from './helpers/workspace';

type TreePackage = TreeFolder['packages'][number];

function stateFile(root: string): string {
  return path.join(root, '.gocomply', 'state.json');
}

function readState(root: string): StateFile {
  return StateFileSchema.parse(JSON.parse(fs.readFileSync(stateFile(root), 'utf8')));
}

describe('gocomply/transition', { timeout: 60_000 }, () => {
  let missing: string;
  let full: string;
  let multiProvider: string;
  let corrupt: string;
  let client: TestClient;

  before(async () => {
    missing = copyFixture('structure-missing');
    full = copyFixture('structure-full');
    multiProvider = copyFixture('multi-provider');
    corrupt = copyFixture('structure-missing');
    client = await TestClient.start({ folders: [missing, full, multiProvider, corrupt] });
    await client.waitForStatus((s) => s.state === 'ready' && s.folders === 4 && s.packages === 6);
  });

  after(() => {
    client.kill();
    for (const root of [missing, full, multiProvider, corrupt]) removeWorkspace(root);
  });

  /** Sends the transition; an accepted one must have been published (a `ready` status) by the time it answers. */
  async function transition(root: string, request: EditorTransitionRequest): Promise<TransitionResponse> {
    const before = client.generation;
    const response = await client.connection.sendRequest(StateTransitionRequest, { folderUri: fileUri(root), request });
    if (response.ok) await client.waitForStatus((s) => s.state === 'ready', before);
    return response;
  }

  async function treePackage(root: string, packagePath: string): Promise<TreePackage> {
    const tree = await client.connection.sendRequest(TreeRequest, {});
    const folder = tree.folders.find((f) => f.uri === fileUri(root));
    return folder?.packages.find((p) => p.path === packagePath) ?? assert.fail(`no ${packagePath} in the tree of ${root}`);
  }

  function refusal(response: TransitionResponse): string {
    assert.equal(response.ok, false, 'the transition is refused');
    return response.ok ? '' : response.message;
  }

  it('starts alignment of a NOT_STARTED package: IN_PROGRESS in the tree and in a new state file', async () => {
    assert.equal((await treePackage(missing, 'pkg/search')).completionStatus, 'NOT_STARTED');
    assert.equal(fs.existsSync(stateFile(missing)), false);
    assert.deepEqual(await transition(missing, { kind: 'start-alignment', packagePath: 'pkg/search' }), { ok: true });
    assert.equal((await treePackage(missing, 'pkg/search')).completionStatus, 'IN_PROGRESS');
    const state = readState(missing);
    assert.deepEqual(Object.keys(state.packages), ['pkg/search']);
    assert.equal(state.packages['pkg/search']?.status, 'IN_PROGRESS');
  });

  it('refuses to start alignment twice, with the engine\'s message, and leaves the file as it was', async () => {
    const bytes = fs.readFileSync(stateFile(missing));
    const message = refusal(await transition(missing, { kind: 'start-alignment', packagePath: 'pkg/search' }));
    assert.match(message, /Cannot start alignment of pkg\/search: it is IN_PROGRESS/);
    assert.deepEqual(fs.readFileSync(stateFile(missing)), bytes);
  });

  it('refuses to mark verified a package that is not COMPLETE', async () => {
    const inProgress = refusal(await transition(missing, { kind: 'mark-verified', packagePath: 'pkg/search' }));
    assert.match(inProgress, /Cannot mark pkg\/search verified: it is IN_PROGRESS.*only allowed from COMPLETE/);
    const notStarted = refusal(await transition(missing, { kind: 'mark-verified', packagePath: 'pkg/index' }));
    assert.match(notStarted, /Cannot mark pkg\/index verified: it is NOT_STARTED/);
    assert.equal((await treePackage(missing, 'pkg/index')).completionStatus, 'NOT_STARTED');
  });

  it('refuses a package the workspace does not have', async () => {
    assert.match(refusal(await transition(missing, { kind: 'mark-verified', packagePath: 'pkg/nowhere' })), /no framework package at "pkg\/nowhere"/);
    assert.match(refusal(await transition(missing, { kind: 'start-alignment', packagePath: 'pkg/nowhere' })), /no framework package at "pkg\/nowhere"/);
  });

  it('marks a FULL (COMPLETE) package verified, with the fingerprint of its facts computed by the server', async () => {
    const memory = await treePackage(full, 'pkg/memory');
    assert.deepEqual([memory.complianceStatus, memory.completionStatus], ['FULL', 'COMPLETE']);
    assert.deepEqual(await transition(full, { kind: 'mark-verified', packagePath: 'pkg/memory' }), { ok: true });
    assert.equal((await treePackage(full, 'pkg/memory')).completionStatus, 'VERIFIED');
    const entry = readState(full).packages['pkg/memory'];
    assert.equal(entry?.status, 'VERIFIED');
    const engineModel = (await engineReport(full)).packages.find((p) => p.path === 'pkg/memory') ?? assert.fail('pkg/memory');
    assert.equal(entry?.fingerprint, packageFingerprint(engineModel));
  });

  it('reopens a verified package: the entry goes back to IN_PROGRESS, and a FULL package then reads COMPLETE', async () => {
    assert.deepEqual(await transition(full, { kind: 'reopen', packagePath: 'pkg/memory' }), { ok: true });
    assert.equal(readState(full).packages['pkg/memory']?.status, 'IN_PROGRESS');
    assert.equal((await treePackage(full, 'pkg/memory')).completionStatus, 'COMPLETE');
  });

  it('plans a provider of a multi-provider package: a PLANNED entry in the state file and in the tree', async () => {
    const before = await treePackage(multiProvider, 'pkg/llms');
    assert.equal(before.providers.some((p) => p.providerName === 'mistral'), false);
    assert.deepEqual(await transition(multiProvider, { kind: 'plan-provider', packagePath: 'pkg/llms', providerName: 'mistral' }), { ok: true });
    assert.equal(readState(multiProvider).providers['pkg/llms/mistral']?.status, 'PLANNED');
    const mistral = (await treePackage(multiProvider, 'pkg/llms')).providers.find((p) => p.providerName === 'mistral');
    assert.equal(mistral?.status, 'PLANNED');
  });

  it('plans a missing high-demand provider, and refuses to plan one whose code exists', async () => {
    const llms = await treePackage(multiProvider, 'pkg/llms');
    assert.ok(llms.providerSupport?.missingProviders.includes('gemini'), 'the fixture misses gemini');
    assert.deepEqual(await transition(multiProvider, { kind: 'plan-provider', packagePath: 'pkg/llms', providerName: 'gemini' }), { ok: true });
    assert.equal(readState(multiProvider).providers['pkg/llms/gemini']?.status, 'PLANNED');
    const message = refusal(await transition(multiProvider, { kind: 'plan-provider', packagePath: 'pkg/llms', providerName: 'openai' }));
    assert.match(message, /Cannot plan provider "openai" of pkg\/llms: its code already exists/);
  });

  it('refuses any transition while the state file does not parse, and leaves its bytes untouched', async () => {
    fs.mkdirSync(path.dirname(stateFile(corrupt)), { recursive: true });
    fs.writeFileSync(stateFile(corrupt), '{ "version": 1, "packages": { "pkg/search": ');
    const bytes = fs.readFileSync(stateFile(corrupt));
    await client.thenReady(() => client.filesChanged([{ uri: fileUri(stateFile(corrupt)), type: FileChangeType.Created }]));
    const message = refusal(await transition(corrupt, { kind: 'start-alignment', packagePath: 'pkg/search' }));
    assert.match(message, /left unchanged because it does not parse/);
    assert.deepEqual(fs.readFileSync(stateFile(corrupt)), bytes);
    assert.equal((await treePackage(corrupt, 'pkg/search')).completionStatus, 'NOT_STARTED');
  });

  it('answers an unknown folder or a malformed request with an error', async () => {
    const unknownFolder = client.connection.sendRequest(StateTransitionRequest, {
      folderUri: 'file:///no/such/folder',
      request: { kind: 'start-alignment', packagePath: 'pkg/search' },
    });
    await assert.rejects(unknownFolder, (error: unknown) => error instanceof ResponseError && /no workspace folder/.test(error.message));
    // Sent by method name, as a client with another idea of the payload would.
    const malformed = client.connection.sendRequest(StateTransitionRequest.method, {
      folderUri: fileUri(missing),
      request: { kind: 'mark-verified', packagePath: 'pkg/index', fingerprint: 'chosen by the client' },
    });
    await assert.rejects(malformed, (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams);
    assert.equal(readState(missing).packages['pkg/index'], undefined);
  });
});
