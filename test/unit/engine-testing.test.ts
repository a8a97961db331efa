// Testing coverage and performance impact (spec §3 PatternCompliance and
// PerformanceImpact, §4): coverage profiles, advanced tests, benchmarks.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PackageCompliance } from '../../common/schemas/entities';
import { auditFixture, auditValid, copyFixture, diagnosticsOf, findPackage, type FixtureCopy } from './helpers/fixtures';

function assertClose(actual: number | null, expected: number, what: string): void {
  assert.ok(actual !== null, `${what} is null`);
  assert.ok(Math.abs(actual - expected) < 0.05, `${what}: ${actual}, expected ${expected}`);
}

describe('coverage profiles and benchmarks (testing-coverage)', () => {
  let ranker: PackageCompliance;
  let scorer: PackageCompliance;
  before(async () => {
    const report = await auditFixture('testing-coverage');
    ranker = findPackage(report, 'ranker');
    scorer = findPackage(report, 'scorer');
  });

  it('ranker: 8 of 10 statements, each duplicate block keeping its largest count', () => {
    // ranker.go 2+1+1+1+1, test_utils.go 2+1+1 statements; uncovered: the sort
    // closure and `return docs`. The 13.36 block is listed with 0 then 3, the
    // 22.2 block with 3 then 0: both covered. cmd/rank and the other module's
    // block belong to no package.
    assert.equal(ranker.testingCoverage.coveragePercentage, 80);
    assert.deepEqual(ranker.testingCoverage.coverageProfiles, ['coverage.out']);
  });

  it('ranker is COMPLETE: both files, coverage at the 80 % threshold', () => {
    const t = ranker.testingCoverage;
    assert.equal(t.hasTestUtils, true);
    assert.equal(t.hasAdvancedTest, true);
    assert.equal(t.hasTableDrivenTest, true);
    assert.equal(t.hasConcurrencyTest, true);
    assert.equal(t.hasBenchmarks, true);
    assert.equal(t.status, 'COMPLETE');
  });

  it('ranker falls to PARTIAL with testing/low-coverage above its coverage', async () => {
    const strict = findPackage(await auditFixture('testing-coverage', { settings: { coverage: { threshold: 81 } } }), 'ranker');
    assert.equal(strict.testingCoverage.status, 'PARTIAL');
    assert.ok(diagnosticsOf(strict, 'testing/low-coverage').length > 0);
  });

  it('scorer: 4 of 8 statements, no advanced_test.go: PARTIAL', () => {
    const t = scorer.testingCoverage;
    assert.equal(t.coveragePercentage, 50);
    assert.equal(t.hasTestUtils, true);
    assert.equal(t.hasAdvancedTest, false);
    assert.equal(t.hasTableDrivenTest, false);
    assert.equal(t.hasBenchmarks, true);
    assert.equal(t.status, 'PARTIAL');
  });

  it('reads bench.txt per pkg: line and compares X with XBaseline', () => {
    const ranking = ranker.observability.performanceImpact;
    assert.ok(Object.values(ranking.benchmarkResults).includes(1040)); // BenchmarkRank ns/op
    assertClose(ranking.overheadPercentage, 4, 'ranker overhead'); // (1040 - 1000) / 1000
    assert.equal(ranking.status, 'ACCEPTABLE');
    const scoring = scorer.observability.performanceImpact;
    assert.ok(Object.values(scoring.benchmarkResults).includes(2400)); // BenchmarkScore ns/op
    assert.ok(!Object.values(scoring.benchmarkResults).includes(1040), 'ranker results attributed to scorer');
    assertClose(scoring.overheadPercentage, 20, 'scorer overhead'); // (2400 - 2000) / 2000
    assert.equal(scoring.status, 'NEEDS_OPTIMIZATION');
  });

  it('judges overhead against benchmarks.maxOverhead', async () => {
    const tight = findPackage(await auditFixture('testing-coverage', { settings: { benchmarks: { maxOverhead: 3 } } }), 'ranker');
    assert.equal(tight.observability.performanceImpact.status, 'NEEDS_OPTIMIZATION');
  });
});

describe('no profile, no benchmark results (structure-full)', () => {
  it('leaves coverage unknown rather than 0 and performance not measured', async () => {
    const memory = findPackage(await auditFixture('structure-full'), 'memory');
    assert.equal(memory.testingCoverage.coveragePercentage, null);
    assert.deepEqual(memory.testingCoverage.coverageProfiles, []);
    assert.equal(memory.observability.performanceImpact.status, 'NOT_MEASURED');
    assert.deepEqual(memory.observability.performanceImpact.benchmarkResults, {});
  });
});

describe('a profile older than its sources (stale-coverage)', () => {
  const hourAgo = new Date(Date.now() - 3_600_000);
  const now = new Date();
  let copy: FixtureCopy;
  before(() => {
    copy = copyFixture('stale-coverage');
  });
  after(() => copy.remove());

  function setTimes(file: string, time: Date): void {
    fs.utimesSync(path.join(copy.root, file), time, time);
  }

  it('is stale, with testing/stale-coverage, when cache.go changed after the profile', async () => {
    setTimes('coverage.out', hourAgo);
    setTimes('pkg/cache/cache.go', now);
    const cache = findPackage(await auditValid(copy.root), 'cache');
    assert.equal(cache.testingCoverage.coverageStale, true);
    assert.ok(diagnosticsOf(cache, 'testing/stale-coverage').length > 0);
  });

  it('is fresh when the profile is newer, and covers 7 of 8 statements', async () => {
    setTimes('pkg/cache/cache.go', hourAgo);
    setTimes('coverage.out', now);
    const cache = findPackage(await auditValid(copy.root), 'cache');
    assert.equal(cache.testingCoverage.coverageStale, false);
    assert.deepEqual(diagnosticsOf(cache, 'testing/stale-coverage'), []);
    assert.equal(cache.testingCoverage.coveragePercentage, 87.5); // blocks of 1, 3, 1 (uncovered) and 3 statements
  });
});
