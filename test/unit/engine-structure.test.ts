// Package structure (spec §2), the overall status it feeds (§8), and
// placeholders (completeness/placeholder, §9).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { PackageCompliance } from '../../common/schemas/entities';
import {
  auditFixture,
  diagnosticLines,
  diagnosticsOf,
  findPackage,
  fixturePath,
  lineOf,
  packageRelative,
  tracedHowByMethod,
} from './helpers/fixtures';

function fileLocationsInPackage(pkg: PackageCompliance): Record<string, string> {
  return Object.fromEntries(
    Object.entries(pkg.packageStructure.fileLocations).map(([kind, file]) => [kind, packageRelative(pkg, file)]),
  );
}

function structureRules(pkg: PackageCompliance): string[] {
  return pkg.diagnostics.map((d) => d.rule).filter((rule) => rule.startsWith('structure/'));
}

describe('a fully compliant package (structure-full)', () => {
  let memory: PackageCompliance;
  before(async () => {
    memory = findPackage(await auditFixture('structure-full'), 'memory');
  });

  it('has every required file in place and iface/', () => {
    const s = memory.packageStructure;
    assert.equal(memory.path, 'pkg/memory');
    for (const flag of ['hasConfig', 'hasMetrics', 'hasErrors', 'hasTestUtils', 'hasAdvancedTest', 'hasREADME', 'hasIface'] as const) {
      assert.equal(s[flag], true, flag);
    }
    assert.equal(s.hasInternal, false);
    assert.equal(s.hasProviders, false);
    assert.equal(s.multiProvider, false);
    assert.deepEqual(s.missingFiles, []);
    assert.deepEqual(s.nonStandardFiles, []);
    assert.deepEqual(s.alignmentActions, []);
    assert.deepEqual(fileLocationsInPackage(memory), {
      config: 'config.go',
      metrics: 'metrics.go',
      errors: 'errors.go',
      test_utils: 'test_utils.go',
      advanced_test: 'advanced_test.go',
      readme: 'README.md',
    });
  });

  it('is COMPLIANT (COMPLETE in the PackageCompliance view) with no structure diagnostics', () => {
    assert.equal(memory.packageStructure.complianceStatus, 'COMPLIANT');
    assert.equal(memory.packageStructure.status, 'COMPLETE');
    assert.deepEqual(structureRules(memory), []);
  });

  it('has complete observability: dot.lowercase metrics, both context methods traced, logs with trace id', () => {
    const o = memory.observability;
    assert.equal(o.metricsIntegration.status, 'COMPLETE');
    assert.deepEqual(tracedHowByMethod(memory), { 'Buffer.Save': 'direct', 'Buffer.Load': 'direct' });
    assert.equal(o.tracingIntegration.status, 'COMPLETE');
    assert.equal(o.loggingIntegration.hasStructuredLogging, true);
    assert.equal(o.loggingIntegration.hasOTELContext, true);
    assert.deepEqual(o.loggingIntegration.logLevels, ['info']);
    assert.equal(o.loggingIntegration.status, 'COMPLETE');
    assert.equal(o.status, 'COMPLETE');
    assert.equal(memory.otelObservability.status, 'COMPLETE');
  });

  it('is FULL: not multi-provider, not performance-critical, coverage unknown', () => {
    assert.equal(memory.testingCoverage.status, 'COMPLETE');
    assert.equal(memory.providerSupport, null);
    assert.equal(memory.complianceStatus, 'FULL');
    assert.deepEqual(memory.alignmentPriorities, []);
  });
});

describe('required files elsewhere in the package (structure-nonstandard)', () => {
  let billing: PackageCompliance;
  before(async () => {
    billing = findPackage(await auditFixture('structure-nonstandard'), 'billing');
  });

  it('locates errors.go in iface/ and metrics.go in internal/ and lists them as non-standard', () => {
    const s = billing.packageStructure;
    const locations = fileLocationsInPackage(billing);
    assert.equal(locations.errors, 'iface/errors.go');
    assert.equal(locations.metrics, 'internal/metrics.go');
    assert.equal(locations.config, 'config.go');
    assert.deepEqual(s.nonStandardFiles.map((f) => packageRelative(billing, f)).sort(), ['iface/errors.go', 'internal/metrics.go']);
    assert.deepEqual(s.missingFiles, []);
    assert.equal(s.hasIface, true);
    assert.equal(s.hasInternal, true);
  });

  it('asks to move them only, and counts the requirement as partly met: PARTIAL', () => {
    assert.deepEqual(billing.packageStructure.alignmentActions, ['MOVE_FILES']);
    assert.equal(billing.packageStructure.complianceStatus, 'PARTIAL');
    assert.equal(billing.packageStructure.status, 'PARTIAL');
  });

  it('puts structure/non-standard-location, info, on each of the two files and reports nothing missing', () => {
    const diagnostics = diagnosticsOf(billing, 'structure/non-standard-location');
    assert.deepEqual(diagnostics.map((d) => d.file).sort(), ['pkg/billing/iface/errors.go', 'pkg/billing/internal/metrics.go']);
    for (const diagnostic of diagnostics) assert.equal(diagnostic.severity, 'info');
    assert.deepEqual(diagnosticsOf(billing, 'structure/missing-file'), []);
  });
});

describe('required files absent (structure-missing)', () => {
  const root = fixturePath('structure-missing');
  let search: PackageCompliance;
  let index: PackageCompliance;
  before(async () => {
    const report = await auditFixture('structure-missing');
    search = findPackage(report, 'search');
    index = findPackage(report, 'index');
  });

  it('search misses 3 of 6 files: half, so NON_COMPLIANT, and the package too', () => {
    const s = search.packageStructure;
    assert.deepEqual([...s.missingFiles].sort(), ['advanced_test.go', 'metrics.go', 'test_utils.go']);
    assert.equal(s.hasConfig, true);
    assert.equal(s.hasErrors, true);
    assert.equal(s.hasREADME, true);
    assert.equal(s.hasMetrics, false);
    assert.equal(s.hasTestUtils, false);
    assert.equal(s.hasAdvancedTest, false);
    assert.equal(s.complianceStatus, 'NON_COMPLIANT');
    assert.equal(s.status, 'NON_COMPLIANT');
    assert.equal(search.complianceStatus, 'NON_COMPLIANT');
  });

  it('index misses 2 of 6: PARTIAL', () => {
    assert.deepEqual([...index.packageStructure.missingFiles].sort(), ['advanced_test.go', 'test_utils.go']);
    assert.equal(index.packageStructure.complianceStatus, 'PARTIAL');
  });

  it('asks to create the files and to add iface/', () => {
    for (const pkg of [search, index]) {
      assert.equal(pkg.packageStructure.hasIface, false);
      assert.ok(pkg.packageStructure.alignmentActions.includes('CREATE_MISSING_FILES'), pkg.packageName);
      assert.ok(pkg.packageStructure.alignmentActions.includes('REORGANIZE_DIRECTORIES'), pkg.packageName);
      assert.ok(!pkg.packageStructure.alignmentActions.includes('MOVE_FILES'), pkg.packageName);
      assert.ok(pkg.alignmentPriorities.includes('STRUCTURE_STANDARDIZATION'), pkg.packageName);
    }
  });

  for (const [name, anchor, clause] of [
    ['search', 'pkg/search/search.go', 'package search'], // <name>.go
    ['index', 'pkg/index/builder.go', 'package index'], // no index.go: alphabetically first production file
  ] as const) {
    it(`puts structure/missing-file on the package clause of ${anchor}, naming each missing file`, () => {
      const pkg = name === 'search' ? search : index;
      const diagnostics = diagnosticsOf(pkg, 'structure/missing-file');
      assert.ok(diagnostics.length > 0);
      for (const diagnostic of diagnostics) {
        assert.equal(diagnostic.file, anchor);
        assert.equal(diagnostic.range.start.line, lineOf(root, anchor, clause));
        assert.equal(diagnostic.severity, 'warning');
      }
      for (const missing of pkg.packageStructure.missingFiles) {
        assert.ok(diagnostics.some((d) => d.message.includes(missing)), `no message names ${missing}`);
      }
    });

    it(`puts structure/missing-directory, info, on ${anchor}`, () => {
      const pkg = name === 'search' ? search : index;
      const diagnostics = diagnosticsOf(pkg, 'structure/missing-directory');
      assert.ok(diagnostics.length > 0);
      for (const diagnostic of diagnostics) {
        assert.equal(diagnostic.file, anchor);
        assert.equal(diagnostic.severity, 'info');
      }
    });
  }
});

describe('placeholders (placeholders)', () => {
  const root = fixturePath('placeholders');
  const file = 'pkg/draft/draft.go';
  let draft: PackageCompliance;
  before(async () => {
    draft = findPackage(await auditFixture('placeholders'), 'draft');
  });

  it('flags the TODO, FIXME and XXX comments and the not-implemented panic, nothing else', () => {
    // Not flagged: "TODO list" is a string literal, todoItems an identifier.
    const expected = ['// TODO: cache plans', 'panic("not implemented")', '// FIXME(ana)', '/* XXX:'].map((needle) => lineOf(root, file, needle));
    assert.deepEqual(diagnosticLines(draft, 'completeness/placeholder', file), expected.sort((a, b) => a - b));
    for (const diagnostic of diagnosticsOf(draft, 'completeness/placeholder')) assert.equal(diagnostic.severity, 'warning');
  });
});
