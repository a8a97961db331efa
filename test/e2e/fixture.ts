// The workspace the editor opens: copies of fixture Go modules side by side
// (a folder of modules), and what the checks expect of it, read from its files
// rather than from gocomply's output.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSettings } from '../../common/schemas/settings';
import { REPO_ROOT } from './paths';

/**
 * Fixture -> folder in the workspace. structure-missing has packages with
 * missing files; structure-full has a FULL one, for the filter; traced-llms
 * (fix-tracer-field) has untraced methods on a tracer field, for "add a span"
 * and "align package". Folders sort so that the missing-file case comes from
 * structure-missing.
 */
export const FIXTURES = { 'structure-missing': 'structure-missing', 'structure-full': 'structure-full', 'fix-tracer-field': 'traced-llms' } as const;
export const WORKSPACE_NAME = 'e2e-workspace';

export interface MissingFileCase {
  packageName: string;
  /** The anchor file, workspace relative: `<package>.go`, where the diagnostic sits. */
  anchorFile: string;
  /** 1-based line of the anchor's package clause. */
  packageClauseLine: number;
  /** The required file to create, workspace relative. */
  missingFile: string;
}

export interface SpanCase {
  /** Workspace-relative file with the untraced method. */
  file: string;
  /** 1-based line and column of the method's name. */
  line: number;
  column: number;
  /** `<Type>.<Method>`, as the quick fix's title names it. */
  method: string;
  /** The span name the spec gives it: `<package>.<Type>.<Method>`. */
  spanName: string;
}

export interface AlignCase {
  /** The package row's label, and the package folder (workspace relative). */
  packageName: string;
  packageDir: string;
  /** Required files the package lacks, which aligning creates. */
  missingFiles: string[];
}

export interface Workspace {
  root: string;
  /** The framework packages: the folders below each module's `pkg/`, sorted. */
  packages: string[];
  missingFileCase: MissingFileCase;
  spanCase: SpanCase;
  alignCase: AlignCase;
}

/** `Client.Models` of traced-llms: untraced, takes a context, returns no error (FIXTURE.md of fix-tracer-field). */
function spanCaseOf(root: string): SpanCase {
  const file = 'traced-llms/pkg/llms/llms.go';
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.startsWith('func (c *Client) Models(ctx context.Context)'));
  if (index < 0) throw new Error(`${file} has no Client.Models method`);
  return { file, line: index + 1, column: (lines[index] ?? '').indexOf('Models') + 1, method: 'Client.Models', spanName: 'llms.Client.Models' };
}

function alignCaseOf(root: string): AlignCase {
  const packageDir = 'traced-llms/pkg/llms';
  const missingFiles = defaultSettings().requiredFiles.filter((file) => !existsSync(join(root, packageDir, file)));
  if (missingFiles.length === 0) throw new Error(`${packageDir} lacks no required file`);
  return { packageName: 'llms', packageDir, missingFiles };
}

function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function packageClauseLine(file: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => /^package\s+\w+/.test(line));
  if (index < 0) throw new Error(`${file} has no package clause`);
  return index + 1;
}

function missingFileCaseOf(root: string, packageDir: string, name: string): MissingFileCase | undefined {
  const required = defaultSettings().requiredFiles.filter((file) => file.endsWith('.go'));
  const dir = join(root, packageDir);
  const missing = required.find((file) => !existsSync(join(dir, file)));
  const anchor = join(dir, `${name}.go`);
  if (missing === undefined || !existsSync(anchor)) return undefined;
  return { packageName: name, anchorFile: `${packageDir}/${name}.go`, packageClauseLine: packageClauseLine(anchor), missingFile: `${packageDir}/${missing}` };
}

/** What the checks expect of the workspace at `root` (a folder of Go modules). */
export function describeWorkspace(root: string): Workspace {
  const modules = subfolders(root).filter((name) => existsSync(join(root, name, 'go.mod')));
  const packageDirs = modules.flatMap((module) => subfolders(join(root, module, 'pkg')).map((name) => ({ dir: `${module}/pkg/${name}`, name })));
  const missingFileCase = packageDirs.map(({ dir, name }) => missingFileCaseOf(root, dir, name)).find((found) => found !== undefined);
  if (missingFileCase === undefined) throw new Error(`no package of ${root} has an anchor file and a missing required file`);
  return { root, packages: packageDirs.map(({ name }) => name).sort(), missingFileCase, spanCase: spanCaseOf(root), alignCase: alignCaseOf(root) };
}

/** Copies the fixtures into a new workspace below `parent`: the tests change it. */
export function prepareWorkspace(parent: string): Workspace {
  const root = join(parent, WORKSPACE_NAME);
  mkdirSync(root);
  for (const [fixture, folder] of Object.entries(FIXTURES)) cpSync(join(REPO_ROOT, 'test', 'fixtures', fixture), join(root, folder), { recursive: true });
  return describeWorkspace(root);
}

export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gocomply-e2e-'));
}
