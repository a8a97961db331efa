// The whole-workspace analysis: workspace-wide inferences first (span
// starters, logging helpers, constants, metric conflicts), then each package.
import type { Settings } from '../../../common/schemas/settings';
import type { AnalysisMemo, FactsChange } from './analysisMemo';
import type { WorkspaceHelpers } from './helpersMemo';
import type { FileFacts } from './facts/types';
import { parseBenchmarkOutput } from './model/benchmarks';
import { mergeCoverageProfiles, parseCoverageProfile } from './model/coverage';
import { buildConstIndex, conflictFindings, resolveMetricName, sameConstEntries, sameMetricFacts, type ConstIndex } from './model/metrics';
import { analyzePackage, type PackageAnalysis, type WorkspaceInputs } from './model/package';
import { extensionInputs, sameExtensionPart, type ExtensionInputs } from './model/providerInputs';
import { isRegistryFunction, registryFunctionKey } from './model/providers';
import { inferLoggingHelpers, inferSpanStarters, inferTraceLogHelpers, workspaceFuncs } from './model/starters';
import type { LoadedProfile } from './model/testing';
import { isProductionFile, type PackageView } from './model/view';
import type { Finding } from './rules/finding';
import { assignFiles, type FrameworkPackage, type GoModule } from './workspace/packages';
import type { FoundFile } from './workspace/profiles';
import { dirOf, isWithin, joinRel, type WorkspaceListing } from './workspace/walk';

export interface WorkspaceState {
  listing: WorkspaceListing;
  modules: GoModule[];
  packages: FrameworkPackage[];
  facts: Map<string, FileFacts>;
  coverageFiles: FoundFile[];
  benchmarkFiles: FoundFile[];
}

export interface WorkspaceAnalysis {
  packages: PackageAnalysis[];
  /** Findings not tied to a package's own analysis (workspace-wide rules). */
  workspaceFindings: Finding[];
  spanStarters: string[];
}

/**
 * isProductionFile, remembered per facts object and file: every analysis asks it of every file
 * (an edit's included), and its path checks cost more than the lookup. Facts never change once made.
 */
const productionByFacts = new WeakMap<FileFacts, Map<string, boolean>>();

function isProduction(file: string, facts: FileFacts | undefined): boolean {
  if (!facts) return isProductionFile(file, facts);
  let byFile = productionByFacts.get(facts);
  if (!byFile) {
    byFile = new Map();
    productionByFacts.set(facts, byFile);
  }
  let production = byFile.get(file);
  if (production === undefined) {
    production = isProductionFile(file, facts);
    byFile.set(file, production);
  }
  return production;
}

function productionFacts(state: WorkspaceState): [string, FileFacts][] {
  return [...state.facts].filter(([file, facts]) => isProduction(file, facts));
}

/** Workspace-wide values read from every file's facts. */
export interface WorkspaceFacts {
  production: [string, FileFacts][];
  consts: ConstIndex;
  extension: ExtensionInputs;
  /** Findings of metrics defined with different instruments or units under one name. */
  conflicts: Finding[];
}

function metricConflicts(production: [string, FileFacts][], consts: ConstIndex): Finding[] {
  return conflictFindings(production.flatMap(([file, facts]) => facts.metrics.map((fact) => ({ fact, file, name: resolveMetricName(fact, file, consts) }))));
}

function workspaceFacts(state: WorkspaceState): WorkspaceFacts {
  const production = productionFacts(state);
  const consts = buildConstIndex(production);
  const extension = extensionInputs(state.facts, state.modules, state.packages);
  return { production, consts, extension, conflicts: metricConflicts(production, consts) };
}

/** True when no changed file changed whether it is production: production lists and package views stay valid. */
function keepsProduction(changes: FactsChange[]): boolean {
  return changes.every(({ file, before, now }) => isProduction(file, before) === isProduction(file, now));
}

/** The production list with the changed files' new facts (no file changed whether it is production). */
function replaceFacts(production: [string, FileFacts][], changes: FactsChange[]): [string, FileFacts][] {
  const now = new Map(changes.map((change) => [change.file, change.now]));
  return production.map((entry) => {
    const facts = now.get(entry[0]);
    return facts ? [entry[0], facts] : entry;
  });
}

/** `previous` after `changes`, each part kept while the changed files give it the same entries; undefined to recompute all. */
function updateWorkspaceFacts(state: WorkspaceState, previous: WorkspaceFacts, changes: FactsChange[]): WorkspaceFacts | undefined {
  if (!keepsProduction(changes)) return undefined;
  const production = replaceFacts(previous.production, changes);
  const inProduction = changes.filter(({ file, now }) => isProduction(file, now));
  const consts = inProduction.every(({ before, now }) => sameConstEntries(before, now)) ? previous.consts : buildConstIndex(production);
  const extension = changes.every(({ file, before, now }) => sameExtensionPart(file, before, now))
    ? previous.extension
    : extensionInputs(state.facts, state.modules, state.packages);
  const sameMetrics = consts === previous.consts && inProduction.every(({ before, now }) => sameMetricFacts(before, now));
  return { production, consts, extension, conflicts: sameMetrics ? previous.conflicts : metricConflicts(production, consts) };
}

function workspaceFactsOf(state: WorkspaceState, memo: AnalysisMemo | undefined): WorkspaceFacts {
  if (!memo) return workspaceFacts(state);
  const update = (previous: WorkspaceFacts, changes: FactsChange[]) => updateWorkspaceFacts(state, previous, changes);
  return memo.workspaceFacts.get(state.facts, [state.modules, state.packages], () => workspaceFacts(state), update);
}

function importPathToDir(state: WorkspaceState, importPath: string): string | undefined {
  for (const module of state.modules) {
    const modulePath = module.mod.modulePath;
    if (modulePath === null) continue;
    if (importPath === modulePath) return module.dir;
    if (importPath.startsWith(`${modulePath}/`)) return joinRel(module.dir, importPath.slice(modulePath.length + 1));
  }
  return undefined;
}

/** Benchmark results per package folder: a `pkg:` line counts for the deepest package holding that folder. */
function benchmarksByPackage(state: WorkspaceState): Map<string, Map<string, number>> {
  const byPackage = new Map<string, Map<string, number>>();
  const deepestFirst = [...state.packages].sort((a, b) => b.dir.length - a.dir.length);
  for (const found of state.benchmarkFiles) {
    for (const [importPath, results] of parseBenchmarkOutput(found.text)) {
      const dir = importPathToDir(state, importPath);
      const owner = dir === undefined ? undefined : deepestFirst.find((p) => isWithin(dir, p.dir));
      if (!owner) continue;
      const merged = byPackage.get(owner.dir) ?? new Map<string, number>();
      for (const [name, ns] of results) merged.set(name, ns);
      byPackage.set(owner.dir, merged);
    }
  }
  return byPackage;
}

function loadProfiles(state: WorkspaceState): LoadedProfile[] {
  return state.coverageFiles.map((f) => ({ file: f.file, mtimeMs: f.mtimeMs, profile: parseCoverageProfile(f.text).profile }));
}

function inferHelpers(production: [string, FileFacts][], settings: Settings): WorkspaceHelpers {
  const funcs = workspaceFuncs(production);
  const logging = inferLoggingHelpers(funcs);
  return {
    starters: inferSpanStarters(funcs, settings.tracing.spanStarters),
    logging: { logging, traceLogging: inferTraceLogHelpers(funcs, logging) },
    registryFunctions: new Set(funcs.filter((f) => isRegistryFunction(f.file, f.func)).map((f) => registryFunctionKey(dirOf(f.file), f.func.name))),
  };
}

function coverageInputs(state: WorkspaceState): WorkspaceInputs['coverage'] {
  const profiles = loadProfiles(state);
  return { merged: mergeCoverageProfiles(profiles.map((p) => p.profile)), profiles };
}

function benchmarkLookup(state: WorkspaceState): WorkspaceInputs['benchmarksFor'] {
  const benchmarks = benchmarksByPackage(state);
  return (view) => benchmarks.get(view.pkg.dir) ?? new Map();
}

/** Workspace-wide inputs of every package; `memo` (the engine's) replays the parts whose inputs did not change. */
/** Inputs the engine reads outside the Go files: the git baseline and the state file. */
export type LifecycleInputs = Pick<WorkspaceInputs, 'baseline' | 'state'>;

function workspaceInputs(
  state: WorkspaceState,
  settings: Settings,
  derived: WorkspaceFacts,
  memo?: AnalysisMemo,
  lifecycle: LifecycleInputs = {},
): { inputs: WorkspaceInputs; starters: Set<string> } {
  const { production, consts, extension } = derived;
  const helpers = memo?.helpers.get(production, settings, () => inferHelpers(production, settings)) ?? inferHelpers(production, settings);
  const coverage = memo?.coverage.get([state.coverageFiles], () => coverageInputs(state)) ?? coverageInputs(state);
  const benchmarksFor =
    memo?.benchmarks.get([state.benchmarkFiles, state.packages, state.modules], () => benchmarkLookup(state)) ?? benchmarkLookup(state);
  const inputs: WorkspaceInputs = {
    consts,
    ...helpers,
    coverage,
    benchmarksFor,
    extension,
    modules: state.modules,
    ...lifecycle,
  };
  return { inputs, starters: helpers.starters };
}

/** Own files of each package, by package folder. */
export interface FileOwners {
  goFiles: Map<string, string[]>;
  otherFiles: Map<string, string[]>;
}

function fileOwners(state: WorkspaceState): FileOwners {
  return {
    goFiles: assignFiles(state.listing.goFiles.keys(), state.packages, state.modules),
    otherFiles: assignFiles(state.listing.otherFiles.keys(), state.packages, state.modules),
  };
}

function fileOwnersOf(state: WorkspaceState, memo: AnalysisMemo | undefined): FileOwners {
  const { listing } = state;
  return memo?.owners.get([listing.goFiles, listing.otherFiles], [state.packages, state.modules], () => fileOwners(state)) ?? fileOwners(state);
}

function buildViews(state: WorkspaceState, owners: FileOwners): PackageView[] {
  const factsOf = (file: string) => state.facts.get(file);
  return state.packages.map((pkg) => {
    const goFiles = owners.goFiles.get(pkg.dir) ?? [];
    return {
      pkg,
      listing: state.listing,
      goFiles,
      productionFiles: goFiles.filter((f) => isProduction(f, factsOf(f))),
      otherFiles: owners.otherFiles.get(pkg.dir) ?? [],
      facts: factsOf,
    };
  });
}

export function packageViews(state: WorkspaceState, memo?: AnalysisMemo): PackageView[] {
  const owners = fileOwnersOf(state, memo);
  if (!memo) return buildViews(state, owners);
  const update = (previous: PackageView[], changes: FactsChange[]) => (keepsProduction(changes) ? previous : undefined);
  return memo.views.get(state.facts, [state, state.listing, state.packages, owners], () => buildViews(state, owners), update);
}

export function analyzeWorkspace(
  state: WorkspaceState,
  settings: Settings,
  memo?: AnalysisMemo,
  lifecycle: LifecycleInputs = {},
): WorkspaceAnalysis {
  const derived = workspaceFactsOf(state, memo);
  const { inputs, starters } = workspaceInputs(state, settings, derived, memo, lifecycle);
  const analyze = (view: PackageView) => analyzePackage(view, settings, inputs);
  const packages = packageViews(state, memo).map((view) => memo?.package(view, settings, inputs, () => analyze(view)) ?? analyze(view));
  memo?.retainPackages(state.packages);
  return {
    packages,
    workspaceFindings: derived.conflicts,
    spanStarters: [...starters].sort(),
  };
}

