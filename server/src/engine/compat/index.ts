// Backward compatibility against a git baseline (spec §7), the engine's single
// entry point: reads the baseline, diffs each Go package's exported API, and
// returns per framework package the changes, the findings and the summary.
//
// Where the spec is silent: each Go package (folder) of a framework package is
// diffed on its own, `internal/` folders and `package main` excluded (no one
// else can import them); a framework package missing at the baseline only has
// additions, one gone from the workspace is not reported; constant values may
// change, a variable's declared type may not; a type whose kind changed, or
// that was removed, is one change (its members are not listed again).
import type { FileFacts } from '../facts/types';
import type { Finding } from '../rules/finding';
import { dirOf } from '../workspace/walk';
import { exportedApi, type ExportedApi } from './api';
import { readBaseline, UNTRUSTED_NOTICE, type BaselineCache, type ExtractFacts, type KnownFacts, type ParserSource } from './baseline';
import { diffApi } from './diff';
import { withoutAliasedMoves } from './moves';
import { compatFindings, compatSummary, fallbackAnchor, type PackageAnchor, type PackageApiChange } from './findings';

export { exportedApi, isApiFile, type ExportedApi } from './api';
export {
  readBaseline,
  UNTRUSTED_NOTICE,
  DEFAULT_BASELINE_REFS,
  type BaselineCache,
  type BaselineResult,
  type ExtractFacts,
  type KnownFacts,
  type ParserSource,
} from './baseline';
export { diffApi, type ApiChange, type ApiChangeKind } from './diff';
export { BREAKING_CHANGE_RULE, compatFindings, compatSummary, type PackageAnchor, type PackageApiChange } from './findings';

export interface CompatPackage {
  /** Workspace-relative folder of the framework package. */
  dir: string;
  name: string;
  /** The package's own files (nested framework packages' excluded), workspace-relative, with their facts. */
  files: [string, FileFacts][];
  /** Where a gone declaration is flagged: the anchor file's package clause (model/view.ts anchorFile). */
  anchor?: PackageAnchor;
}

export interface CompatOptions {
  /** Absolute workspace root. */
  root: string;
  /** Untrusted workspaces never run git. */
  trusted: boolean;
  /** `compat.baselineRef`; origin/main, then main, then HEAD when absent. */
  ref?: string | undefined;
  packages: CompatPackage[];
  /** A parser, or a function making one: called only when some baseline file must be parsed. */
  parser: ParserSource;
  /** Parses baseline files instead of `parser`, e.g. `(file, text) => pool.extract({ file, text })`. */
  extract?: ExtractFacts;
  /** Keep one across runs to parse each baseline blob once. */
  cache?: BaselineCache;
  /** Facts by content hash (the fact cache, the current files): unchanged files are not parsed again. */
  known?: KnownFacts | Promise<KnownFacts>;
  maxFileBytes?: number;
  /** The git executable; `git` from PATH by default. */
  git?: string;
}

export interface PackageCompat {
  changes: PackageApiChange[];
  findings: Finding[];
  breakingChanges: string[];
  textOnlyWorkflowsSupported: boolean;
}

export interface CompatResult {
  /** Why nothing was compared (untrusted, no git, no repository, no baseline ref); informational. */
  notice?: string;
  /** The baseline that was compared against. */
  baseline?: { ref: string; commit: string };
  /** Every package given, keyed by dir; empty results when there is a notice. */
  perPackage: Map<string, PackageCompat>;
}

/** The baseline's files per framework package folder, or why there is none. */
export type LoadedBaseline = { ref: string; commit: string; files: Map<string, [string, FileFacts][]> } | { notice: string };

/** Reads the baseline once (git, trusted workspaces only); compare it with `compareWithBaseline` after every edit. */
export async function loadBaseline(options: Omit<CompatOptions, 'packages'> & { packageDirs: string[] }): Promise<LoadedBaseline> {
  if (!options.trusted) return { notice: UNTRUSTED_NOTICE };
  return readBaseline({
    root: options.root,
    ref: options.ref,
    packageDirs: options.packageDirs,
    parser: options.parser,
    ...(options.extract ? { extract: options.extract } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.known ? { known: options.known } : {}),
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    ...(options.git !== undefined ? { git: options.git } : {}),
  });
}

/** Diffs one framework package's current files with the baseline: pure and cheap. */
export function comparePackage(pkg: CompatPackage, baseline: LoadedBaseline): PackageCompat {
  if ('notice' in baseline) return emptyCompat();
  const changes = packageChanges(pkg, baseline.files.get(pkg.dir) ?? []);
  return { changes, findings: compatFindings(changes, pkg.anchor ?? fallbackAnchor(pkg.files)), ...compatSummary(changes) };
}

export async function computeCompat(options: CompatOptions): Promise<CompatResult> {
  const baseline = await loadBaseline({ ...options, packageDirs: options.packages.map((pkg) => pkg.dir) });
  const perPackage = new Map(options.packages.map((pkg) => [pkg.dir, comparePackage(pkg, baseline)] as const));
  if ('notice' in baseline) return { notice: baseline.notice, perPackage };
  return { baseline: { ref: baseline.ref, commit: baseline.commit }, perPackage };
}

function emptyCompat(): PackageCompat {
  return { changes: [], findings: [], breakingChanges: [], textOnlyWorkflowsSupported: true };
}

/** Diffs each Go package (folder) of the framework package; `internal/` folders are no one else's API. */
function packageChanges(pkg: CompatPackage, baselineFiles: [string, FileFacts][]): PackageApiChange[] {
  const before = baselineApis(pkg.dir, baselineFiles);
  const after = new Map([...byFolder(pkg.dir, pkg.files)].map(([dir, files]) => [dir, exportedApi(files)]));
  const folders = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes = folders.flatMap((dir) => diffApi(before.get(dir) ?? EMPTY_API, after.get(dir) ?? EMPTY_API).map((change) => ({ ...change, dir })));
  return withoutAliasedMoves(changes, before, after);
}

const EMPTY_API = exportedApi([]);

/** The baseline never changes once loaded: its APIs are computed once per package, not on every analysis. */
const baselineApiMemo = new WeakMap<[string, FileFacts][], Map<string, ExportedApi>>();

function baselineApis(packageDir: string, baselineFiles: [string, FileFacts][]): Map<string, ExportedApi> {
  let apis = baselineApiMemo.get(baselineFiles);
  if (!apis) {
    apis = new Map([...byFolder(packageDir, baselineFiles)].map(([dir, files]) => [dir, exportedApi(files)]));
    baselineApiMemo.set(baselineFiles, apis);
  }
  return apis;
}

function byFolder(packageDir: string, files: [string, FileFacts][]): Map<string, [string, FileFacts][]> {
  const folders = new Map<string, [string, FileFacts][]>();
  for (const entry of files) {
    const dir = dirOf(entry[0]);
    const below = packageDir === '' ? dir : dir.slice(packageDir.length + 1);
    if (below.split('/').includes('internal')) continue;
    const list = folders.get(dir) ?? [];
    list.push(entry);
    folders.set(dir, list);
  }
  return folders;
}
