// Builds the whole compliance tree from one `gocomply/tree` result: workspace
// folder -> package -> areas. Pure data, indexed by id for `getParent`.
import type { TreeFolder, TreeResult } from '../../common/protocol';
import { node, plural, statusIcon, statusTone, type ComplianceNode, type TreePackage } from './treeNode';
import { compatibilityNode, multimodalNode, providersNode, statusNode } from './treeProviders';
import { observabilityNode } from './treeObservability';
import { packageContextValue } from './treeState';
import { structureNode, testingNode, type PackageContext } from './treeStructure';

export interface ComplianceTreeModel {
  generation: number;
  roots: ComplianceNode[];
  /** The node with this id in this model: a row of an older model finds its current self. */
  byId(id: string): ComplianceNode | undefined;
  parentOf(id: string): ComplianceNode | undefined;
  /** The package row whose folder holds `file` (workspace-folder relative), deepest first. */
  packageFor(folderUri: string, file: string): ComplianceNode | undefined;
}

export function packageNodeId(folderUri: string, packagePath: string): string {
  return `${folderUri}#${packagePath}`;
}

function packageNode(folderUri: string, pkg: TreePackage): ComplianceNode {
  const id = packageNodeId(folderUri, pkg.path);
  const scope: PackageContext = {
    folderUri,
    pkg,
    id,
    anchor: { kind: 'anchor', folderUri, packagePath: pkg.path, packageName: pkg.packageName },
    subject: { folderUri, packagePath: pkg.path },
  };
  const areas = [
    structureNode(scope),
    observabilityNode(scope),
    testingNode(scope),
    providersNode(scope),
    multimodalNode(scope),
    compatibilityNode(scope),
    statusNode(scope),
  ];
  return {
    id,
    label: pkg.packageName,
    description: `${pkg.complianceStatus} · ${pkg.score}`,
    tooltip: `${pkg.path}: ${pkg.complianceStatus}, score ${pkg.score} (${pkg.scoreBand}), ${pkg.completionStatus}`,
    icon: statusIcon(pkg.complianceStatus),
    tone: statusTone(pkg.complianceStatus),
    contextValue: packageContextValue(pkg),
    target: scope.anchor,
    subject: scope.subject,
    children: areas.filter((area): area is ComplianceNode => area !== undefined),
    compliant: pkg.complianceStatus === 'FULL',
  };
}

function noticesNode(folder: TreeFolder, folderId: string): ComplianceNode {
  const id = `${folderId}/notices`;
  const notices = folder.notices.map((notice, index) =>
    node(id, String(index), {
      label: notice.file ?? 'workspace',
      description: notice.message,
      tooltip: notice.message,
      icon: 'info',
      tone: 'info',
      ...(notice.file === undefined ? {} : { target: { kind: 'file', location: { folderUri: folder.uri, file: notice.file } } }),
    }),
  );
  return node(folderId, 'notices', { label: 'Notices', description: plural(notices.length, 'file'), icon: 'info', tone: 'info', children: notices });
}

function folderNode(folder: TreeFolder): ComplianceNode {
  const id = folder.uri;
  const packages = [...folder.packages].sort((a, b) => a.path.localeCompare(b.path)).map((pkg) => packageNode(folder.uri, pkg));
  const children = [...packages];
  if (packages.length === 0) {
    children.push(node(id, 'empty', { label: 'No framework package found', description: 'see the packageRoots setting', icon: 'info', tone: 'info' }));
  }
  if (folder.notices.length > 0) children.push(noticesNode(folder, id));
  return {
    id,
    label: folder.name,
    description: plural(packages.length, 'package'),
    tooltip: folder.uri,
    icon: 'root-folder',
    contextValue: 'folder',
    target: { kind: 'folder', folderUri: folder.uri, path: '.' },
    children,
    expanded: true,
  };
}

interface NodeIndex {
  nodes: Map<string, ComplianceNode>;
  parents: Map<string, ComplianceNode>;
}

function indexNodes(roots: ComplianceNode[]): NodeIndex {
  const index: NodeIndex = { nodes: new Map(), parents: new Map() };
  const visit = (current: ComplianceNode, parent: ComplianceNode | undefined): void => {
    index.nodes.set(current.id, current);
    if (parent !== undefined) index.parents.set(current.id, parent);
    for (const child of current.children) visit(child, current);
  };
  for (const root of roots) visit(root, undefined);
  return index;
}

function isInside(packagePath: string, file: string): boolean {
  return packagePath === '.' || file === packagePath || file.startsWith(`${packagePath}/`);
}

export function buildTreeModel(result: TreeResult): ComplianceTreeModel {
  const roots = result.folders.map(folderNode);
  const index = indexNodes(roots);
  const packagesByFolder = new Map(
    result.folders.map((folder) => [folder.uri, [...folder.packages].sort((a, b) => b.path.length - a.path.length)]),
  );
  return {
    generation: result.generation,
    roots,
    byId: (id) => index.nodes.get(id),
    parentOf: (id) => index.parents.get(id),
    packageFor(folderUri, file) {
      const pkg = packagesByFolder.get(folderUri)?.find((candidate) => isInside(candidate.path, file));
      return pkg === undefined ? undefined : index.nodes.get(packageNodeId(folderUri, pkg.path));
    },
  };
}

/** The children to show: with the filter on, compliant packages are hidden. */
export function visibleChildren(children: ComplianceNode[], nonCompliantOnly: boolean): ComplianceNode[] {
  return nonCompliantOnly ? children.filter((child) => child.compliant !== true) : children;
}
