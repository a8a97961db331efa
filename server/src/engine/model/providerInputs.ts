// Workspace-wide inputs of the provider and multimodal models: what a package
// needs to know about code outside its own files.
import type { FileFacts } from '../facts/types';
import type { FrameworkPackage, GoModule } from '../workspace/packages';
import { baseName, isWithin } from '../workspace/walk';
import { isProductionFile, isTestFile } from './view';

export interface IntegrationTestFile {
  file: string;
  /** Folder of the deepest framework package holding the file, absent outside every package. */
  ownerDir?: string;
  imports: string[];
  /** Test function names. */
  tests: string[];
}

export interface ExtensionInputs {
  /** Module paths of the workspace's own modules: their imports are never an SDK. */
  modulePaths: string[];
  /** `_test.go` files built with the `integration` tag or named `…integration…`, in path order. */
  integrationTests: IntegrationTestFile[];
  /** Names of the struct types declared in production code anywhere in the workspace. */
  structNames: ReadonlySet<string>;
}

/** `integration` as a build tag that is required, not negated (`integration && !short`, not `!integration`). */
const INTEGRATION_TAG = /(?<![!\w])integration(?!\w)/;

export function isIntegrationTestFile(file: string, facts: FileFacts): boolean {
  if (!isTestFile(file)) return false;
  return INTEGRATION_TAG.test(facts.buildConstraint ?? '') || baseName(file).toLowerCase().includes('integration');
}

function integrationTests(facts: [string, FileFacts][], packages: FrameworkPackage[]): IntegrationTestFile[] {
  const deepestFirst = [...packages].sort((a, b) => b.dir.length - a.dir.length);
  return facts
    .filter(([file, fileFacts]) => isIntegrationTestFile(file, fileFacts))
    .map(([file, fileFacts]) => {
      const owner = deepestFirst.find((p) => isWithin(file, p.dir));
      return {
        file,
        ...(owner ? { ownerDir: owner.dir } : {}),
        imports: fileFacts.imports.map((i) => i.path),
        tests: fileFacts.tests.filter((t) => t.kind === 'test').map((t) => t.name),
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

function structsOf(facts: FileFacts): string {
  return facts.types.flatMap((type) => (type.kind === 'struct' ? [type.name] : [])).join('\u0000');
}

function integrationPart(file: string, facts: FileFacts): string | undefined {
  if (!isIntegrationTestFile(file, facts)) return undefined;
  return JSON.stringify([facts.imports.map((i) => i.path), facts.tests.filter((t) => t.kind === 'test').map((t) => t.name)]);
}

/**
 * True when two versions of a file give extensionInputs the same part: the
 * same struct names (for production files), the same integration-test entry.
 */
export function sameExtensionPart(file: string, a: FileFacts, b: FileFacts): boolean {
  if (isProductionFile(file, a) !== isProductionFile(file, b)) return false;
  return structsOf(a) === structsOf(b) && integrationPart(file, a) === integrationPart(file, b);
}

function structNames(facts: [string, FileFacts][]): string[] {
  const names = new Set<string>();
  for (const [file, fileFacts] of facts) {
    if (!isProductionFile(file, fileFacts)) continue;
    for (const type of fileFacts.types) if (type.kind === 'struct') names.add(type.name);
  }
  return [...names].sort();
}

// The engine's memo compares workspace inputs by identity: equal inputs keep
// the identity of the previous ones, so unchanged packages are not re-analysed.
let previous: { json: string; value: ExtensionInputs } | undefined;

export function extensionInputs(facts: Iterable<[string, FileFacts]>, modules: GoModule[], packages: FrameworkPackage[]): ExtensionInputs {
  const all = [...facts];
  const modulePaths = modules.flatMap((m) => (m.mod.modulePath === null ? [] : [m.mod.modulePath])).sort();
  const tests = integrationTests(all, packages);
  const structs = structNames(all);
  const json = JSON.stringify([modulePaths, tests, structs]);
  if (previous?.json === json) return previous.value;
  const value: ExtensionInputs = { modulePaths, integrationTests: tests, structNames: new Set(structs) };
  previous = { json, value };
  return value;
}
