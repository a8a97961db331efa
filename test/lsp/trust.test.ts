// Workspace Trust reaches the engine through the client's initialization
// options: only a trusted workspace runs git to compare with the baseline.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestClient } from './helpers/client';
import { copyFixture, removeWorkspace } from './helpers/workspace';

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent' };

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { env: GIT_ENV, stdio: 'ignore' });
}

describe('Workspace Trust and the compat baseline', { timeout: 60_000 }, () => {
  let root: string;
  let memoryGo: string;

  before(() => {
    root = copyFixture('structure-full');
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'baseline');
    memoryGo = path.join(root, 'pkg', 'memory', 'memory.go');
    // Load gains a parameter: a breaking change against main.
    const text = fs.readFileSync(memoryGo, 'utf8');
    fs.writeFileSync(memoryGo, text.replace('Load(ctx context.Context)', 'Load(ctx context.Context, limit int)'));
  });

  after(() => removeWorkspace(root));

  async function breakingChanges(initializationOptions: unknown): Promise<number> {
    const client = await TestClient.start({ folders: [root], initializationOptions });
    try {
      await client.waitForStatus((s) => s.state === 'ready');
      return client.diagnosticsOf(memoryGo).filter((d) => d.code === 'compat/breaking-change').length;
    } finally {
      client.kill();
    }
  }

  it('a trusted workspace reports the breaking change', async () => {
    assert.equal(await breakingChanges({ trusted: true }), 1);
  });

  it('an untrusted workspace, or a client that says nothing, runs no git and reports none', async () => {
    assert.equal(await breakingChanges({ trusted: false }), 0);
    assert.equal(await breakingChanges(undefined), 0);
  });
});
