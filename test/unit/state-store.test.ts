// Reading and writing `.gocomply/state.json`: a missing file, a valid one, a
// corrupt one (state/invalid, located, never overwritten), atomic writes and
// the cross-process lock file.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { emptyState, providerKey, type StateFile } from '../../common/schemas/state';
import { applyTransition, readState, serializeState, statePaths, writeState, type TransitionResult } from '../../server/src/engine/state/index';

const NOW = '2024-06-01T12:00:00.000Z';
let root = '';

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gocomply-state-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function writeStateText(text: string): string {
  const { dir, file } = statePaths(root);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function planProvider(providerName: string): (state: StateFile) => TransitionResult {
  return (state) =>
    applyTransition(state, { kind: 'plan-provider', packagePath: 'pkg/llms', providerName }, { now: NOW, packages: { 'pkg/llms': 'NOT_STARTED' }, providers: {}, multimodal: {} });
}

function stateDirEntries(): string[] {
  return fs.readdirSync(statePaths(root).dir).sort();
}

describe('readState', () => {
  it('gives an empty, readable state when there is no file', async () => {
    assert.deepEqual(await readState(root), { state: emptyState(), findings: [], readable: true });
  });

  it('reads a valid file, filling absent records', async () => {
    writeStateText(JSON.stringify({ version: 1, packages: { 'pkg/llms': { status: 'VERIFIED', fingerprint: 'abc', updatedAt: NOW } } }));
    const read = await readState(root);
    assert.equal(read.readable, true);
    assert.deepEqual(read.findings, []);
    assert.deepEqual(read.state, { version: 1, packages: { 'pkg/llms': { status: 'VERIFIED', fingerprint: 'abc', updatedAt: NOW } }, providers: {}, multimodal: {} });
  });

  it('reports invalid JSON as state/invalid where the parser stopped', async () => {
    writeStateText('{\n  "version": 1,\n  "packages": {\n');
    const read = await readState(root);
    assert.equal(read.readable, false);
    assert.deepEqual(read.state, emptyState());
    const [finding] = read.findings;
    assert.equal(read.findings.length, 1);
    assert.equal(finding?.rule, 'state/invalid');
    assert.equal(finding?.file, '.gocomply/state.json');
    assert.match(finding?.message ?? '', /is not valid JSON/);
    assert.equal(finding?.range.start.line, 3);
  });

  it('reports each schema problem with its path, on the offending key', async () => {
    const text = [
      '{',
      '  "version": 1,',
      '  "packages": {',
      '    "pkg/llms": { "status": "DONE", "updatedAt": "2024-06-01T12:00:00.000Z" },',
      '    "pkg/voice": { "status": "IN_PROGRESS", "updatedAt": "yesterday", "stauts": "x" }',
      '  }',
      '}',
    ].join('\n');
    writeStateText(text);
    const read = await readState(root);
    assert.equal(read.readable, false);
    const byPath = new Map(read.findings.map((finding) => [finding.message.split(':')[0], finding]));
    assert.deepEqual([...byPath.keys()].sort(), ['packages["pkg/llms"].status', 'packages["pkg/voice"]', 'packages["pkg/voice"].updatedAt']);
    assert.deepEqual(byPath.get('packages["pkg/llms"].status')?.range, { start: { line: 3, character: 18 }, end: { line: 3, character: 26 } });
    assert.deepEqual(byPath.get('packages["pkg/voice"]')?.range.start, { line: 4, character: text.split('\n')[4]?.indexOf('"stauts"') });
    assert.match(byPath.get('packages["pkg/voice"]')?.message ?? '', /stauts/);
    for (const finding of read.findings) assert.equal(finding.rule, 'state/invalid');
  });

  it('says what form a bad record key should have', async () => {
    writeStateText('{ "version": 1, "providers": { "openai": { "status": "PLANNED", "updatedAt": "2024-06-01T12:00:00Z" } } }');
    const [finding] = (await readState(root)).findings;
    assert.match(finding?.message ?? '', /^providers\.openai: invalid key: a provider key is "<packagePath>\/<providerName>"/);
    assert.deepEqual(finding?.range.start, { line: 0, character: 31 });
  });

  it('reports a state file it cannot read at all, and never writes over it', async () => {
    fs.mkdirSync(statePaths(root).file, { recursive: true }); // a folder where the file should be
    const read = await readState(root);
    assert.equal(read.readable, false);
    assert.match(read.findings[0]?.message ?? '', /\.gocomply\/state\.json cannot be read/);
    assert.equal((await writeState(root, planProvider('openai'))).ok, false);
    assert.ok(fs.statSync(statePaths(root).file).isDirectory());
  });

  it('refuses another version with a message that says which one it reads', async () => {
    writeStateText('{ "version": 2, "packages": {} }');
    const read = await readState(root);
    assert.equal(read.readable, false);
    assert.match(read.findings[0]?.message ?? '', /^version: unsupported version; this gocomply reads state files of version 1/);
  });
});

describe('writeState', () => {
  it('creates .gocomply/ and writes stable, sorted JSON atomically, leaving no temp or lock files', async () => {
    for (const name of ['openai', 'anthropic', 'bedrock']) assert.equal((await writeState(root, planProvider(name))).ok, true);
    const text = fs.readFileSync(statePaths(root).file, 'utf8');
    const read = await readState(root);
    assert.deepEqual(Object.keys(read.state.providers), ['anthropic', 'bedrock', 'openai'].map((name) => providerKey('pkg/llms', name)));
    assert.equal(text, serializeState(read.state));
    assert.deepEqual(stateDirEntries(), ['state.json']);
  });

  it('returns a refused update without writing anything', async () => {
    const result = await writeState(root, () => ({ ok: false, message: 'no' }));
    assert.deepEqual(result, { ok: false, message: 'no' });
    assert.equal(fs.existsSync(statePaths(root).file), false);
  });

  it('never writes over a file it could not parse, and leaves it byte for byte', async () => {
    const file = writeStateText('{ "version": 1, "packages": { "pkg/llms": { "status": "DONE" } } } // hand-edited\n');
    const before = fs.readFileSync(file);
    const result = await writeState(root, planProvider('openai'));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.message, /\.gocomply\/state\.json was left unchanged because it does not parse; fix or delete it first\. .*not valid JSON/);
    assert.deepEqual(fs.readFileSync(file), before);
    assert.deepEqual(stateDirEntries(), ['state.json']);
  });

  it('does not write a state the schema rejects', async () => {
    const result = await writeState(root, (state) => ({ ok: true, state: { ...state, packages: { '/abs': { status: 'IN_PROGRESS', updatedAt: NOW } } } }));
    assert.equal(result.ok, false);
    assert.equal(fs.existsSync(statePaths(root).file), false);
  });

  it('releases its locks when the update throws, without failing the writes queued behind it', async () => {
    const failing = writeState(root, () => {
      throw new Error('boom');
    });
    const queued = writeState(root, planProvider('openai'));
    await assert.rejects(failing, /boom/);
    assert.equal((await queued).ok, true);
    assert.equal((await writeState(root, planProvider('gemini'))).ok, true);
    assert.deepEqual(stateDirEntries(), ['state.json']);
  });

  it('loses no update among 20 parallel writers in one process', async () => {
    const names = Array.from({ length: 20 }, (_, index) => `provider${index}`);
    const results = await Promise.all(names.map((name) => writeState(root, planProvider(name))));
    assert.ok(results.every((result) => result.ok));
    const { state } = await readState(root);
    assert.deepEqual(Object.keys(state.providers).sort(), names.map((name) => providerKey('pkg/llms', name)).sort());
    assert.deepEqual(stateDirEntries(), ['state.json']);
  });
});

describe('the lock file', () => {
  it('is taken over when stale (its holder died)', async () => {
    const { dir, lock } = statePaths(root);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(lock, '999999 dead-writer');
    const minuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, minuteAgo, minuteAgo);
    assert.equal((await writeState(root, planProvider('openai'))).ok, true);
    assert.deepEqual(stateDirEntries(), ['state.json']);
  });

  it('makes a writer give up with a message when another holds it for too long, and is not deleted by it', async () => {
    const { dir, lock } = statePaths(root);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(lock, '4242 live-writer');
    const result = await writeState(root, planProvider('openai'), { staleMs: 60_000, timeoutMs: 40 });
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.message, /state\.json\.lock is still held by another writer \(process 4242\) after waiting 40 ms/);
    assert.equal(fs.readFileSync(lock, 'utf8'), '4242 live-writer');
    assert.equal(fs.existsSync(statePaths(root).file), false);
  });
});
