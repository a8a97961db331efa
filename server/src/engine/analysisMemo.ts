// Memoisation for repeated analyses of one workspace (the language server
// re-analyses after every edit). Nothing here decides anything: it only
// replays a result when every input it was computed from is the same, so a
// memoised analysis equals a cold one.
//  - derived values (coverage, benchmarks) are keyed by the identity of their inputs;
//  - the workspace-wide helpers (span starters, logging helpers, registries) are
//    inferred again only when an edit can change them (helpersMemo.ts), and sets
//    equal to the previous ones keep their identity;
//  - a package is re-analysed only when its own files' facts, their stats, its
//    other files, the settings or a workspace input it reads changed.
import type { Settings } from '../../../common/schemas/settings';
import { HelpersMemo } from './helpersMemo';
import type { PackageAnalysis, WorkspaceInputs } from './model/package';
import type { CoverageInputs } from './model/testing';
import type { PackageView } from './model/view';

interface PackageEntry {
  key: unknown[];
  result: PackageAnalysis;
}

function sameKey(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}

/**
 * Everything a package's analysis reads. The const index is left out: it is
 * rebuilt on every analysis, and a package resolves only constants of its own
 * folders, which come from its own files (keyed here). Every other workspace
 * input is compared by identity, so a new input that is rebuilt each time only
 * makes the memo miss.
 */
function packageKey(view: PackageView, settings: Settings, workspace: unknown[]): unknown[] {
  return [...packageKeyParts(view, settings, workspace)];
}

/** The parts of a package's key, in order; a generator so a memo hit compares them without building the key. */
function* packageKeyParts(view: PackageView, settings: Settings, workspace: unknown[]): Generator<unknown> {
  yield view.pkg;
  yield settings;
  yield* workspace;
  for (const file of view.goFiles) {
    yield file;
    yield view.facts(file);
    yield view.listing.goFiles.get(file)?.mtimeMs;
  }
  yield '\u0000';
  yield* view.otherFiles;
}

function sameParts(key: unknown[], parts: Iterable<unknown>): boolean {
  let index = 0;
  for (const part of parts) {
    if (index >= key.length || !Object.is(key[index], part)) return false;
    index += 1;
  }
  return index === key.length;
}

const workspaceKeys = new WeakMap<WorkspaceInputs, unknown[]>();

function workspaceKey(inputs: WorkspaceInputs): unknown[] {
  let key = workspaceKeys.get(inputs);
  if (!key) {
    key = Object.entries(inputs)
      .filter(([name]) => name !== 'consts')
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, value]): unknown => value);
    workspaceKeys.set(inputs, key);
  }
  return key;
}

/** A value recomputed only when the identities it depends on change. */
export class DerivedValue<T> {
  private last: { deps: unknown[]; value: T } | undefined;

  get(deps: unknown[], compute: () => T): T {
    if (this.last && sameKey(this.last.deps, deps)) return this.last.value;
    const value = compute();
    this.last = { deps, value };
    return value;
  }
}

export class AnalysisMemo {
  readonly helpers = new HelpersMemo();
  private readonly packages = new Map<string, PackageEntry>();
  readonly coverage = new DerivedValue<CoverageInputs>();
  readonly benchmarks = new DerivedValue<WorkspaceInputs['benchmarksFor']>();

  package(view: PackageView, settings: Settings, inputs: WorkspaceInputs, compute: () => PackageAnalysis): PackageAnalysis {
    const workspace = workspaceKey(inputs);
    const entry = this.packages.get(view.pkg.dir);
    if (entry && sameParts(entry.key, packageKeyParts(view, settings, workspace))) return entry.result;
    const result = compute();
    this.packages.set(view.pkg.dir, { key: packageKey(view, settings, workspace), result });
    return result;
  }

  /** Forgets packages that are gone, so the memo does not outgrow the workspace. */
  retainPackages(dirs: Set<string>): void {
    for (const dir of this.packages.keys()) if (!dirs.has(dir)) this.packages.delete(dir);
  }
}
