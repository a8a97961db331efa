// The first quick fix (spec §9): create a missing required file from its
// template. Which file a diagnostic asks for, and the file's content for this
// package: its Go package name, import path, metric prefix and test double.
// Pure: the caller lists the package folder and checks the disk.
import type { FileFacts } from '../facts/types';
import type { PackageModel } from '../model/package';
import type { EngineDiagnostic } from '../rules/finding';
import { isWithin, joinRel } from '../workspace/walk';
import { majorityFirstSegment, metricSegment } from './names';
import { importPathIn, packageLevelNames } from './packageContext';
import { instrumentationName, packageApi, packageDoc, packageMock } from './packageDocs';
import { isTemplateFile, renderTemplate, type TemplateFile, type TemplateInput } from './templates';
import { localDoubleNames, mockNames, type TestDouble } from './testTemplates';

export interface ModuleInfo {
  /** Workspace-relative folder, '' for the root. */
  dir: string;
  modulePath: string | null;
}

export interface PackageFixContext {
  model: PackageModel;
  /** Workspace-relative `.go` files directly in the package folder. */
  folderGoFiles: string[];
  factsOf(file: string): FileFacts | undefined;
  module: ModuleInfo | undefined;
  /** `metrics.namePattern` of the settings. */
  metricNamePattern: string;
  /**
   * The current text of a workspace file (FixWorkspace.textOf). Optional: with
   * it, README.md carries the package's doc comment and its API's summaries,
   * and metrics.go reuses an instrumentation name the code passes to otel.
   */
  textOf?(file: string): string | undefined;
  /**
   * Entries of a workspace folder (FixWorkspace.listDir). Optional: with it,
   * the package's main interface is also looked for in iface/, and the
   * interfaces it embeds from other folders can be read.
   */
  listDir?(dir: string): string[];
}

export interface FileCreation {
  /** Workspace-relative path of the file to create. */
  file: string;
  fileName: TemplateFile;
  content: string;
}

export interface MissingFileTarget {
  packagePath: string;
  fileName: TemplateFile;
}

/** The package a diagnostic belongs to: the deepest one whose folder holds its file. */
export function ownerPackage(file: string, packages: PackageModel[]): PackageModel | undefined {
  const holding = packages.filter((p) => isWithin(file, p.path));
  return holding.sort((a, b) => b.path.length - a.path.length)[0];
}

/** The file a `structure/missing-file` or `otel/missing-metrics` diagnostic asks to create, when a template exists. */
export function missingFileTarget(d: EngineDiagnostic, packages: PackageModel[]): MissingFileTarget | undefined {
  if (d.rule !== 'structure/missing-file' && d.rule !== 'otel/missing-metrics') return undefined;
  const pkg = ownerPackage(d.file, packages);
  if (!pkg) return undefined;
  let fileName: string | undefined;
  if (d.rule === 'structure/missing-file') {
    fileName = pkg.packageStructure.missingFiles.find((name) => d.fix === `Create ${name}`);
  } else if (d.rule === 'otel/missing-metrics' && !pkg.observability.metricsIntegration.hasMetricsFile) {
    fileName = 'metrics.go';
  }
  return fileName !== undefined && isTemplateFile(fileName) ? { packagePath: pkg.path, fileName } : undefined;
}

/** The package clause most production files of the folder share; the folder name made an identifier otherwise. */
export function goPackageName(ctx: PackageFixContext): string {
  const counts = new Map<string, number>();
  for (const file of ctx.folderGoFiles) {
    const name = ctx.factsOf(file)?.packageName;
    if (name === undefined || file.endsWith('_test.go')) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return ranked[0]?.[0] ?? metricSegment(ctx.model.path.split('/').at(-1) ?? ctx.model.path);
}

/** Package-level names the folder's files already declare for `goPackage`. */
function declaredNames(ctx: PackageFixContext, goPackage: string): Set<string> {
  const files = ctx.folderGoFiles.flatMap((file) => {
    const facts = ctx.factsOf(file);
    return facts?.packageName === goPackage ? [{ facts }] : [];
  });
  return packageLevelNames(files);
}

function hasMock(ctx: PackageFixContext, goPackage: string): boolean {
  const { typeName, constructor } = mockNames(goPackage);
  const facts = ctx.factsOf(joinRel(ctx.model.path, 'test_utils.go'));
  if (!facts) return false;
  const method = (name: string) => facts.funcs.some((f) => f.receiverType === typeName && f.name === name);
  const ctor = facts.funcs.some((f) => f.receiverType === undefined && f.name === constructor);
  return facts.types.some((t) => t.name === typeName) && ctor && method('Do') && method('Calls');
}

function testDouble(ctx: PackageFixContext, goPackage: string, creating: Set<string>): TestDouble {
  if (creating.has('test_utils.go') || hasMock(ctx, goPackage)) return { ...mockNames(goPackage), declare: false };
  return { ...localDoubleNames(goPackage), declare: true };
}

/**
 * The files to create for `fileNames` (missing required files of one package),
 * in an order where test_utils.go comes before advanced_test.go so the test
 * can use the mock created with it. A file whose declarations would clash with
 * the package's, or whose metric names break `metrics.namePattern`, is left out.
 */
export function planFileCreations(ctx: PackageFixContext, fileNames: TemplateFile[]): FileCreation[] {
  const goPackage = goPackageName(ctx);
  const existing = declaredNames(ctx, goPackage);
  const prefix = majorityFirstSegment(ctx.model.observability.metricsIntegration.metricDefinitions.filter((m) => !m.dynamic).map((m) => m.name));
  const ordered = [...new Set(fileNames)].sort((a, b) => Number(a === 'advanced_test.go') - Number(b === 'advanced_test.go'));
  const creating = new Set<string>(ordered);
  const plans: FileCreation[] = [];
  const doc = creating.has('README.md') ? packageDoc(ctx, goPackage) : undefined;
  const api = creating.has('README.md') ? packageApi(ctx, goPackage) : undefined;
  const instrumentation = creating.has('metrics.go') ? instrumentationName(ctx, goPackage) : undefined;
  const mock = creating.has('test_utils.go') ? packageMock(ctx, goPackage, existing) : undefined;
  for (const fileName of ordered) {
    const path = importPathIn(ctx.module, ctx.model.path);
    const input: TemplateInput = {
      goPackage,
      metricPrefix: prefix ?? metricSegment(goPackage),
      testDouble: testDouble(ctx, goPackage, creating),
      ...(path !== undefined ? { importPath: path } : {}),
      ...(doc !== undefined ? { doc } : {}),
      ...(api !== undefined ? { api } : {}),
      ...(instrumentation !== undefined ? { instrumentation } : {}),
      ...(mock !== undefined ? { packageMock: mock } : {}),
    };
    if (fileName === 'metrics.go' && !metricNamesPass(input.metricPrefix, ctx.metricNamePattern)) continue;
    const rendered = renderTemplate(fileName, input);
    if (rendered.declares.some((name) => existing.has(name))) {
      creating.delete(fileName);
      continue;
    }
    plans.push({ file: joinRel(ctx.model.path, fileName), fileName, content: rendered.content });
  }
  return plans;
}

function metricNamesPass(prefix: string, pattern: string): boolean {
  const regex = new RegExp(pattern);
  return regex.test(`${prefix}.operations`) && regex.test(`${prefix}.operation.duration`);
}
