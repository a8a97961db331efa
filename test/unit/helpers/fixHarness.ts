// Shared helpers of the fix tests: open a fixture copy with the engine, plan
// fixes for its diagnostics, apply a plan to disk the way an editor applies a
// WorkspaceEdit, and check Go with gofmt (Debian's golang-go; .ci/run installs
// it). Without gofmt outside CI the gofmt checks skip; in CI they fail.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestContext } from 'node:test';
import { Engine, type EngineResult } from '../../../server/src/engine/engine';
import { applyChanges } from '../../../server/src/engine/fixes/apply';
import { diagnosticFixes } from '../../../server/src/engine/fixes/index';
import type { FixWorkspace, PlannedFix } from '../../../server/src/engine/fixes/plan';
import { fixWorkspace } from '../../../server/src/engine/fixes/workspace';
import type { EngineDiagnostic } from '../../../server/src/engine/rules/finding';
import { copyFixture, type FixtureCopy } from './fixtures';

export interface OpenedFixture {
  copy: FixtureCopy;
  engine: Engine;
  result: EngineResult;
  ws: FixWorkspace;
  /** Re-reads the disk after a plan was applied. */
  reopen(): Promise<OpenedFixture>;
  dispose(): void;
}

async function open(copy: FixtureCopy): Promise<OpenedFixture> {
  const engine = await Engine.open(copy.root, { workers: 0, trusted: false });
  const result = engine.analyze();
  return {
    copy,
    engine,
    result,
    ws: fixWorkspace(engine, result),
    reopen: async () => {
      engine.dispose();
      return open(copy);
    },
    dispose: () => {
      engine.dispose();
      copy.remove();
    },
  };
}

/** A fresh copy of fixture `name`, indexed and analysed. */
export function openFixtureCopy(name: string): Promise<OpenedFixture> {
  return open(copyFixture(name));
}

export function diagnosticsOfRule(result: EngineResult, rule: string, file?: string): EngineDiagnostic[] {
  return result.diagnostics.filter((d) => d.rule === rule && (file === undefined || d.file === file));
}

/** The one diagnostic of `rule` in `file` whose line contains `needle`. */
export function diagnosticAt(opened: OpenedFixture, rule: string, file: string, needle: string): EngineDiagnostic {
  const lines = readFile(opened.copy.root, file).split('\n');
  const matches = diagnosticsOfRule(opened.result, rule, file).filter((d) => lines[d.range.start.line]?.includes(needle));
  assert.equal(matches.length, 1, `${rule} in ${file} on a line with ${JSON.stringify(needle)}: found ${matches.length}`);
  return matches[0] as EngineDiagnostic;
}

/** The plans offered for `d`, as the lightbulb lists them. */
export function plansFor(opened: OpenedFixture, d: EngineDiagnostic): PlannedFix[] {
  return diagnosticFixes(d, opened.ws);
}

/** The plan offered for `d` that has `titlePart` in its title; fails when none has. */
export function planFor(opened: OpenedFixture, d: EngineDiagnostic, titlePart: string): PlannedFix {
  const plans = plansFor(opened, d);
  const plan = plans.find((p) => p.title.includes(titlePart));
  assert.ok(plan, `no fix titled like ${JSON.stringify(titlePart)} for ${d.rule} (offered: ${plans.map((p) => p.title).join(' | ') || 'none'})`);
  return plan;
}

/** The findings of `files` whose rule starts with `rulePrefix`, as `rule: message` (lines left out: a fix may shift them), sorted. */
export function findingsIn(result: EngineResult, files: string[], rulePrefix = ''): string[] {
  return result.diagnostics
    .filter((d) => files.includes(d.file) && d.rule.startsWith(rulePrefix))
    .map((d) => `${d.rule}: ${d.message}`)
    .sort();
}

/** `before` (from findingsIn) without one occurrence of each of `fixed`; fails when one was not there. */
export function withoutFixed(before: string[], fixed: EngineDiagnostic[]): string[] {
  const rest = [...before];
  for (const d of fixed) {
    const at = rest.indexOf(`${d.rule}: ${d.message}`);
    assert.notEqual(at, -1, `${d.rule}: ${d.message} was not there before`);
    rest.splice(at, 1);
  }
  return rest;
}

export function readFile(root: string, file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

/** Applies `plan` to the files under `root`; refuses to overwrite. Returns the files it wrote. */
export function applyPlan(root: string, plan: PlannedFix): string[] {
  const written: string[] = [];
  for (const creation of plan.creations) {
    const target = path.join(root, creation.file);
    assert.ok(!fs.existsSync(target), `${creation.file} exists: a fix must not overwrite it`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, creation.content);
    written.push(creation.file);
  }
  for (const { file, changes } of plan.changes) {
    fs.writeFileSync(path.join(root, file), applyChanges(readFile(root, file), changes));
    written.push(file);
  }
  return written;
}

let gofmtPath: string | null | undefined;

function findGofmt(): string | null {
  if (gofmtPath === undefined) {
    const probe = spawnSync('gofmt', ['-l', '/dev/null'], { encoding: 'utf8' });
    gofmtPath = probe.error ? null : 'gofmt';
  }
  return gofmtPath;
}

/** Skips the test when gofmt is missing outside CI; fails in CI, where .ci/run installs it. */
export function requireGofmt(t: TestContext): boolean {
  if (findGofmt() !== null) return true;
  assert.ok(process.env['CI'] !== 'true', 'gofmt is not installed; .ci/run installs golang-go');
  t.skip('gofmt not installed (apt-get install golang-go)');
  return false;
}

/** What gofmt says about `source`: undefined when it parses and is formatted as gofmt would. */
export function gofmtProblem(source: string): string | undefined {
  const run = spawnSync('gofmt', [], { input: source, encoding: 'utf8' });
  if (run.status !== 0) return `gofmt rejects it:\n${run.stderr}`;
  if (run.stdout !== source) return `not gofmt-clean; gofmt would write:\n${run.stdout}`;
  return undefined;
}

/** Every Go file `files` (relative to `root`) parses and is gofmt-clean. */
export function assertGofmtClean(root: string, files: string[]): void {
  for (const file of files.filter((f) => f.endsWith('.go'))) {
    const problem = gofmtProblem(readFile(root, file));
    assert.equal(problem, undefined, `${file}: ${problem ?? ''}`);
  }
}

/** The lines of `before` outside [from, to) are still in `after`, in order, unchanged: the fix touched nothing else. */
export function assertRestUnchanged(before: string, after: string, touchedLines: Set<number>): void {
  const kept = before.split('\n').filter((_, i) => !touchedLines.has(i));
  let cursor = 0;
  const afterLines = after.split('\n');
  for (const line of kept) {
    const found = afterLines.indexOf(line, cursor);
    assert.ok(found !== -1, `line ${JSON.stringify(line)} is gone or changed`);
    cursor = found + 1;
  }
}
