// Which baseline is compared against (compat.baselineRef, else origin/main,
// then main, then HEAD), and every way of not comparing at all degrading to a
// notice: untrusted, git absent, not a repository, no commit, unknown ref.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { contentHash } from '../../server/src/engine/cache/factCache';
import { computeCompat, UNTRUSTED_NOTICE, type CompatResult } from '../../server/src/engine/compat/index';
import type { FileFacts } from '../../server/src/engine/facts/types';
import { currentPackages, GitFixture, recordingGit } from './helpers/compatRepo';
import { useParser } from './facts-support';

const parser = useParser();
const PKG = 'pkg/a';
const V1 = 'package a\n\nfunc F(x int) {}\n';
const V2 = 'package a\n\nfunc F(x int, y int) {}\n';
const V3 = 'package a\n\nfunc F(x int, y int, z int) {}\n';

const fixtures: GitFixture[] = [];
after(() => fixtures.forEach((fixture) => fixture.dispose()));

/** A repository whose branch `branch` has one commit per version, HEAD at the last. */
function repoWith(versions: string[], branch = 'main'): { repo: GitFixture; commits: string[] } {
  const repo = GitFixture.create(branch);
  fixtures.push(repo);
  const commits = versions.map((text, i) => {
    repo.write({ [`${PKG}/a.go`]: text });
    return repo.commit(`v${i + 1}`);
  });
  return { repo, commits };
}

function run(root: string, options: { ref?: string; trusted?: boolean; git?: string; dirs?: string[] } = {}): Promise<CompatResult> {
  return computeCompat({
    root,
    trusted: options.trusted ?? true,
    ref: options.ref,
    packages: currentPackages(root, options.dirs ?? [PKG], parser()),
    parser: parser(),
    ...(options.git !== undefined ? { git: options.git } : {}),
  });
}

/** `F`'s signature at the baseline, read from the change the diff reports (undefined when unchanged). */
function baselineSignatureOfF(result: CompatResult): string | undefined {
  return result.perPackage.get(PKG)?.changes.find((c) => c.name === 'F')?.before;
}

describe('baseline ref resolution', () => {
  it('prefers origin/main over main, and compares the work tree with it', async () => {
    const { repo, commits } = repoWith([V1, V2]);
    repo.git('update-ref', 'refs/remotes/origin/main', commits[0] ?? '');
    const result = await run(repo.top);
    assert.equal(result.baseline?.ref, 'origin/main');
    assert.equal(result.baseline?.commit, commits[0]);
    assert.equal(baselineSignatureOfF(result), '(int)');
  });

  it('falls back to main, which may be behind the checked-out branch', async () => {
    const { repo } = repoWith([V1]);
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({ [`${PKG}/a.go`]: V2 });
    repo.commit('on the branch');
    const result = await run(repo.top);
    assert.equal(result.baseline?.ref, 'main');
    assert.equal(baselineSignatureOfF(result), '(int)');
  });

  it('falls back to HEAD when neither origin/main nor main exists', async () => {
    const { repo, commits } = repoWith([V1, V2], 'trunk');
    repo.write({ [`${PKG}/a.go`]: V3 });
    const result = await run(repo.top);
    assert.deepEqual(result.baseline, { ref: 'HEAD', commit: commits[1] });
    assert.equal(baselineSignatureOfF(result), '(int, int)');
  });

  it('uses compat.baselineRef when set (a tag here), even when main exists', async () => {
    const { repo } = repoWith([V1, V2]);
    repo.git('tag', 'v1', 'HEAD~1');
    const result = await run(repo.top, { ref: 'v1' });
    assert.equal(result.baseline?.ref, 'v1');
    assert.equal(baselineSignatureOfF(result), '(int)');
    assert.equal(baselineSignatureOfF(await run(repo.top)), undefined, 'against main nothing changed');
  });

  it('gives a notice, not a fallback, when compat.baselineRef names nothing', async () => {
    const { repo } = repoWith([V1]);
    const result = await run(repo.top, { ref: 'release-9' });
    assert.match(result.notice ?? '', /'release-9' \(compat\.baselineRef\) does not name a commit/);
    assert.deepEqual(result.perPackage.get(PKG), { changes: [], findings: [], breakingChanges: [], textOnlyWorkflowsSupported: true });
  });

  it('gives a notice in a repository without commits', async () => {
    const repo = GitFixture.create();
    fixtures.push(repo);
    repo.write({ [`${PKG}/a.go`]: V1 });
    const result = await run(repo.top);
    assert.match(result.notice ?? '', /none of 'origin\/main', 'main', 'HEAD' names a commit/);
  });
});

describe('runs that degrade to a notice', () => {
  it('never starts git in an untrusted workspace', async () => {
    const { repo } = repoWith([V1, V2]);
    const fake = recordingGit();
    try {
      const result = await run(repo.top, { trusted: false, git: fake.git });
      assert.equal(result.notice, UNTRUSTED_NOTICE);
      assert.equal(fake.wasRun(), false);
      assert.equal(result.perPackage.get(PKG)?.findings.length, 0);
      // The same fake git, trusted: it is run (and fails), so the check above means something.
      assert.match((await run(repo.top, { trusted: true, git: fake.git })).notice ?? '', /not in a git repository/);
      assert.equal(fake.wasRun(), true);
    } finally {
      fake.dispose();
    }
  });

  it('reports git as absent when PATH has no git', async () => {
    const { repo } = repoWith([V1]);
    repo.write({ [`${PKG}/a.go`]: V2 });
    const emptyBin = fs.mkdtempSync(path.join(os.tmpdir(), 'gocomply-nogit-'));
    const savedPath = process.env['PATH'];
    process.env['PATH'] = emptyBin;
    try {
      const result = await run(repo.top);
      assert.equal(result.notice, 'backward compatibility skipped: git was not found');
      assert.equal(result.perPackage.get(PKG)?.breakingChanges.length, 0);
    } finally {
      process.env['PATH'] = savedPath;
      fs.rmSync(emptyBin, { recursive: true, force: true });
    }
  });

  it('reports a folder that is not in a repository', async () => {
    const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gocomply-norepo-')));
    fs.mkdirSync(path.join(folder, PKG), { recursive: true });
    fs.writeFileSync(path.join(folder, PKG, 'a.go'), V1);
    const savedCeiling = process.env['GIT_CEILING_DIRECTORIES'];
    // Stop git's upward search at the temp folder's parent, wherever it is.
    process.env['GIT_CEILING_DIRECTORIES'] = path.dirname(folder);
    try {
      const result = await run(folder);
      assert.match(result.notice ?? '', /^backward compatibility skipped: the workspace is not in a git repository/);
    } finally {
      if (savedCeiling === undefined) delete process.env['GIT_CEILING_DIRECTORIES'];
      else process.env['GIT_CEILING_DIRECTORIES'] = savedCeiling;
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('packages and folders', () => {
  it('gives a nested framework package its own files, and a new package only additions', async () => {
    const repo = GitFixture.create();
    fixtures.push(repo);
    repo.write({ 'pkg/voice/voice.go': 'package voice\n\nfunc Speak(text string) {}\n', 'pkg/voice/stt/stt.go': 'package stt\n\nfunc Listen() string { return "" }\n' });
    repo.commit('baseline');
    repo.write({ 'pkg/voice/stt/stt.go': 'package stt\n\nfunc Listen() ([]byte, error) { return nil, nil }\n', 'pkg/video/video.go': 'package video\n\nfunc Play() {}\n' });
    const result = await run(repo.top, { dirs: ['pkg/voice', 'pkg/voice/stt', 'pkg/video'] });
    assert.deepEqual(result.perPackage.get('pkg/voice')?.changes, []);
    assert.deepEqual(result.perPackage.get('pkg/voice/stt')?.changes.map((c) => [c.name, c.kind, c.dir]), [['Listen', 'signature-changed', 'pkg/voice/stt']]);
    assert.equal(result.perPackage.get('pkg/voice/stt')?.textOnlyWorkflowsSupported, true);
    assert.deepEqual(result.perPackage.get('pkg/video')?.changes.map((c) => [c.name, c.kind, c.breaking]), [['Play', 'added', false]]);
  });

  it('parses each baseline blob once when a cache is kept across runs', async () => {
    const { repo } = repoWith([V1]);
    repo.write({ [`${PKG}/a.go`]: V2 });
    const cache = new Map<string, FileFacts>();
    const options = { root: repo.top, trusted: true, packages: currentPackages(repo.top, [PKG], parser()), parser: parser(), cache };
    const first = await computeCompat(options);
    const blob = repo.git('rev-parse', `main:${PKG}/a.go`).trim();
    assert.deepEqual([...cache.keys()], [blob]);
    assert.equal(baselineSignatureOfF(first), '(int)');
    // A planted entry proves the second run reads the cache instead of git.
    cache.set(blob, parser().extract(V3));
    assert.equal(baselineSignatureOfF(await computeCompat(options)), '(int, int, int)');
  });

  it('takes known facts for a blob with the same bytes, and makes no parser when nothing is left to parse', async () => {
    const { repo } = repoWith([V1, V2]);
    const hash = contentHash(Buffer.from(V2));
    const known = new Map<string, FileFacts>([[hash, parser().extract(V3)]]);
    let parsersMade = 0;
    const result = await computeCompat({
      root: repo.top,
      trusted: true,
      packages: currentPackages(repo.top, [PKG], parser()),
      parser: () => {
        parsersMade += 1;
        return Promise.resolve(parser());
      },
      known: Promise.resolve({ get: (h: string) => known.get(h), put: (h: string, facts: FileFacts) => void known.set(h, facts) }),
    });
    // The planted facts (V3's) stand for the baseline's bytes (V2's): known facts were used, nothing parsed.
    assert.equal(baselineSignatureOfF(result), '(int, int, int)');
    assert.equal(parsersMade, 0);
  });

  it('parses a blob no one knows, and hands its facts back', async () => {
    const { repo } = repoWith([V1]);
    repo.write({ [`${PKG}/a.go`]: V2 });
    const known = new Map<string, FileFacts>();
    const result = await computeCompat({
      root: repo.top,
      trusted: true,
      packages: currentPackages(repo.top, [PKG], parser()),
      parser: () => Promise.resolve(parser()),
      known: { get: (h: string) => known.get(h), put: (h: string, facts: FileFacts) => void known.set(h, facts) },
    });
    assert.equal(baselineSignatureOfF(result), '(int)');
    assert.deepEqual([...known.keys()], [contentHash(Buffer.from(V1))]);
  });
});
