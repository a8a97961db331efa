// PackageStructure (spec §2).
import type { FileLocation, PackageStructure } from '../../../../common/schemas/entities';
import type { Settings } from '../../../../common/schemas/settings';
import { baseName, dirOf, isWithin, joinRel } from '../workspace/walk';
import { existsInPlace, packageFile, relToPackage, type PackageView } from './view';

const NOT_PROVIDER_FOLDERS = new Set(['internal', 'iface', 'mock', 'mocks', 'testutils', 'testdata']);
const LOCATION_KEYS: Record<string, FileLocation> = {
  'config.go': 'config',
  'metrics.go': 'metrics',
  'errors.go': 'errors',
  'test_utils.go': 'test_utils',
  'advanced_test.go': 'advanced_test',
  'README.md': 'readme',
};

export interface StructureFacts {
  structure: PackageStructure;
  /** Required files found only elsewhere in the package: name -> path. */
  misplaced: Map<string, string>;
  providerFolders: string[];
}

/** Provider folders: subfolders of `providers/` holding `.go` files, minus the non-provider names. */
export function providerFolders(view: PackageView, countMocks = false): string[] {
  const providersDir = packageFile(view, 'providers');
  const folders = new Set<string>();
  for (const file of view.goFiles) {
    if (!isWithin(file, providersDir) || dirOf(file) === providersDir) continue;
    const name = file.slice(providersDir.length + 1).split('/')[0] ?? '';
    const isMock = name === 'mock' || name === 'mocks';
    if (!NOT_PROVIDER_FOLDERS.has(name) || (countMocks && isMock)) folders.add(name);
  }
  return [...folders].sort();
}

function filesBelow(view: PackageView, sub: string): string[] {
  const dir = packageFile(view, sub);
  return view.goFiles.filter((f) => isWithin(f, dir) && f !== dir).map((f) => relToPackage(view, f));
}

/** Where a required file that is not in place lives elsewhere in the package, if anywhere. */
function locateElsewhere(view: PackageView, name: string): string | undefined {
  const candidates = name.endsWith('.go') ? view.goFiles : view.otherFiles;
  return candidates.find((f) => baseName(f) === name && dirOf(f) !== view.pkg.dir);
}

export function hasFactoryFile(view: PackageView): boolean {
  return existsInPlace(view, 'registry.go') || existsInPlace(view, 'factory.go') || filesBelow(view, 'registry').length > 0;
}

export function computeStructure(view: PackageView, settings: Settings, multiProvider: boolean): StructureFacts {
  const misplaced = new Map<string, string>();
  const missing: string[] = [];
  for (const name of settings.requiredFiles) {
    if (existsInPlace(view, name)) continue;
    const elsewhere = locateElsewhere(view, name);
    if (elsewhere) misplaced.set(name, elsewhere);
    else missing.push(name);
  }
  const ifaceFiles = filesBelow(view, 'iface');
  const providerDirs = providerFolders(view, settings.providers.countMocks);
  const hasIface = ifaceFiles.length > 0;
  const hasProviders = providerDirs.length > 0;
  const hasFactory = hasFactoryFile(view);
  const inPlace = (name: string) => existsInPlace(view, name);

  const complete =
    missing.length === 0 && misplaced.size === 0 && hasIface && (!multiProvider || (hasProviders && hasFactory));
  const nonCompliant = settings.requiredFiles.length > 0 && missing.length * 2 >= settings.requiredFiles.length;
  const complianceStatus = complete ? 'COMPLIANT' : nonCompliant ? 'NON_COMPLIANT' : 'PARTIAL';
  const alignmentActions: PackageStructure['alignmentActions'] = [];
  if (missing.length > 0) alignmentActions.push('CREATE_MISSING_FILES');
  if (misplaced.size > 0) alignmentActions.push('MOVE_FILES');
  if (!hasIface || (multiProvider && !hasProviders)) alignmentActions.push('REORGANIZE_DIRECTORIES');

  const structure: PackageStructure = {
    packageName: view.pkg.name,
    directoryLayout: {
      hasIface,
      hasInternal: view.listing.dirs.has(packageFile(view, 'internal')),
      hasProviders,
      ifaceFiles,
      internalFiles: filesBelow(view, 'internal'),
      providerDirectories: providerDirs,
    },
    requiredFiles: {
      hasConfig: inPlace('config.go'),
      hasMetrics: inPlace('metrics.go'),
      hasErrors: inPlace('errors.go'),
      hasTestUtils: inPlace('test_utils.go'),
      hasAdvancedTest: inPlace('advanced_test.go'),
      hasREADME: inPlace('README.md'),
      hasFactory,
    },
    fileLocations: fileLocations(view, misplaced, hasFactory),
    nonStandardFiles: [...misplaced.values()].sort(),
    complianceStatus,
    alignmentActions,
    requiredFileNames: [...settings.requiredFiles],
    missingFiles: missing,
    multiProvider,
    hasIface,
    hasInternal: view.listing.dirs.has(packageFile(view, 'internal')),
    hasProviders,
    hasConfig: inPlace('config.go'),
    hasMetrics: inPlace('metrics.go'),
    hasErrors: inPlace('errors.go'),
    hasTestUtils: inPlace('test_utils.go'),
    hasAdvancedTest: inPlace('advanced_test.go'),
    hasREADME: inPlace('README.md'),
    status: complianceStatus === 'COMPLIANT' ? 'COMPLETE' : complianceStatus,
  };
  return { structure, misplaced, providerFolders: providerDirs };
}

function fileLocations(view: PackageView, misplaced: Map<string, string>, hasFactory: boolean): PackageStructure['fileLocations'] {
  const locations: PackageStructure['fileLocations'] = {};
  for (const [name, key] of Object.entries(LOCATION_KEYS)) {
    const where = existsInPlace(view, name) ? packageFile(view, name) : misplaced.get(name) ?? locateElsewhere(view, name);
    if (where) locations[key] = where;
  }
  if (hasFactory) {
    const factory = ['registry.go', 'factory.go'].find((n) => existsInPlace(view, n));
    locations.factory = factory ? packageFile(view, factory) : filesBelow(view, 'registry').map((f) => joinRel(view.pkg.dir, f))[0];
  }
  return locations;
}
