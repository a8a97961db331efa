// The workspace the editor opens: copies of fixture Go modules side by side
// (a folder of modules), and what the checks expect of it, read from its files
// rather than from gocomply's output.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSettings } from '../../common/schemas/settings';
import { REPO_ROOT } from './paths';

/** structure-missing has packages with missing files; structure-full has a FULL one, for the filter. */
export const FIXTURES = ['structure-missing', 'structure-full'] as const;
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

export interface Workspace {
  root: string;
  /** The framework packages: the folders below each module's `pkg/`, sorted. */
  packages: string[];
  missingFileCase: MissingFileCase;
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
  return { root, packages: packageDirs.map(({ name }) => name).sort(), missingFileCase };
}

/** Copies the fixtures into a new workspace below `parent`: the tests change it. */
export function prepareWorkspace(parent: string): Workspace {
  const root = join(parent, WORKSPACE_NAME);
  mkdirSync(root);
  for (const fixture of FIXTURES) cpSync(join(REPO_ROOT, 'test', 'fixtures', fixture), join(root, fixture), { recursive: true });
  return describeWorkspace(root);
}

export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gocomply-e2e-'));
}
