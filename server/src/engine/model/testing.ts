// TestingCoverage (spec §4).
import type { TestingCoverage } from '../../../../common/schemas/entities';
import type { Settings } from '../../../../common/schemas/settings';
import type { Finding } from '../rules/finding';
import { coverageOf, type CoverageProfile } from './coverage';
import { existsInPlace, isTestFile, packageFile, type PackageView } from './view';

export interface LoadedProfile {
  file: string;
  mtimeMs: number;
  profile: CoverageProfile;
}

export interface CoverageInputs {
  merged: CoverageProfile;
  profiles: LoadedProfile[];
}

/** Import-path key of a workspace file (`module/path/dir/file.go`), as coverage profiles write it. */
export function importKey(view: PackageView, file: string): string | undefined {
  const { dir, mod } = view.pkg.module;
  if (mod.modulePath === null) return undefined;
  const inside = dir === '' ? file : file.slice(dir.length + 1);
  return `${mod.modulePath}/${inside}`;
}

function staleProfiles(view: PackageView, keys: Map<string, string>, profiles: LoadedProfile[]): string[] {
  return profiles
    .filter((p) =>
      [...keys].some(([key, file]) => p.profile.has(key) && (view.listing.goFiles.get(file)?.mtimeMs ?? 0) > p.mtimeMs),
    )
    .map((p) => p.file);
}

export interface TestingResult {
  testing: TestingCoverage;
  staleProfiles: string[];
  performanceCritical: boolean;
}

export function computeTesting(view: PackageView, settings: Settings, coverage: CoverageInputs): TestingResult {
  const testFiles = view.goFiles.filter(isTestFile);
  const hasBenchmarks = testFiles.some((f) => view.facts(f)?.tests.some((t) => t.kind === 'benchmark'));
  const advanced = view.facts(packageFile(view, 'advanced_test.go'));
  const keys = new Map<string, string>();
  for (const file of view.productionFiles) {
    const key = importKey(view, file);
    if (key !== undefined) keys.set(key, file);
  }
  const summary = coverageOf(coverage.merged, keys.keys());
  const covering = coverage.profiles.filter((p) => [...keys.keys()].some((k) => p.profile.has(k))).map((p) => p.file);
  const hasTestUtils = existsInPlace(view, 'test_utils.go');
  const hasAdvancedTest = existsInPlace(view, 'advanced_test.go');
  const performanceCritical = settings.performanceCritical.includes(view.pkg.name);
  const percentage = summary?.percentage ?? null;
  const complete =
    hasTestUtils &&
    hasAdvancedTest &&
    (!performanceCritical || hasBenchmarks) &&
    (percentage === null || percentage >= settings.coverage.threshold);
  const status = complete ? 'COMPLETE' : !hasTestUtils && !hasAdvancedTest ? 'INSUFFICIENT' : 'PARTIAL';
  const stale = staleProfiles(view, keys, coverage.profiles);
  return {
    testing: {
      hasTestUtils,
      hasAdvancedTest,
      hasBenchmarks,
      coveragePercentage: percentage,
      status,
      hasTableDrivenTest: advanced?.hasTableDrivenTest ?? false,
      hasConcurrencyTest: advanced?.hasConcurrencyTest ?? false,
      coverageStale: stale.length > 0,
      coverageProfiles: covering,
    },
    staleProfiles: stale,
    performanceCritical,
  };
}

export function testingFindings(view: PackageView, result: TestingResult, settings: Settings, anchor: Finding): Finding[] {
  const { testing } = result;
  const findings: Finding[] = [];
  if (result.performanceCritical && !testing.hasBenchmarks) {
    findings.push({
      ...anchor,
      rule: 'testing/missing-benchmarks',
      message: `${view.pkg.name} is performance-critical but has no Benchmark functions: add benchmarks to advanced_test.go.`,
      fix: 'Add a benchmark skeleton',
    });
  }
  if (testing.coveragePercentage !== null && testing.coveragePercentage < settings.coverage.threshold) {
    findings.push({
      ...anchor,
      rule: 'testing/low-coverage',
      message: `Test coverage of ${view.pkg.name} is ${testing.coveragePercentage}%, under the ${settings.coverage.threshold}% threshold.`,
    });
  }
  if (testing.hasAdvancedTest && (!testing.hasTableDrivenTest || !testing.hasConcurrencyTest)) {
    const lacks = [!testing.hasTableDrivenTest && 'a table-driven test', !testing.hasConcurrencyTest && 'a concurrency test'];
    findings.push({
      rule: 'testing/advanced-test-incomplete',
      file: packageFile(view, 'advanced_test.go'),
      range: view.facts(packageFile(view, 'advanced_test.go'))?.packageClauseRange ?? anchor.range,
      message: `advanced_test.go lacks ${lacks.filter((x) => x !== false).join(' and ')}.`,
    });
  }
  if (result.staleProfiles.length > 0) {
    findings.push({
      ...anchor,
      rule: 'testing/stale-coverage',
      message: `Coverage profile ${result.staleProfiles.join(', ')} is older than source files of ${view.pkg.name}: re-run go test -coverprofile.`,
    });
  }
  return findings;
}
