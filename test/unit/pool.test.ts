// Parallel parsing: facts from the worker pool equal the main thread's, file
// by file, on every fixture; the engine's collection gives the same facts
// with and without workers; a closed pool takes no more work.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { collectFacts, PARALLEL_MIN_FILES } from '../../server/src/engine/facts/collect';
import { FactsPool } from '../../server/src/engine/facts/pool';
import { GoParser } from '../../server/src/engine/parser';
import { walkWorkspace, type FileStat } from '../../server/src/engine/workspace/walk';
import { FIXTURES_DIR } from './helpers/fixtures';

interface GoFile {
  /** Relative to FIXTURES_DIR. */
  file: string;
  text: string;
}

async function fixtureGoFiles(): Promise<{ files: GoFile[]; stats: [string, FileStat][] }> {
  const listing = await walkWorkspace(FIXTURES_DIR);
  const stats = [...listing.goFiles];
  const files = stats.map(([file]) => ({ file, text: fs.readFileSync(path.join(FIXTURES_DIR, file), 'utf8') }));
  return { files, stats };
}

describe('the fact worker pool', () => {
  let parser: GoParser;
  let files: GoFile[];
  let stats: [string, FileStat][];
  before(async () => {
    parser = await GoParser.create();
    ({ files, stats } = await fixtureGoFiles());
  });
  after(() => parser.dispose());

  it('extracts the same facts as the main thread, for every fixture file', async () => {
    assert.ok(files.length > 0, 'the fixtures have Go files');
    const pool = new FactsPool({ size: 2 });
    try {
      const fromPool = await Promise.all(files.map((job) => pool.extract(job)));
      files.forEach((job, index) => assert.deepEqual(fromPool[index], parser.extract(job.text), job.file));
    } finally {
      await pool.close();
    }
  });

  it('collects the same facts with workers as without', async () => {
    assert.ok(stats.length >= PARALLEL_MIN_FILES, `enough fixture files (${stats.length}) to start workers`);
    const options = { root: FIXTURES_DIR, files: stats, maxFileBytes: 1 << 30, parser: () => Promise.resolve(parser) };
    const parallel = await collectFacts({ ...options, workers: 2 });
    const serial = await collectFacts({ ...options, workers: 0 });
    assert.equal(parallel.size, stats.length);
    for (const [file] of stats) assert.deepEqual(parallel.get(file), serial.get(file), file);
  });

  it('stops collecting, workers and all, when aborted', async () => {
    const aborter = new AbortController();
    const collecting = collectFacts({
      root: FIXTURES_DIR,
      files: stats,
      maxFileBytes: 1 << 30,
      parser: () => Promise.resolve(parser),
      workers: 2,
      signal: aborter.signal,
    });
    aborter.abort();
    await assert.rejects(collecting, (error: unknown) => error instanceof Error && error.name === 'AbortError');
  });

  it('takes no work once closed', async () => {
    const pool = new FactsPool({ size: 2 });
    await pool.whenReady();
    await pool.close();
    await assert.rejects(pool.extract({ file: 'x.go', text: 'package x\n' }), /closed/);
  });
});
