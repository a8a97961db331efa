// Fixture workspaces for the LSP tests: copies of test/fixtures/<case> in a
// temp folder (tests write to them), and what the engine itself reports for
// a folder, computed in-process, to compare the server's output with.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Report } from '../../../common/schemas/report';
import { Engine } from '../../../server/src/engine/engine';
import type { EngineDiagnostic } from '../../../server/src/engine/rules/finding';
import { REPO_ROOT, SERVER_BUNDLE } from './client';

export const FIXTURES_DIR = path.join(REPO_ROOT, 'test', 'fixtures');

/** A fresh copy of fixture `name`; removed by `removeWorkspace`. */
export function copyFixture(name: string): string {
  const source = path.join(FIXTURES_DIR, name);
  assert.ok(fs.existsSync(path.join(source, 'go.mod')), `no fixture module ${name}`);
  const target = fs.mkdtempSync(path.join(os.tmpdir(), `gocomply-lsp-${name}-`));
  fs.cpSync(source, target, { recursive: true });
  return target;
}

export function removeWorkspace(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/** The engine's own diagnostics for `root`, opened in-process the way the CLI does. */
export async function engineDiagnostics(root: string): Promise<EngineDiagnostic[]> {
  const engine = await Engine.open(root);
  try {
    return engine.analyze().diagnostics;
  } finally {
    engine.dispose();
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Why a comparison of the bundle with the in-process engine may fail for no
 * fault of the server: sources edited after the last build.
 */
export function bundleStaleness(): string {
  const built = fs.statSync(SERVER_BUNDLE).mtimeMs;
  const edited = Math.max(newestSource(path.join(REPO_ROOT, 'server', 'src')), newestSource(path.join(REPO_ROOT, 'common')));
  return edited > built ? ' (dist/server.js is older than the sources: run `npm run build`)' : '';
}

/** The engine's JSON report for `root`, computed in-process. */
export async function engineReport(root: string): Promise<Report> {
  const engine = await Engine.open(root);
  try {
    return engine.report();
  } finally {
    engine.dispose();
  }
}

/** 0-based line of the first line of `file` containing `needle`. */
export function lineOf(file: string, needle: string): number {
  const line = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} not found in ${file}`);
  return line;
}

export const gofmtAvailable = spawnSync('gofmt', ['-l', os.tmpdir()], { stdio: 'ignore' }).error === undefined;

/** `gofmt -l` output for the files (empty when they are formatted); throws on parse errors (`-e`). */
export function gofmtUnformatted(files: string[]): string {
  const run = spawnSync('gofmt', ['-l', '-e', ...files], { encoding: 'utf8' });
  assert.equal(run.status, 0, `gofmt failed on ${files.join(', ')}:\n${run.stderr}`);
  return run.stdout.trim();
}
