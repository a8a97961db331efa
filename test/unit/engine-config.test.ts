// Settings (.gocomply.json and overrides), per-rule severities and
// `//gocomply:ignore` comments (spec §9).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { PackageCompliance, ReportDiagnostic } from '../../common/schemas/entities';
import type { Report } from '../../common/schemas/report';
import { auditFixture, diagnosticLines, diagnosticsOf, findPackage, fixturePath, lineOf, packageNames } from './helpers/fixtures';

/** config/invalid diagnostics on `.gocomply.json` (outside every package, so workspace-level). */
function configProblems(report: Report): ReportDiagnostic[] {
  return report.diagnostics.filter((d) => d.rule === 'config/invalid');
}

describe('an invalid .gocomply.json (config-invalid)', () => {
  it('does not stop the audit and names the bad setting', async () => {
    const report = await auditFixture('config-invalid');
    assert.deepEqual(packageNames(report), ['app']);
    const problems = configProblems(report);
    assert.ok(problems.length > 0, 'the invalid settings file is not reported');
    for (const problem of problems) assert.equal(problem.file, '.gocomply.json');
    assert.ok(problems.some((d) => d.message.includes('threshold')), problems.map((d) => d.message).join('\n'));
  });
});

describe('a valid .gocomply.json (config-valid)', () => {
  it('takes packageRoots and requiredFiles from the file', async () => {
    const report = await auditFixture('config-valid');
    assert.deepEqual(packageNames(report), ['search']); // pkg/legacy is not under `modules`
    const search = findPackage(report, 'search');
    assert.equal(search.path, 'modules/search');
    assert.deepEqual(search.packageStructure.missingFiles, []);
    assert.equal(search.packageStructure.complianceStatus, 'COMPLIANT');
  });

  it('lets options.settings override the file', async () => {
    const withErrors = findPackage(
      await auditFixture('config-valid', { settings: { requiredFiles: ['config.go', 'README.md', 'errors.go'] } }),
      'search',
    );
    assert.deepEqual(withErrors.packageStructure.missingFiles, ['errors.go']);
    assert.equal(withErrors.packageStructure.complianceStatus, 'PARTIAL'); // 1 of 3 absent: under half
    const pkgRoot = await auditFixture('config-valid', { settings: { packageRoots: ['pkg'] } });
    assert.deepEqual(packageNames(pkgRoot), ['legacy']);
  });
});

describe('ignore comments and rule severities (ignore-comments)', () => {
  const root = fixturePath('ignore-comments');
  const notifyFile = 'pkg/notify/notify.go';
  const metricsFile = 'pkg/notify/metrics.go';
  const untracedLines = (): number[] => [
    lineOf(root, notifyFile, 'func (n *Notifier) Notify('),
    lineOf(root, notifyFile, 'func (n *Notifier) Retry('), // its ignore names another rule
  ];
  let notify: PackageCompliance;
  before(async () => {
    notify = findPackage(await auditFixture('ignore-comments'), 'notify');
  });

  it('silences otel/untraced-method above Send and on the line of Broadcast only', () => {
    assert.deepEqual(diagnosticLines(notify, 'otel/untraced-method', notifyFile), untracedLines());
  });

  it('silences otel/metric-name on the line below its ignore only', () => {
    const flagged = diagnosticLines(notify, 'otel/metric-name', metricsFile);
    assert.ok(flagged.includes(lineOf(root, metricsFile, '"notifyFailed"')));
    assert.ok(!flagged.includes(lineOf(root, metricsFile, '"NotifySent"')));
    assert.ok(!flagged.includes(lineOf(root, metricsFile, '"notify.delivered"')));
  });

  it('turns a rule off with rules: off', async () => {
    const quiet = findPackage(await auditFixture('ignore-comments', { settings: { rules: { 'otel/untraced-method': 'off' } } }), 'notify');
    assert.deepEqual(diagnosticsOf(quiet, 'otel/untraced-method'), []);
  });

  it('changes a rule’s severity, and ignore comments still apply', async () => {
    const loud = findPackage(await auditFixture('ignore-comments', { settings: { rules: { 'otel/untraced-method': 'error' } } }), 'notify');
    assert.deepEqual(diagnosticLines(loud, 'otel/untraced-method', notifyFile), untracedLines());
    for (const diagnostic of diagnosticsOf(loud, 'otel/untraced-method')) assert.equal(diagnostic.severity, 'error');
  });
});
