// The compliance tree's model (client/src/treeModel.ts), built from real
// engine reports of the fixtures, the way the server's `gocomply/tree` sends them.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { TreeFolder, TreeResult } from '../../common/protocol';
import type { Report } from '../../common/schemas/report';
import { buildTreeModel, packageNodeId, visibleChildren, type ComplianceTreeModel } from '../../client/src/treeModel';
import type { ComplianceNode, TreePackage } from '../../client/src/treeNode';
import { isPackageContextValue, packageContextValue, providerContextValue, statusContextValue } from '../../client/src/treeState';
import { auditFixture, fixturePath } from './helpers/fixtures';

const FIXTURES = ['structure-missing', 'structure-full', 'tracing-delegation', 'multi-provider'] as const;

function treeFolder(name: string, report: Report): TreeFolder {
  return {
    uri: pathToFileURL(fixturePath(name)).href,
    name,
    packages: report.packages.map(({ diagnostics: _diagnostics, ...pkg }) => pkg),
    spanStarters: report.spanStarters,
    notices: report.notices,
  };
}

function allNodes(roots: ComplianceNode[]): ComplianceNode[] {
  return roots.flatMap((root) => [root, ...allNodes(root.children)]);
}

function child(node: ComplianceNode | undefined, label: string): ComplianceNode {
  const found = node?.children.find((candidate) => candidate.label === label);
  assert.ok(found, `${node?.label ?? '?'} has a "${label}" row (have: ${node?.children.map((c) => c.label).join(', ') ?? ''})`);
  return found;
}

describe('compliance tree model', () => {
  const reports = new Map<string, Report>();
  let result: TreeResult;
  let model: ComplianceTreeModel;

  before(async () => {
    for (const name of FIXTURES) reports.set(name, await auditFixture(name));
    result = { folders: FIXTURES.map((name) => treeFolder(name, reports.get(name) ?? assert.fail(name))), generation: 1 };
    model = buildTreeModel(result);
  });

  function packageRow(fixture: string, name: string): ComplianceNode {
    const folder = result.folders.find((f) => f.name === fixture);
    const pkg = folder?.packages.find((p) => p.packageName === name);
    assert.ok(folder && pkg, `${fixture}/${name}`);
    const row = model.byId(packageNodeId(folder.uri, pkg.path));
    assert.ok(row, `row of ${fixture}/${name}`);
    return row;
  }

  it('lists each workspace folder, and below it each package of the report with status and score', () => {
    assert.deepEqual(model.roots.map((root) => root.label), [...FIXTURES]);
    for (const root of model.roots) {
      const report = reports.get(root.label) ?? assert.fail(root.label);
      const packageRows = root.children.filter((row) => isPackageContextValue(row.contextValue));
      assert.deepEqual(packageRows.map((row) => row.label).sort(), report.packages.map((p) => p.packageName).sort());
      for (const pkg of report.packages) assert.equal(packageRow(root.label, pkg.packageName).description, `${pkg.complianceStatus} · ${pkg.score}`);
    }
  });

  it('gives every row a unique id, the same on a rebuild', () => {
    const ids = allNodes(model.roots).map((node) => node.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(allNodes(buildTreeModel(result).roots).map((node) => node.id), ids);
  });

  it('shows the areas of a package in order', () => {
    const labels = packageRow('multi-provider', 'llms').children.map((row) => row.label);
    assert.deepEqual(labels.filter((label) => label !== 'Multimodal'), ['Structure', 'Observability', 'Testing', 'Providers', 'Compatibility', 'Status']);
    const observability = child(packageRow('structure-full', 'memory'), 'Observability');
    assert.deepEqual(observability.children.map((row) => row.label), ['Metrics', 'Tracing', 'Logging']);
  });

  it('marks each missing required file, pointing at the package anchor for its quick fix', () => {
    const search = reports.get('structure-missing')?.packages.find((p) => p.packageName === 'search') ?? assert.fail('search');
    const rows = child(packageRow('structure-missing', 'search'), 'Structure').children.filter((row) => row.contextValue === 'missingFile');
    assert.deepEqual(rows.map((row) => row.label).sort(), [...search.packageStructure.missingFiles].sort());
    for (const row of rows) assert.deepEqual(row.target, { kind: 'anchor', folderUri: result.folders[0]?.uri, packagePath: search.path, packageName: 'search' });
  });

  it('lists exactly the untraced methods under Tracing, each opening its file and line', () => {
    let untracedSeen = 0;
    for (const [fixture, report] of reports) {
      for (const pkg of report.packages) {
        const tracing = child(child(packageRow(fixture, pkg.packageName), 'Observability'), 'Tracing');
        const untraced = pkg.observability.tracingIntegration.methods.filter((m) => !m.traced);
        untracedSeen += untraced.length;
        assert.deepEqual(
          tracing.children.map((row) => [row.label, row.target]),
          untraced.map((m) => [m.name, { kind: 'file', location: { folderUri: pathToFileURL(fixturePath(fixture)).href, file: m.file, line: m.line } }]),
          `${fixture}/${pkg.packageName}`,
        );
      }
    }
    assert.ok(untracedSeen > 0, 'some fixture has an untraced method');
  });

  it('lists the providers of a multi-provider package, and the missing high-demand ones', () => {
    const llms = reports.get('multi-provider')?.packages.find((p) => p.packageName === 'llms') ?? assert.fail('llms');
    const providers = child(packageRow('multi-provider', 'llms'), 'Providers');
    const missing = llms.providerSupport?.missingProviders ?? [];
    assert.ok(missing.length > 0, 'the fixture misses high-demand providers');
    // A missing high-demand provider is also a PLANNED report entry: the tree shows it once, as missing.
    const present = llms.providers.filter((p) => !missing.includes(p.providerName)).map((p) => p.providerName);
    assert.deepEqual(providers.children.filter((row) => row.contextValue.startsWith('provider.')).map((row) => row.label), present);
    for (const provider of llms.providers.filter((p) => present.includes(p.providerName))) {
      const row = child(providers, provider.providerName);
      assert.equal(row.contextValue, providerContextValue(provider.status), `${provider.providerName} is ${provider.status}`);
      assert.equal(row.subject?.providerName, provider.providerName);
    }
    assert.deepEqual(providers.children.filter((row) => row.contextValue === 'missingProvider').map((row) => row.label), missing);
  });

  it('hides FULL packages when filtered to non-compliant ones', () => {
    for (const root of model.roots) {
      const report = reports.get(root.label) ?? assert.fail(root.label);
      const shown = visibleChildren(root.children, true).filter((row) => isPackageContextValue(row.contextValue)).map((row) => row.label);
      assert.deepEqual(shown.sort(), report.packages.filter((p) => p.complianceStatus !== 'FULL').map((p) => p.packageName).sort());
      assert.equal(visibleChildren(root.children, false).length, root.children.length);
    }
    assert.ok(reports.get('structure-full')?.packages.some((p) => p.complianceStatus === 'FULL'), 'the filter is exercised by a FULL package');
  });

  function treePackage(fixture: string, name: string): TreePackage {
    return result.folders.find((f) => f.name === fixture)?.packages.find((p) => p.packageName === name) ?? assert.fail(`${fixture}/${name}`);
  }

  it('gives package and Status rows a context value naming the completion status, and multi-provider packages a marker', () => {
    assert.equal(packageRow('structure-missing', 'search').contextValue, 'package.notStarted');
    assert.equal(packageRow('structure-full', 'memory').contextValue, 'package.complete');
    assert.equal(packageRow('multi-provider', 'llms').contextValue, 'package.notStarted.multiProvider');
    assert.equal(child(packageRow('structure-full', 'memory'), 'Status').contextValue, 'status.complete');
    for (const [fixture, report] of reports) {
      for (const pkg of report.packages) {
        const row = packageRow(fixture, pkg.packageName);
        assert.equal(row.contextValue, packageContextValue(pkg), `${fixture}/${pkg.packageName}`);
        assert.equal(child(row, 'Status').contextValue, statusContextValue(pkg));
      }
    }
  });

  it('maps every completion status to its own context value', () => {
    const memory = treePackage('structure-full', 'memory');
    const llms = treePackage('multi-provider', 'llms');
    const statuses = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'VERIFIED'] as const;
    assert.deepEqual(
      statuses.map((completionStatus) => packageContextValue({ ...memory, completionStatus })),
      ['package.notStarted', 'package.inProgress', 'package.complete', 'package.verified'],
    );
    assert.deepEqual(
      statuses.map((completionStatus) => packageContextValue({ ...llms, completionStatus })),
      ['package.notStarted.multiProvider', 'package.inProgress.multiProvider', 'package.complete.multiProvider', 'package.verified.multiProvider'],
    );
    assert.deepEqual(
      statuses.map((completionStatus) => statusContextValue({ completionStatus })),
      ['status.notStarted', 'status.inProgress', 'status.complete', 'status.verified'],
    );
  });

  it('tells the state commands which package (and which missing provider) a row is about', () => {
    const folderUri = pathToFileURL(fixturePath('multi-provider')).href;
    const llms = packageRow('multi-provider', 'llms');
    const subject = { folderUri, packagePath: 'pkg/llms' };
    assert.deepEqual(llms.subject, subject);
    assert.deepEqual(child(llms, 'Status').subject, subject);
    const providers = child(llms, 'Providers');
    assert.deepEqual(providers.subject, subject);
    const missing = providers.children.filter((row) => row.contextValue === 'missingProvider');
    assert.ok(missing.length > 0);
    for (const row of missing) assert.deepEqual(row.subject, { ...subject, providerName: row.label });
    assert.ok(providers.children.filter((row) => row.contextValue === 'provider').every((row) => row.subject === undefined));
  });

  it('knows each row\'s parent (for reveal) and the package of a file', () => {
    for (const node of allNodes(model.roots)) {
      const parent = model.parentOf(node.id);
      if (model.roots.includes(node)) assert.equal(parent, undefined);
      else assert.ok(parent?.children.includes(node), node.id);
    }
    const memory = packageRow('structure-full', 'memory');
    const folderUri = pathToFileURL(fixturePath('structure-full')).href;
    const pkgPath = reports.get('structure-full')?.packages.find((p) => p.packageName === 'memory')?.path ?? assert.fail('memory');
    assert.equal(model.packageFor(folderUri, `${pkgPath}/memory.go`), memory);
    assert.equal(model.packageFor(folderUri, 'go.mod'), undefined);
  });
});
