// packageFingerprint: stable over what does not matter for compliance (order,
// line numbers, coverage numbers), different when a compliance fact changes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PackageCompliance } from '../../common/schemas/entities';
import { packageFingerprint } from '../../server/src/engine/state/index';
import { llmsPackage } from './helpers/sampleReport';

function changed(edit: (pkg: PackageCompliance) => void): string {
  const pkg = llmsPackage();
  edit(pkg);
  return packageFingerprint(pkg);
}

describe('packageFingerprint', () => {
  const base = packageFingerprint(llmsPackage());

  it('is a sha256 hex digest of a whole PackageCompliance', () => {
    assert.match(base, /^[0-9a-f]{64}$/);
    assert.equal(packageFingerprint(llmsPackage()), base);
  });

  it('ignores list order, line numbers, coverage numbers and diagnostics', () => {
    const unchanged = [
      changed((pkg) => pkg.observability.tracingIntegration.methods.reverse()),
      changed((pkg) => pkg.observability.metricsIntegration.metricDefinitions.reverse()),
      changed((pkg) => {
        for (const method of pkg.observability.tracingIntegration.methods) method.line += 10;
      }),
      changed((pkg) => {
        pkg.testingCoverage.coveragePercentage = 12.5;
      }),
      changed((pkg) => {
        pkg.diagnostics = [];
      }),
    ];
    for (const fingerprint of unchanged) assert.equal(fingerprint, base);
  });

  it('changes with each compliance fact', () => {
    const edits: [string, (pkg: PackageCompliance) => void][] = [
      ['complianceStatus', (pkg) => { pkg.complianceStatus = 'NON_COMPLIANT'; }],
      ['structure status', (pkg) => { pkg.packageStructure.status = 'PARTIAL'; }],
      ['a required-file flag', (pkg) => { pkg.packageStructure.requiredFiles.hasREADME = false; }],
      ['a metric name', (pkg) => { pkg.observability.metricsIntegration.metricDefinitions.push({ ...metricOf(pkg), name: 'llms.extra.total' }); }],
      ['a traced method', (pkg) => { firstMethod(pkg).traced = !firstMethod(pkg).traced; }],
      ['a new public method', (pkg) => { pkg.observability.tracingIntegration.methods.push({ ...firstMethod(pkg), name: 'Client.NewThing' }); }],
      ['logging status', (pkg) => { pkg.observability.loggingIntegration.status = 'MISSING'; }],
      ['testing status', (pkg) => { pkg.testingCoverage.status = 'INSUFFICIENT'; }],
      ['provider support status', (pkg) => { pkg.providerSupport = null; }],
    ];
    const seen = new Set([base]);
    for (const [what, edit] of edits) {
      const fingerprint = changed(edit);
      assert.ok(!seen.has(fingerprint), `${what} did not change the fingerprint`);
      seen.add(fingerprint);
    }
  });
});

function firstMethod(pkg: PackageCompliance): PackageCompliance['observability']['tracingIntegration']['methods'][number] {
  const method = pkg.observability.tracingIntegration.methods[0];
  assert.ok(method, 'the sample package has traced methods');
  return method;
}

function metricOf(pkg: PackageCompliance): PackageCompliance['observability']['metricsIntegration']['metricDefinitions'][number] {
  const metric = pkg.observability.metricsIntegration.metricDefinitions[0];
  assert.ok(metric, 'the sample package defines metrics');
  return metric;
}
