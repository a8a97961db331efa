// Modules and framework packages (spec §1): which folders are packages, and
// which Go files each package owns.
import { parseGoMod, parseGoWork, type GoMod } from './gomod';
import { baseName, dirOf, isWithin, joinRel, type WorkspaceListing } from './walk';

export interface GoModule {
  /** Workspace-relative folder, '' for the root. */
  dir: string;
  mod: GoMod;
}

export interface FrameworkPackage {
  /** Path below the package root: `llms`, `voice/stt`. */
  name: string;
  /** Workspace-relative folder. */
  dir: string;
  module: GoModule;
}

export const TOP_LEVEL_EXCLUDED = new Set(['cmd', 'internal', 'examples', 'test', 'tests', 'testdata', 'vendor', 'docs', 'scripts']);
export const STANDARD_SUBFOLDERS = new Set(['iface', 'internal', 'providers', 'registry', 'testutils', 'testdata', 'examples', 'mocks']);
const NESTED_MARKERS = ['config.go', 'metrics.go', 'registry.go'];

export type ReadText = (rel: string) => string | undefined;

/** Modules from go.work when the root has one, else every go.mod; the root itself when there is none. */
export function findModules(listing: WorkspaceListing, readText: ReadText): GoModule[] {
  const work = readText('go.work');
  const dirs = work !== undefined ? parseGoWork(work).map(normalizeRel) : goModDirs(listing);
  const modules = dirs
    .map((dir) => ({ dir, text: readText(joinRel(dir, 'go.mod')) }))
    .filter((m): m is { dir: string; text: string } => m.text !== undefined)
    .map(({ dir, text }) => ({ dir, mod: parseGoMod(text) }));
  if (modules.length > 0) return modules.sort((a, b) => a.dir.localeCompare(b.dir));
  return [{ dir: '', mod: { modulePath: null, requires: [], replaces: [] } }];
}

function goModDirs(listing: WorkspaceListing): string[] {
  return [...listing.otherFiles.keys()].filter((rel) => baseName(rel) === 'go.mod').map(dirOf);
}

function normalizeRel(dir: string): string {
  return dir.replace(/\\/g, '/').replace(/^\.\/?/, '').replace(/\/$/, '');
}

/** Folders (relative) that contain at least one .go file at any depth, per module boundary. */
function foldersWithGo(listing: WorkspaceListing): Set<string> {
  const withGo = new Set<string>();
  for (const file of listing.goFiles.keys()) {
    for (let dir = dirOf(file); !withGo.has(dir); dir = dirOf(dir)) {
      withGo.add(dir);
      if (dir === '') break;
    }
  }
  return withGo;
}

const childIndex = new WeakMap<WorkspaceListing, Map<string, string[]>>();

function childDirs(listing: WorkspaceListing, parent: string): string[] {
  let index = childIndex.get(listing);
  if (!index) {
    index = new Map();
    for (const dir of [...listing.dirs].sort()) {
      if (dir === '') continue;
      const list = index.get(dirOf(dir)) ?? [];
      list.push(dir);
      index.set(dirOf(dir), list);
    }
    childIndex.set(listing, index);
  }
  return index.get(parent) ?? [];
}

export function findPackages(listing: WorkspaceListing, modules: GoModule[], packageRoots: string[]): FrameworkPackage[] {
  childIndex.delete(listing); // the listing may have changed since the last call
  const withGo = foldersWithGo(listing);
  const moduleDirs = new Set(modules.map((m) => m.dir));
  const packages: FrameworkPackage[] = [];
  for (const module of modules) {
    const inModule = (d: string) => withGo.has(d) && !crossesModule(d, module.dir, moduleDirs);
    for (const { rootDir, dir } of topLevelPackageDirs(listing, module, packageRoots, inModule)) {
      const name = rootDir === module.dir ? baseName(dir) : dir.slice(rootDir.length + (rootDir === '' ? 0 : 1));
      const top: FrameworkPackage = { name, dir, module };
      packages.push(top, ...nestedPackages(listing, top, rootDir, inModule));
    }
  }
  return packages;
}

function crossesModule(dir: string, moduleDir: string, moduleDirs: Set<string>): boolean {
  for (let d = dir; d !== moduleDir && isWithin(d, moduleDir); d = dirOf(d)) {
    if (moduleDirs.has(d)) return true;
    if (d === '') break;
  }
  return false;
}

function topLevelPackageDirs(
  listing: WorkspaceListing,
  module: GoModule,
  packageRoots: string[],
  inModule: (dir: string) => boolean,
): { rootDir: string; dir: string }[] {
  const roots = packageRoots.map((r) => joinRel(module.dir, normalizeRel(r))).filter((r) => listing.dirs.has(r));
  if (roots.length > 0) {
    return roots.flatMap((rootDir) => childDirs(listing, rootDir).filter(inModule).map((dir) => ({ rootDir, dir })));
  }
  return childDirs(listing, module.dir)
    .filter((dir) => inModule(dir) && !TOP_LEVEL_EXCLUDED.has(baseName(dir)))
    .map((dir) => ({ rootDir: module.dir, dir }));
}

function nestedPackages(
  listing: WorkspaceListing,
  parent: FrameworkPackage,
  rootDir: string,
  inModule: (dir: string) => boolean,
): FrameworkPackage[] {
  const found: FrameworkPackage[] = [];
  for (const child of childDirs(listing, parent.dir)) {
    if (STANDARD_SUBFOLDERS.has(baseName(child)) || !inModule(child)) continue;
    if (NESTED_MARKERS.some((marker) => listing.goFiles.has(joinRel(child, marker)))) {
      const nested = { name: child.slice(rootDir === '' ? 0 : rootDir.length + 1), dir: child, module: parent.module };
      found.push(nested, ...nestedPackages(listing, nested, rootDir, inModule));
    } else {
      found.push(...nestedPackages(listing, { ...parent, dir: child }, rootDir, inModule));
    }
  }
  return found;
}

/** Assigns each Go file to the deepest package folder holding it (so nested packages own their files). */
export function assignFiles(goFiles: Iterable<string>, packages: FrameworkPackage[], modules: GoModule[]): Map<string, string[]> {
  const byDir = new Map(packages.map((p) => [p.dir, p] as const));
  const moduleDirs = new Set(modules.map((m) => m.dir));
  const owned = new Map<string, string[]>(packages.map((p) => [p.dir, []]));
  for (const file of goFiles) {
    for (let dir = dirOf(file); ; dir = dirOf(dir)) {
      const pkg = byDir.get(dir);
      if (pkg) {
        owned.get(pkg.dir)?.push(file);
        break;
      }
      if (dir === '' || (moduleDirs.has(dir) && dir !== '')) break;
    }
  }
  for (const files of owned.values()) files.sort();
  return owned;
}
