// What the model reads about one package: its own files and their facts.
import type { FileFacts } from '../facts/types';
import type { FrameworkPackage } from '../workspace/packages';
import { baseName, dirOf, joinRel, type WorkspaceListing } from '../workspace/walk';

export interface PackageView {
  pkg: FrameworkPackage;
  listing: WorkspaceListing;
  /** Own `.go` files (nested packages' files excluded), workspace-relative, sorted. */
  goFiles: string[];
  /** Own production files: no `_test.go`, no generated files, nothing under `testdata/`. */
  productionFiles: string[];
  /** Own non-Go files (README.md, ...). */
  otherFiles: string[];
  facts(file: string): FileFacts | undefined;
}

export function isTestFile(rel: string): boolean {
  return rel.endsWith('_test.go');
}

export function hasSegment(rel: string, segment: string): boolean {
  return rel.split('/').includes(segment);
}

export function isProductionFile(rel: string, facts: FileFacts | undefined): boolean {
  return !isTestFile(rel) && !hasSegment(rel, 'testdata') && !(facts?.generated ?? false);
}

/** Path of `rel` below the package folder. */
export function relToPackage(view: PackageView, rel: string): string {
  return rel.slice(view.pkg.dir.length + 1);
}

export function inPackageFolder(view: PackageView, rel: string): boolean {
  return dirOf(rel) === view.pkg.dir;
}

export function packageFile(view: PackageView, name: string): string {
  return joinRel(view.pkg.dir, name);
}

/** True when the file exists at the package folder itself. */
export function existsInPlace(view: PackageView, name: string): boolean {
  const rel = packageFile(view, name);
  return view.listing.goFiles.has(rel) || view.listing.otherFiles.has(rel);
}

/** The package's anchor file (spec §9): `<name>.go`, else the alphabetically first production file there. */
export function anchorFile(view: PackageView): string | undefined {
  const named = packageFile(view, `${baseName(view.pkg.name)}.go`);
  if (view.productionFiles.includes(named)) return named;
  return view.productionFiles.find((f) => inPackageFolder(view, f)) ?? view.productionFiles[0] ?? view.goFiles[0];
}

/** The Go package (folder) a file belongs to, for per-folder lookups such as constants. */
export function folderFiles(view: PackageView, dir: string): string[] {
  return view.productionFiles.filter((f) => dirOf(f) === dir);
}
