// The CLI as a user runs it: the bundled dist/cli.js in a child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { formatZodIssues, ValidatedReportSchema } from '../../common/schemas/validation';
import type { Report } from '../../common/schemas/report';

const repo = join(__dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const fixtures = join(repo, 'test', 'fixtures');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function validReport(stdout: string): Report {
  const parsed = ValidatedReportSchema.safeParse(JSON.parse(stdout));
  assert.ok(parsed.success, parsed.success ? '' : formatZodIssues(parsed.error).join('\n'));
  return parsed.data;
}

describe('gocomply CLI', { skip: existsSync(cli) ? false : 'dist/cli.js missing: run npm run build' }, () => {
  test('without PATH audits the bundled examples/ and prints a valid JSON report on stdout only', () => {
    const { status, stdout, stderr } = run([]);
    assert.equal(status, 0);
    assert.equal(stderr, '', 'progress goes to stderr only on a TTY');
    const report = validReport(stdout);
    assert.equal(report.workspace, join(repo, 'examples'));
    assert.ok(report.packages.some((p) => p.packageName === 'llms'));
  });

  for (const name of readdirSync(fixtures).sort()) {
    test(`fixture ${name}: the JSON report validates with the seed's rules`, () => {
      const { status, stdout } = run([join(fixtures, name), '--format', 'json']);
      assert.equal(status, 0);
      validReport(stdout);
    });
  }

  test('Markdown has one section per package and a summary row each', () => {
    const report = validReport(run([]).stdout);
    const { status, stdout } = run(['--format', 'markdown']);
    assert.equal(status, 0);
    for (const pkg of report.packages) {
      assert.match(stdout, new RegExp(`^## Package ${pkg.packageName.replace('/', '\\/')}$`, 'm'));
      assert.match(stdout, new RegExp(`\\| \\[${pkg.packageName.replace('/', '\\/')}\\]`));
    }
  });

  test('SARIF 2.1.0: one result per diagnostic, rules resolvable, 1-based regions', () => {
    const report = validReport(run([]).stdout);
    const sarif: unknown = JSON.parse(run(['--format=sarif']).stdout);
    assert.ok(typeof sarif === 'object' && sarif !== null && 'version' in sarif && 'runs' in sarif);
    assert.equal(sarif.version, '2.1.0');
    const runs = sarif.runs as { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    const expected = report.diagnostics.length + report.packages.reduce((n, p) => n + p.diagnostics.length, 0);
    const [first] = runs;
    assert.ok(first);
    assert.equal(first.results.length, expected);
    for (const result of first.results) {
      assert.equal(first.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
      assert.ok((result.locations[0]?.physicalLocation.region.startLine ?? 0) >= 1);
    }
  });

  test('--out writes the report to a file and nothing to stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gocomply-cli-'));
    try {
      const out = join(dir, 'report.md');
      const { status, stdout } = run(['--format', 'markdown', '--out', out]);
      assert.equal(status, 0);
      assert.equal(stdout, '');
      assert.match(readFileSync(out, 'utf8'), /^# gocomply report/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--fail-on: exit 1 when the threshold fails, 0 when it holds', () => {
    // structure-full holds only FULL packages; the examples hold NON_COMPLIANT ones.
    assert.equal(run([join(fixtures, 'structure-full'), '--fail-on', 'partial']).status, 0);
    assert.equal(run(['--fail-on', 'non-compliant']).status, 1);
    assert.equal(run(['--fail-on', 'partial']).status, 1);
  });

  test('usage errors and unreadable folders exit 2 with a message', () => {
    const bad = run(['--format', 'xml']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format takes one of json, markdown, sarif/);
    const missing = run([join(fixtures, 'does-not-exist')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /not a readable folder/);
  });
});
