// Memoisation for repeated analyses of one workspace (the language server
// re-analyses after every edit). Nothing here decides anything: it only
// replays a result when every input it was computed from is the same, so a
// memoised analysis equals a cold one.
//  - derived values (coverage, benchmarks) are keyed by the identity of their inputs;
//  - the workspace-wide helpers (span starters, logging helpers, registries) are
//    inferred again only when an edit can change them (helpersMemo.ts), and sets
//    equal to the previous ones keep their identity;
//  - values read from every file's facts (const index, provider inputs, metric
//    conflicts) are updated from the files whose facts changed since the last
//    analysis (FactsDerivedValue), and the file->package assignment is kept
//    while the listing holds the same files (ListingValue);
//  - a package is re-analysed only when its own files' facts, their stats, its
//    other files, the settings or a workspace input it reads changed.
import type { Settings } from '../../../common/schemas/settings';
import type { FileOwners, WorkspaceFacts } from './analysis';
import type { FileFacts } from './facts/types';
import type { FrameworkPackage } from './workspace/packages';
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
 * rebuilt whenever a constant changes, and a package resolves only constants of its own
 * folders, which come from its own files (keyed here). Every other workspace
 * input is compared by identity, so a new input that is rebuilt each time only
 * makes the memo miss.
 */
function packageKey(view: PackageView, settings: Settings, workspace: unknown[]): unknown[] {
  const key: unknown[] = [view.pkg, settings, ...workspace];
  for (const file of view.goFiles) key.push(file, view.facts(file), view.listing.goFiles.get(file)?.mtimeMs);
  key.push('\u0000', ...view.otherFiles);
  return key;
}

/** True when `key` is the key packageKey would build now; compares in place, without building it. */
function sameKeyAs(key: unknown[], view: PackageView, settings: Settings, workspace: unknown[]): boolean {
  const head = 2 + workspace.length;
  const files = view.goFiles.length;
  if (key.length !== head + 3 * files + 1 + view.otherFiles.length) return false;
  if (key[0] !== view.pkg || key[1] !== settings || !workspace.every((value, index) => Object.is(key[2 + index], value))) return false;
  for (let index = 0; index < files; index += 1) {
    const file = view.goFiles[index] ?? '';
    const at = head + 3 * index;
    if (key[at] !== file || key[at + 1] !== view.facts(file) || !Object.is(key[at + 2], view.listing.goFiles.get(file)?.mtimeMs)) return false;
  }
  const others = head + 3 * files + 1;
  return view.otherFiles.every((file, index) => key[others + index] === file);
}

/** A file whose facts object changed between two analyses. */
export interface FactsChange {
  file: string;
  before: FileFacts;
  now: FileFacts;
}

interface FactsSnapshot {
  files: string[];
  facts: FileFacts[];
}

function snapshotOf(facts: Map<string, FileFacts>): FactsSnapshot {
  return { files: [...facts.keys()], facts: [...facts.values()] };
}

/** A changed file with its position in the snapshot. */
interface IndexedChange extends FactsChange {
  index: number;
}

/** The files whose facts changed since `snapshot`; undefined when files were added, removed or reordered. */
function changesSince(snapshot: FactsSnapshot, facts: Map<string, FileFacts>): IndexedChange[] | undefined {
  if (snapshot.files.length !== facts.size) return undefined;
  const changes: IndexedChange[] = [];
  let index = 0;
  let sameFiles = true;
  // forEach, not for-of: no [file, facts] pair is made per file on every analysis.
  facts.forEach((now, file) => {
    const before = snapshot.facts[index];
    if (snapshot.files[index] !== file || before === undefined) sameFiles = false;
    else if (before !== now) changes.push({ file, before, now, index });
    index += 1;
  });
  return sameFiles ? changes : undefined;
}

/**
 * A value derived from every file's facts (and the identities in `deps`).
 * While the same files are there in the same order, `update` gets the
 * previous value and the files whose facts changed; it returns the new value,
 * or undefined to have it computed afresh.
 */
export class FactsDerivedValue<T> {
  private last: { snapshot: FactsSnapshot; deps: unknown[]; value: T } | undefined;

  get(facts: Map<string, FileFacts>, deps: unknown[], compute: () => T, update: (previous: T, changes: FactsChange[]) => T | undefined): T {
    const last = this.last;
    const changes = last && sameKey(last.deps, deps) ? changesSince(last.snapshot, facts) : undefined;
    if (last && changes?.length === 0) return last.value;
    const updated = last && changes ? update(last.value, changes) : undefined;
    if (last && changes && updated !== undefined) {
      // Same files in the same order: the snapshot takes the new facts in place.
      for (const { index, now } of changes) last.snapshot.facts[index] = now;
      last.value = updated;
      return updated;
    }
    const value = compute();
    this.last = { snapshot: snapshotOf(facts), deps, value };
    return value;
  }
}

function sameSequence(previous: string[], now: Iterable<string>): boolean {
  let index = 0;
  for (const item of now) {
    if (previous[index] !== item) return false;
    index += 1;
  }
  return index === previous.length;
}

/** A value recomputed only when the listed files (in order) or the identities in `deps` change. */
export class ListingValue<T> {
  private last: { lists: string[][]; deps: unknown[]; value: T } | undefined;

  get(lists: Map<string, unknown>[], deps: unknown[], compute: () => T): T {
    const last = this.last;
    const same = last !== undefined && sameKey(last.deps, deps) && lists.every((list, index) => sameSequence(last.lists[index] ?? [], list.keys()));
    if (same) return last.value;
    const value = compute();
    this.last = { lists: lists.map((list) => [...list.keys()]), deps, value };
    return value;
  }
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
  readonly workspaceFacts = new FactsDerivedValue<WorkspaceFacts>();
  readonly owners = new ListingValue<FileOwners>();
  readonly views = new FactsDerivedValue<PackageView[]>();

  package(view: PackageView, settings: Settings, inputs: WorkspaceInputs, compute: () => PackageAnalysis): PackageAnalysis {
    const workspace = workspaceKey(inputs);
    const entry = this.packages.get(view.pkg.dir);
    if (entry && sameKeyAs(entry.key, view, settings, workspace)) return entry.result;
    const result = compute();
    this.packages.set(view.pkg.dir, { key: packageKey(view, settings, workspace), result });
    return result;
  }

  private retained: FrameworkPackage[] | undefined;

  /** Forgets packages that are gone, so the memo does not outgrow the workspace. */
  retainPackages(packages: FrameworkPackage[]): void {
    if (packages === this.retained) return;
    this.retained = packages;
    const dirs = new Set(packages.map((p) => p.dir));
    for (const dir of this.packages.keys()) if (!dirs.has(dir)) this.packages.delete(dir);
  }
}
