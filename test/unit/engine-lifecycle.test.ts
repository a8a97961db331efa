// The engine with what lives outside the Go files: the status state file
// (spec §8) and the git baseline for backward compatibility (spec §7).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { STATE_FILE } from '../../server/src/engine/state';
import { GitFixture } from './helpers/compatRepo';
import { auditValid, diagnosticsOf, findPackage, fixturePath } from './helpers/fixtures';

const MEMORY = 'pkg/memory';

/** structure-full (one FULL package, pkg/memory) committed into a fresh git repository. */
function committedStructureFull(): GitFixture {
  const repo = GitFixture.create('main');
  fs.cpSync(fixturePath('structure-full'), repo.top, { recursive: true });
  repo.commit('baseline');
  return repo;
}

describe('backward compatibility in the report (trusted)', () => {
  let repo: GitFixture;
  before(() => {
    repo = committedStructureFull();
    // Load loses its ctx parameter: a changed parameter list, a breaking change.
    const file = path.join(repo.top, MEMORY, 'memory.go');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('func (b *Buffer) Load(ctx context.Context) ([]iface.Message, error) {', 'func (b *Buffer) Load(ctx context.Context, limit int) ([]iface.Message, error) {'));
  });
  after(() => repo.dispose());

  it('names the baseline and flags the changed signature on the method', async () => {
    const report = await auditValid(repo.top, { trusted: true });
    assert.equal(report.compatibility?.baselineRef, 'main');
    const breaks = diagnosticsOf(findPackage(report, 'memory'), 'compat/breaking-change');
    assert.equal(breaks.length, 1);
    assert.equal(breaks[0]?.file, `${MEMORY}/memory.go`);
    assert.match(breaks[0]?.message ?? '', /Load/);
  });

  it('an untrusted audit runs no git and says why in compatibility.notice', async () => {
    const report = await auditValid(repo.top);
    assert.match(report.compatibility?.notice ?? '', /trusted/);
    assert.deepEqual(diagnosticsOf(findPackage(report, 'memory'), 'compat/breaking-change'), []);
  });
});

describe('the state file in the report and its transitions', () => {
  let repo: GitFixture;
  before(() => {
    repo = committedStructureFull();
  });
  after(() => repo.dispose());

  it('a FULL package without an entry is COMPLETE; mark verified makes it VERIFIED', async () => {
    const engine = await Engine.open(repo.top);
    try {
      assert.equal(findPackage(engine.report(), 'memory').completionStatus, 'COMPLETE');
      const refused = await engine.transition({ kind: 'start-alignment', packagePath: MEMORY });
      assert.equal(refused.ok, false, 'start alignment is only for NOT_STARTED packages');
      const verified = await engine.transition({ kind: 'mark-verified', packagePath: MEMORY, fingerprint: 'f' });
      assert.equal(verified.ok, true);
      assert.equal(findPackage(engine.report(), 'memory').completionStatus, 'VERIFIED');
    } finally {
      engine.dispose();
    }
  });

  it('a verified package that is no longer FULL is IN_PROGRESS with state/regressed', async () => {
    fs.rmSync(path.join(repo.top, MEMORY, 'README.md'));
    const report = await auditValid(repo.top);
    const memory = findPackage(report, 'memory');
    assert.notEqual(memory.complianceStatus, 'FULL');
    assert.equal(memory.completionStatus, 'IN_PROGRESS');
    assert.equal(diagnosticsOf(memory, 'state/regressed').length, 1);
  });

  it('a state file that does not parse is state/invalid on that file, and a transition leaves it untouched', async () => {
    const file = path.join(repo.top, STATE_FILE);
    fs.writeFileSync(file, '{ "version": 1, "packages": { "pkg/memory": { "status": "DONE" } } }');
    const before = fs.readFileSync(file);
    const engine = await Engine.open(repo.top);
    try {
      const report = engine.report();
      assert.ok(report.diagnostics.some((d) => d.rule === 'state/invalid' && d.file === STATE_FILE));
      const result = await engine.transition({ kind: 'start-alignment', packagePath: MEMORY });
      assert.equal(result.ok, false);
      assert.deepEqual(fs.readFileSync(file), before);
    } finally {
      engine.dispose();
    }
  });
});
