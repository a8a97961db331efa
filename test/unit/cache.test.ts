// The fact cache: a warm start parses only what changed, and whatever changed
// (a file, a setting, the engine version, a deleted file) the report equals a
// cold run's. Reports are compared whole, generatedAt fixed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { VERSION } from '../../common/version';
import type { Report } from '../../common/schemas/report';
import { contentHash, rootCacheDir } from '../../server/src/engine/cache/factCache';
import { cacheIdentity, describeIdentity } from '../../server/src/engine/cache/identity';
import { Engine } from '../../server/src/engine/engine';
import { FACTS_SCHEMA_VERSION } from '../../server/src/engine/facts/schemaVersion';
import { GoParser } from '../../server/src/engine/parser';
import { EXAMPLES_DIR, writeFile } from './helpers/fixtures';

const NOW = new Date('2025-01-01T00:00:00.000Z');

interface Workspace {
  root: string;
  cacheDir: string;
}

function copyExamples(): Workspace {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'gocomply-cache-'));
  const root = path.join(base, 'examples');
  fs.cpSync(EXAMPLES_DIR, root, { recursive: true });
  return { root, cacheDir: path.join(base, 'cache') };
}

/** A parser that counts the files it extracts. */
async function countingParser(): Promise<{ parser: GoParser; count: () => number }> {
  const parser = await GoParser.create();
  const extract = parser.extract.bind(parser);
  let count = 0;
  parser.extract = (text) => {
    count += 1;
    return extract(text);
  };
  return { parser, count: () => count };
}

/** Audits with everything parsed in the main thread by `parser`, so parsing can be counted. */
async function audit(root: string, cacheDir: string | null, parser?: GoParser): Promise<Report> {
  const engine = await Engine.open(root, { cacheDir, workers: 0, ...(parser ? { parser } : {}) });
  try {
    return engine.report(undefined, NOW);
  } finally {
    engine.dispose();
  }
}

function shardFiles(ws: Workspace): string[] {
  const dir = rootCacheDir(ws.cacheDir, ws.root);
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => path.join(dir, name)) : [];
}

/** Edits a shard's entries and seals it again (header sha1), so only the edit differs from a shard the engine wrote. */
function rewriteShard(file: string, edit: (text: string) => string): void {
  const bytes = fs.readFileSync(file);
  const headerEnd = bytes.indexOf(0x0a);
  const header: unknown = JSON.parse(bytes.toString('utf8', 0, headerEnd));
  assert.ok(typeof header === 'object' && header !== null);
  const body = Buffer.from(edit(bytes.toString('utf8', headerEnd + 1)));
  const sealed = { ...header, sha1: contentHash(body) };
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify(sealed)}\n`), body]));
}

function goFileCount(root: string): number {
  return fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.go')).length;
}

describe('the fact cache', () => {
  let ws: Workspace;
  let counter: Awaited<ReturnType<typeof countingParser>>;
  before(async () => {
    ws = copyExamples();
    counter = await countingParser();
  });
  after(() => {
    counter.parser.dispose();
    fs.rmSync(path.dirname(ws.root), { recursive: true, force: true });
  });

  it('is written as a few shard files, and a warm start parses no file', async () => {
    const cold = await audit(ws.root, null);
    const first = counter.count();
    assert.deepEqual(await audit(ws.root, ws.cacheDir, counter.parser), cold);
    assert.equal(counter.count() - first, goFileCount(ws.root), 'the first audit with a cache parses every file');
    const shards = shardFiles(ws);
    assert.ok(shards.length > 0 && shards.length <= 16, `${shards.length} cache files`);
    assert.ok(shards.every((f) => /facts-[0-9a-f]\.shard$/.test(f)), 'no temp file is left behind');
    const before = counter.count();
    assert.deepEqual(await audit(ws.root, ws.cacheDir, counter.parser), cold);
    assert.equal(counter.count(), before, 'the warm audit parses nothing');
  });

  it('is really read: a shard with changed facts changes the report', async () => {
    await audit(ws.root, ws.cacheDir);
    const cold = await audit(ws.root, null);
    const saved = shardFiles(ws).map((file) => [file, fs.readFileSync(file)] as const);
    for (const [file] of saved) rewriteShard(file, (text) => text.replace(/"name":"Generate"/g, '"name":"Renamed"'));
    assert.notDeepEqual(await audit(ws.root, ws.cacheDir), cold);
    for (const [file, bytes] of saved) fs.writeFileSync(file, bytes);
  });

  it('after a changed file, re-parses that file only and reports as a cold run', async () => {
    await audit(ws.root, ws.cacheDir);
    const file = path.join(ws.root, 'pkg/llms/llms.go');
    fs.appendFileSync(file, '\nfunc (c *Client) Probe(ctx context.Context) error {\n\treturn ctx.Err()\n}\n');
    const before = counter.count();
    const warm = await audit(ws.root, ws.cacheDir, counter.parser);
    assert.equal(counter.count() - before, 1);
    assert.deepEqual(warm, await audit(ws.root, null));
  });

  it('after a changed setting, reports as a cold run', async () => {
    const unchanged = await audit(ws.root, ws.cacheDir);
    writeFile(ws.root, '.gocomply.json', JSON.stringify({ requiredFiles: ['config.go', 'README.md'], tracing: { spanStarters: ['Generate'] } }));
    const warm = await audit(ws.root, ws.cacheDir);
    assert.notDeepEqual(warm, unchanged, 'the setting changes the report');
    assert.deepEqual(warm, await audit(ws.root, null));
  });

  it('after a deleted file, reports as a cold run', async () => {
    await audit(ws.root, ws.cacheDir);
    fs.rmSync(path.join(ws.root, 'pkg/llms/tracing.go'));
    const warm = await audit(ws.root, ws.cacheDir);
    assert.deepEqual(warm, await audit(ws.root, null));
  });

  it('written by another engine version, is not read', async () => {
    await audit(ws.root, ws.cacheDir);
    for (const file of shardFiles(ws)) {
      rewriteShard(file, (text) => text.replace(/"name":"Generate"/g, '"name":"Renamed"'));
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(cacheIdentity(), 'an-older-engine'));
    }
    const before = counter.count();
    const warm = await audit(ws.root, ws.cacheDir, counter.parser);
    assert.equal(counter.count() - before, goFileCount(ws.root), 'every file is parsed again');
    assert.deepEqual(warm, await audit(ws.root, null));
  });

  it('is keyed by the engine version, the facts schema version, the grammar and the code', () => {
    const identity = describeIdentity();
    assert.equal(identity.engine, VERSION);
    assert.equal(identity.factsSchema, FACTS_SCHEMA_VERSION);
    assert.match(identity.grammar, /^tree-sitter-go \d/);
    assert.match(identity.runtime, /^web-tree-sitter \d/);
    assert.match(identity.code, /^[0-9a-f]{64}$/);
  });

  for (const [what, corrupt] of [
    ['garbage', () => 'not json {'],
    ['a truncated shard', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['entries altered after writing', (text: string) => text.replace(/"lineCount":\d+/g, '"lineCount":"many"')],
    ['an entry line broken', (text: string) => text.replace(/\n(\S)/, '\n$1\n')],
    ['another format', () => JSON.stringify({ format: 'something-else', identity: cacheIdentity(), entries: {} })],
  ] as const) {
    it(`is ignored when its files hold ${what}`, async () => {
      await audit(ws.root, ws.cacheDir);
      for (const file of shardFiles(ws)) fs.writeFileSync(file, corrupt(fs.readFileSync(file, 'utf8')));
      const warm = await audit(ws.root, ws.cacheDir);
      assert.deepEqual(warm, await audit(ws.root, null));
    });
  }
});
