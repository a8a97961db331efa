// Shared helpers of the engine tests: where the fixture Go modules are, how to
// audit one (every report is checked against the report schema), and how to
// find things in a report. Expected values never come from here: tests derive
// them from the fixture code, and `lineOf` reads the line numbers from it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { auditWorkspace, type AuditOptions } from '../../../server/src/engine/index';
import { ReportSchema, type Report } from '../../../common/schemas/report';
import type {
  MetricDefinition,
  PackageCompliance,
  ReportDiagnostic,
  TracedMethod,
} from '../../../common/schemas/entities';

export const FIXTURES_DIR = path.resolve(__dirname, '..', '..', 'fixtures');
export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', '..', 'examples');

export function fixturePath(name: string): string {
  const root = path.join(FIXTURES_DIR, name);
  assert.ok(fs.existsSync(root), `no fixture named ${name}`);
  return root;
}

/** Audits `root` and fails unless the report validates against the report schema. */
export async function auditValid(root: string, options?: AuditOptions): Promise<Report> {
  const report = await auditWorkspace(root, options);
  const parsed = ReportSchema.safeParse(report);
  assert.ok(parsed.success, `report of ${root} does not match ReportSchema:\n${parsed.error?.message ?? ''}`);
  return report;
}

/** Audits the committed fixture `name` (read-only; use copyFixture to change files). */
export function auditFixture(name: string, options?: AuditOptions): Promise<Report> {
  return auditValid(fixturePath(name), options);
}

export function findPackage(report: Report, name: string): PackageCompliance {
  const found = report.packages.find((p) => p.packageName === name);
  assert.ok(found, `package ${name} not in report (have: ${packageNames(report).join(', ')})`);
  return found;
}

export function packageNames(report: Report): string[] {
  return report.packages.map((p) => p.packageName).sort();
}

/** `name` is `Type.Method` or `Func`, as in the report. */
export function findMethod(pkg: PackageCompliance, name: string): TracedMethod {
  const found = pkg.observability.tracingIntegration.methods.find((m) => m.name === name);
  assert.ok(found, `method ${name} not counted in ${pkg.packageName} (have: ${methodNames(pkg).join(', ')})`);
  return found;
}

export function methodNames(pkg: PackageCompliance): string[] {
  return pkg.observability.tracingIntegration.methods.map((m) => m.name).sort();
}

/** `name` -> `how` for every counted method, to compare whole packages at once. */
export function tracedHowByMethod(pkg: PackageCompliance): Record<string, TracedMethod['how']> {
  const methods = pkg.observability.tracingIntegration.methods;
  assert.equal(new Set(methods.map((m) => m.name)).size, methods.length, `${pkg.packageName}: a method name is counted twice`);
  return Object.fromEntries(methods.map((m) => [m.name, m.how]));
}

/** `file name` -> `how`, for packages where two types share a name (providers). */
export function tracedHowByLocation(pkg: PackageCompliance): Record<string, TracedMethod['how']> {
  return Object.fromEntries(pkg.observability.tracingIntegration.methods.map((m) => [`${m.file} ${m.name}`, m.how]));
}

export function findMetric(pkg: PackageCompliance, name: string): MetricDefinition {
  const found = pkg.observability.metricsIntegration.metricDefinitions.find((m) => m.name === name);
  assert.ok(found, `metric ${name} not defined in ${pkg.packageName}`);
  return found;
}

export function diagnosticsOf(pkg: PackageCompliance, rule: string): ReportDiagnostic[] {
  return pkg.diagnostics.filter((d) => d.rule === rule);
}

/** Start lines of the package's diagnostics of `rule` in `file`, sorted. */
export function diagnosticLines(pkg: PackageCompliance, rule: string, file: string): number[] {
  return diagnosticsOf(pkg, rule)
    .filter((d) => d.file === file)
    .map((d) => d.range.start.line)
    .sort((a, b) => a - b);
}

/**
 * 1-based number of the one line of `root/file` that contains `needle`. Tests
 * take expected lines from the fixture this way, so editing a fixture cannot
 * leave a stale number behind.
 */
export function lineOf(root: string, file: string, needle: string): number {
  const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
  const [line, ...others] = lines.flatMap((text, index) => (text.includes(needle) ? [index + 1] : []));
  assert.ok(line !== undefined && others.length === 0, `${file}: expected exactly one line containing ${JSON.stringify(needle)}`);
  return line;
}

/**
 * A path the report gives for a file of `pkg`, made relative to the package
 * folder. The spec does not say whether structure evidence (fileLocations,
 * nonStandardFiles) is workspace- or package-relative, so both are accepted.
 */
export function packageRelative(pkg: PackageCompliance, reported: string): string {
  const prefix = `${pkg.path}/`;
  return reported.startsWith(prefix) ? reported.slice(prefix.length) : reported;
}

export interface FixtureCopy {
  /** Absolute path of the copy. */
  root: string;
  remove(): void;
}

/** Copies fixture `name` to a fresh temp folder, for tests that add or touch files. */
export function copyFixture(name: string): FixtureCopy {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `gocomply-${name}-`));
  fs.cpSync(fixturePath(name), root, { recursive: true });
  return { root, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** Writes `content` to `root/file`, creating folders. */
export function writeFile(root: string, file: string, content: string | Buffer): void {
  const target = path.join(root, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content);
}
