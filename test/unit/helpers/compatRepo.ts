// Git fixture repositories for the compat tests, built in a temp folder by the
// tests themselves: write Go files, commit, edit. Commits pass the identity on
// the command line so no global git config is needed. Also reads the current
// packages' facts the way the engine hands them to computeCompat.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompatPackage } from '../../../server/src/engine/compat/index';
import type { GoParser } from '../../../server/src/engine/parser';

const QUIET_GIT_ENV = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };

export class GitFixture {
  private constructor(readonly top: string) {}

  /** A new repository in a temp folder, on branch `branch`. */
  static create(branch = 'main'): GitFixture {
    const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gocomply-compat-')));
    const fixture = new GitFixture(top);
    fixture.git('init', '-q', '-b', branch);
    return fixture;
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-C', this.top, ...args], { env: QUIET_GIT_ENV, encoding: 'utf8' });
  }

  /** Writes files (paths from the top level); `null` deletes one. */
  write(files: Record<string, string | null>): void {
    for (const [rel, text] of Object.entries(files)) {
      const file = path.join(this.top, rel);
      if (text === null) {
        fs.rmSync(file, { force: true });
        continue;
      }
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }

  /** Stages everything and commits; returns the commit id. */
  commit(message: string): string {
    this.git('add', '-A');
    this.git('-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  read(rel: string): string {
    return fs.readFileSync(path.join(this.top, rel), 'utf8');
  }

  /**
   * Everything a careless reader could change: every work-tree file's bytes,
   * the index file's bytes, HEAD and the refs, and `git status --porcelain`.
   */
  snapshot(): string {
    const hash = createHash('sha256');
    for (const rel of listFiles(this.top, '')) {
      if (rel.startsWith('.git/') && !['.git/index', '.git/HEAD', '.git/packed-refs'].includes(rel) && !rel.startsWith('.git/refs/')) continue;
      hash.update(`${rel}\0`).update(fs.readFileSync(path.join(this.top, rel))).update('\0');
    }
    hash.update(this.git('status', '--porcelain=v1', '--untracked-files=all'));
    return hash.digest('hex');
  }

  dispose(): void {
    fs.rmSync(this.top, { recursive: true, force: true });
  }
}

function listFiles(root: string, rel: string): string[] {
  const entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  return entries.flatMap((entry) => {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) return listFiles(root, child);
    return entry.isFile() ? [child] : [];
  });
}

/**
 * The packages at `packageDirs` (workspace-relative) with their current files'
 * facts; each `.go` file goes to the deepest package folder holding it, as the
 * engine assigns them. No anchor: computeCompat falls back to the first file.
 */
export function currentPackages(root: string, packageDirs: string[], parser: GoParser): CompatPackage[] {
  const deepestFirst = [...packageDirs].sort((a, b) => b.length - a.length);
  const packages = new Map<string, CompatPackage>(packageDirs.map((dir) => [dir, { dir, name: dir.split('/').slice(1).join('/'), files: [] }]));
  for (const dir of packageDirs) {
    for (const rel of listFiles(root, dir)) {
      if (!rel.endsWith('.go')) continue;
      const owner = deepestFirst.find((candidate) => rel.startsWith(`${candidate}/`));
      if (owner !== dir) continue;
      packages.get(dir)?.files.push([rel, parser.extract(fs.readFileSync(path.join(root, rel), 'utf8'))]);
    }
  }
  return [...packages.values()];
}

/** A folder holding only a `git` script that records being run, to prove git was never started. */
export function recordingGit(): { git: string; wasRun: () => boolean; dispose: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gocomply-fakegit-'));
  const marker = path.join(dir, 'ran');
  const git = path.join(dir, 'git');
  fs.writeFileSync(git, `#!/bin/sh\necho "$@" >> '${marker}'\nexit 1\n`, { mode: 0o755 });
  return { git, wasRun: () => fs.existsSync(marker), dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function assertDefined<T>(value: T | undefined, what: string): T {
  assert.ok(value !== undefined, `${what} is missing`);
  return value;
}
