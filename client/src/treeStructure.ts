// Structure and Testing rows of a package.
import {
  baseName,
  check,
  node,
  relativeToPackage,
  statusIcon,
  statusTone,
  type ComplianceNode,
  type RevealTarget,
  type StateSubject,
  type TreePackage,
} from './treeNode';

export interface PackageContext {
  folderUri: string;
  pkg: TreePackage;
  /** The package row's id; area rows extend it. */
  id: string;
  anchor: RevealTarget;
  /** The package, for the state commands of its rows. */
  subject: StateSubject;
}

function fileTarget(scope: PackageContext, file: string, line?: number): RevealTarget {
  return { kind: 'file', location: { folderUri: scope.folderUri, file, ...(line === undefined ? {} : { line }) } };
}

/** Where a required file was found: in the package folder, elsewhere in the package, or nowhere. */
function requiredFileRow(scope: PackageContext, parentId: string, name: string): ComplianceNode {
  const structure = scope.pkg.packageStructure;
  const inPlace = scope.pkg.path === '.' ? name : `${scope.pkg.path}/${name}`;
  if (structure.missingFiles.includes(name)) {
    return node(parentId, `file:${name}`, {
      label: name,
      description: 'missing',
      tooltip: `${name} is missing from ${scope.pkg.path}: a quick fix on the package clause creates it.`,
      icon: 'close',
      tone: 'fail',
      contextValue: 'missingFile',
      target: scope.anchor,
    });
  }
  const elsewhere = structure.nonStandardFiles.find((file) => baseName(file) === name && file !== inPlace);
  if (elsewhere !== undefined) {
    return node(parentId, `file:${name}`, {
      label: name,
      description: `at ${relativeToPackage(scope.pkg.path, elsewhere)}`,
      tooltip: `${name} belongs in the package folder ${scope.pkg.path}, not in ${elsewhere}.`,
      icon: 'warning',
      tone: 'warn',
      contextValue: 'misplacedFile',
      target: fileTarget(scope, elsewhere),
    });
  }
  return node(parentId, `file:${name}`, { label: name, icon: 'pass', tone: 'pass', contextValue: 'file', target: fileTarget(scope, inPlace) });
}

function directoryRows(scope: PackageContext, parentId: string): ComplianceNode[] {
  const structure = scope.pkg.packageStructure;
  const rows = [check(parentId, 'dir:iface', 'iface/', structure.hasIface)];
  if (structure.hasInternal) rows.push(check(parentId, 'dir:internal', 'internal/', true));
  if (structure.multiProvider) {
    rows.push(check(parentId, 'dir:providers', 'providers/', structure.hasProviders));
    rows.push(check(parentId, 'factory', 'provider factory', structure.requiredFiles.hasFactory));
  }
  return rows;
}

export function structureNode(scope: PackageContext): ComplianceNode {
  const structure = scope.pkg.packageStructure;
  const id = `${scope.id}/structure`;
  const files = structure.requiredFileNames.map((name) => requiredFileRow(scope, id, name));
  return node(scope.id, 'structure', {
    label: 'Structure',
    description: structure.status,
    icon: statusIcon(structure.status),
    tone: statusTone(structure.status),
    contextValue: 'area.structure',
    children: [...files, ...directoryRows(scope, id)],
  });
}

function coverageRow(parentId: string, pkg: TreePackage): ComplianceNode {
  const testing = pkg.testingCoverage;
  if (testing.coveragePercentage === null) {
    return node(parentId, 'coverage', { label: 'coverage', description: 'unknown (no coverage profile)', icon: 'question', tone: 'info' });
  }
  const stale = testing.coverageStale ? ' · stale profile' : '';
  return node(parentId, 'coverage', {
    label: 'coverage',
    description: `${testing.coveragePercentage}%${stale}`,
    tooltip: testing.coverageProfiles.join('\n'),
    icon: 'graph',
    tone: testing.coverageStale ? 'warn' : 'info',
  });
}

function performanceRow(parentId: string, pkg: TreePackage): ComplianceNode {
  const impact = pkg.observability.performanceImpact;
  const overhead = impact.overheadPercentage === null ? '' : ` · ${impact.overheadPercentage}% overhead`;
  return node(parentId, 'performance', {
    label: 'instrumentation overhead',
    description: `${impact.status}${overhead}`,
    icon: 'dashboard',
    tone: impact.status === 'NEEDS_OPTIMIZATION' ? 'warn' : 'info',
  });
}

export function testingNode(scope: PackageContext): ComplianceNode {
  const testing = scope.pkg.testingCoverage;
  const id = `${scope.id}/testing`;
  return node(scope.id, 'testing', {
    label: 'Testing',
    description: testing.status,
    icon: statusIcon(testing.status),
    tone: statusTone(testing.status),
    contextValue: 'area.testing',
    children: [
      check(id, 'test_utils', 'test_utils.go', testing.hasTestUtils),
      check(id, 'advanced_test', 'advanced_test.go', testing.hasAdvancedTest),
      check(id, 'table', 'table-driven tests', testing.hasTableDrivenTest, 'info'),
      check(id, 'concurrency', 'concurrency tests', testing.hasConcurrencyTest, 'info'),
      check(id, 'benchmarks', 'benchmarks', testing.hasBenchmarks, 'info'),
      coverageRow(id, scope.pkg),
      performanceRow(id, scope.pkg),
    ],
  });
}
