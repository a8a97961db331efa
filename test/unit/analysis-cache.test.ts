// The analysis cache (reuseAnalysis, the CLI's audits): an unchanged workspace
// replays the stored analysis and diagnostics, and whatever changed (a file's
// content or only its mtime, a new file, a setting, the state file, a deleted
// file, the code) the report equals a cold run's. A planted entry proves what
// is replayed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { after, before, describe, it } from 'node:test';
import type { Report } from '../../common/schemas/report';
import { rootCacheDir } from '../../server/src/engine/cache/factCache';
import { Engine } from '../../server/src/engine/engine';
import { EXAMPLES_DIR, FIXTURES_DIR, writeFile } from './helpers/fixtures';

const NOW = new Date('2025-01-01T00:00:00.000Z');
const PLANTED = 'planted-by-the-test';

interface Workspace {
  root: string;
  cacheDir: string;
}

function copyOf(source: string): Workspace {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'gocomply-analysis-cache-'));
  const root = path.join(base, 'ws');
  fs.cpSync(source, root, { recursive: true });
  return { root, cacheDir: path.join(base, 'cache') };
}

async function audit(ws: Workspace, cached: boolean): Promise<Report> {
  const engine = await Engine.open(ws.root, { cacheDir: cached ? ws.cacheDir : null, workers: 0, reuseAnalysis: cached });
  try {
    return engine.report(undefined, NOW);
  } finally {
    engine.dispose();
  }
}

function storedFile(ws: Workspace): string {
  return path.join(rootCacheDir(ws.cacheDir, ws.root), 'analysis.bin');
}

/** Rewrites the stored analysis (same key) with a planted span starter: a replay shows it. */
function plant(ws: Workspace): void {
  const stored: unknown = v8.deserialize(fs.readFileSync(storedFile(ws)));
  assert.ok(typeof stored === 'object' && stored !== null && 'result' in stored);
  const result = stored.result;
  assert.ok(typeof result === 'object' && result !== null && 'analysis' in result);
  const analysis = result.analysis;
  assert.ok(typeof analysis === 'object' && analysis !== null && 'spanStarters' in analysis);
  analysis.spanStarters = [PLANTED];
  fs.writeFileSync(storedFile(ws), v8.serialize(stored));
}

describe('the analysis cache', () => {
  let ws: Workspace;
  before(() => {
    ws = copyOf(EXAMPLES_DIR);
  });
  after(() => fs.rmSync(path.dirname(ws.root), { recursive: true, force: true }));

  it('is written by an audit, and replayed by the next one over the same inputs', async () => {
    const cold = await audit(ws, false);
    assert.deepEqual(await audit(ws, true), cold);
    assert.ok(fs.existsSync(storedFile(ws)), 'analysis.bin is written');
    assert.deepEqual(await audit(ws, true), cold, 'the replayed analysis reports as the computed one');
    plant(ws);
    assert.deepEqual((await audit(ws, true)).spanStarters, [PLANTED], 'the stored analysis is what is reported');
  });

  const changes: [string, () => void][] = [
    ['a changed file', () => fs.appendFileSync(path.join(ws.root, 'pkg/llms/llms.go'), '\nfunc (c *Client) Probe(ctx context.Context) error {\n\treturn ctx.Err()\n}\n')],
    ['a file touched (same bytes, new mtime)', () => fs.utimesSync(path.join(ws.root, 'pkg/llms/llms.go'), new Date(), new Date(Date.now() + 5_000))],
    ['a new file that is not Go', () => writeFile(ws.root, 'pkg/llms/NOTES.md', '# notes\n')],
    ['a changed setting', () => writeFile(ws.root, '.gocomply.json', JSON.stringify({ requiredFiles: ['config.go', 'README.md'] }))],
    [
      'a changed state file',
      () => writeFile(ws.root, '.gocomply/state.json', JSON.stringify({ version: 1, packages: { 'pkg/llms': { status: 'IN_PROGRESS', updatedAt: '2025-01-01T00:00:00Z' } } })),
    ],
    ['a state file that does not parse', () => writeFile(ws.root, '.gocomply/state.json', '{ not json')],
    ['a changed coverage profile', () => writeFile(ws.root, 'coverage.out', 'mode: set\ngithub.com/example/aiframework/pkg/llms/llms.go:1.1,2.2 1 1\n')],
    ['a deleted file', () => fs.rmSync(path.join(ws.root, 'pkg/llms/tracing.go'))],
  ];
  for (const [what, change] of changes) {
    it(`after ${what}, reports as a cold run`, async () => {
      await audit(ws, true);
      plant(ws);
      change();
      const warm = await audit(ws, true);
      assert.notDeepEqual(warm.spanStarters, [PLANTED]);
      assert.deepEqual(warm, await audit(ws, false));
    });
  }

  it('stored by other code (another key), is not replayed', async () => {
    await audit(ws, true);
    const stored: unknown = v8.deserialize(fs.readFileSync(storedFile(ws)));
    assert.ok(typeof stored === 'object' && stored !== null && 'key' in stored && 'result' in stored);
    fs.writeFileSync(storedFile(ws), v8.serialize({ ...stored, key: 'another-engine' }));
    plant(ws);
    const warm = await audit(ws, true);
    assert.notDeepEqual(warm.spanStarters, [PLANTED]);
    assert.deepEqual(warm, await audit(ws, false));
  });

  it('is ignored when it does not deserialize', async () => {
    fs.writeFileSync(storedFile(ws), 'not v8 data');
    assert.deepEqual(await audit(ws, true), await audit(ws, false));
  });
});

describe('a replayed analysis', () => {
  const fixtures = fs.readdirSync(FIXTURES_DIR).filter((name) => fs.existsSync(path.join(FIXTURES_DIR, name, 'go.mod')));
  for (const name of fixtures) {
    it(`equals the computed one (${name})`, async () => {
      const ws = copyOf(path.join(FIXTURES_DIR, name));
      try {
        const open = () => Engine.open(ws.root, { cacheDir: ws.cacheDir, workers: 0, reuseAnalysis: true });
        const first = await open();
        const computed = first.analyze();
        first.dispose();
        const stored: unknown = v8.deserialize(fs.readFileSync(storedFile(ws)));
        assert.ok(typeof stored === 'object' && stored !== null && 'result' in stored);
        assert.deepStrictEqual(stored.result, computed, 'the stored result is the computed one, exactly');
        const second = await open();
        const replayed = second.analyze();
        second.dispose();
        assert.deepStrictEqual(replayed, computed);
      } finally {
        fs.rmSync(path.dirname(ws.root), { recursive: true, force: true });
      }
    });
  }
});
