// The providers of a package (spec §5): provider folders joined with registered
// names, each with the code that implements it.
//
// Decisions where the spec is silent:
//  - A provider is named after its folder. A folder that registers several
//    distinct names is one provider under the name that equals the folder's
//    (else the first registered), and each other name is a provider of its own
//    with the same folder: every registered name is listed.
//  - A registration made outside `providers/` (a `registry.go` registering
//    built-ins, say) joins the folder of the same name, compared
//    case-insensitively; made from a folder that is not a provider folder
//    (`providers/mock` without `providers.countMocks`), it is no provider.
//  - A provider without a folder is implemented by the file defining its
//    factory (an unqualified factory in the registering folder), or by the
//    package folder a qualified factory (`openai.New`) is imported from.
import type { FileFacts } from '../facts/types';
import { baseName, dirOf, isWithin, joinRel } from '../workspace/walk';
import type { Registration } from './providers';
import { isTestFile, packageFile, type PackageView } from './view';

export interface ProviderGroup {
  name: string;
  /** Name of its folder under `providers/`, absent for a provider only registered. */
  folderName?: string;
  /** Its registrations, those made in `init()` first, then by file and line. */
  registrations: Registration[];
}

export interface ProviderSource extends ProviderGroup {
  /** Workspace-relative provider folder. */
  folder?: string;
  /** Production files of its code, sorted. */
  files: string[];
  /** Test files of its code, sorted. */
  testFiles: string[];
}

const byPriority = (a: Registration, b: Registration): number =>
  Number(b.autoRegister) - Number(a.autoRegister) || a.file.localeCompare(b.file) || a.call.range.start.line - b.call.range.start.line;

function addRegistration(groups: Map<string, ProviderGroup>, key: string, group: ProviderGroup, registration: Registration): void {
  const existing = groups.get(key);
  if (existing) existing.registrations.push(registration);
  else groups.set(key, { ...group, registrations: [registration] });
}

/** The registered name that stands for a folder: the one equal to its name, else the first. */
function folderNameKey(folder: string, registrations: Registration[]): string | undefined {
  const names = registrations.filter((r) => r.providerFolder === folder).map((r) => r.registryName.toLowerCase());
  return names.find((n) => n === folder.toLowerCase()) ?? names[0];
}

export function groupProviders(folders: string[], registrations: Registration[]): ProviderGroup[] {
  const groups = new Map<string, ProviderGroup>(folders.map((f) => [f.toLowerCase(), { name: f, folderName: f, registrations: [] }]));
  const folderSet = new Set(folders);
  const sorted = [...registrations].sort(byPriority);
  const folderKeys = new Map(folders.map((f) => [f, folderNameKey(f, sorted)]));
  for (const r of sorted) {
    const lower = r.registryName.toLowerCase();
    const from = r.providerFolder;
    if (from !== undefined && !folderSet.has(from)) continue;
    if (from !== undefined && folderKeys.get(from) === lower) {
      addRegistration(groups, from.toLowerCase(), { name: from, folderName: from, registrations: [] }, r);
    } else {
      const group: ProviderGroup = from !== undefined ? { name: r.registryName, folderName: from, registrations: [] } : { name: r.registryName, registrations: [] };
      addRegistration(groups, lower, group, r);
    }
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Production files of one folder (not below it). */
function filesIn(view: PackageView, dir: string): string[] {
  return view.productionFiles.filter((f) => dirOf(f) === dir);
}

/** The package folder an import path names, when it is inside this package. */
function importedFolder(view: PackageView, importPath: string): string | undefined {
  const { dir, mod } = view.pkg.module;
  if (mod.modulePath === null || !importPath.startsWith(`${mod.modulePath}/`)) return undefined;
  const folder = joinRel(dir, importPath.slice(mod.modulePath.length + 1));
  return isWithin(folder, view.pkg.dir) ? folder : undefined;
}

function importAlias(path: string, alias: string | undefined): string {
  if (alias !== undefined) return alias;
  const last = baseName(path);
  return /^v\d+$/.test(last) ? baseName(dirOf(path)) : last;
}

type CodeFiles = Pick<ProviderSource, 'files' | 'testFiles'>;
const NO_FILES: CodeFiles = { files: [], testFiles: [] };

/** Test files in `dir`, or only the `<stem>_test.go` of the given files when `stems` is set. */
function testsIn(view: PackageView, dir: string, stems?: Set<string>): string[] {
  return view.goFiles.filter((f) => isTestFile(f) && dirOf(f) === dir && (!stems || stems.has(f.replace(/_test\.go$/, ''))));
}

/** The code of a provider that has no folder, found through its factory. */
function factoryCode(view: PackageView, registration: Registration | undefined): CodeFiles {
  const factory = registration?.factoryFunction ?? '';
  if (!registration || factory === '' || factory === 'func') return NO_FILES;
  const dot = factory.lastIndexOf('.');
  if (dot < 0) {
    const dir = dirOf(registration.file);
    const defines = (facts: FileFacts | undefined) => (facts?.funcs ?? []).some((f) => f.name === factory && f.receiverType === undefined);
    const files = filesIn(view, dir).filter((f) => defines(view.facts(f)));
    return { files, testFiles: testsIn(view, dir, new Set(files.map((f) => f.replace(/\.go$/, '')))) };
  }
  const qualifier = factory.slice(0, dot);
  const imported = (view.facts(registration.file)?.imports ?? []).find((i) => importAlias(i.path, i.alias) === qualifier);
  const folder = imported ? importedFolder(view, imported.path) : undefined;
  return folder ? { files: filesIn(view, folder), testFiles: testsIn(view, folder) } : NO_FILES;
}

export function providerSources(view: PackageView, folders: string[], registrations: Registration[]): ProviderSource[] {
  const providersDir = packageFile(view, 'providers');
  return groupProviders(folders, registrations).map((group) => {
    if (group.folderName !== undefined) {
      const folder = joinRel(providersDir, group.folderName);
      const inFolder = (f: string) => isWithin(f, folder);
      return {
        ...group,
        folder,
        files: view.productionFiles.filter(inFolder),
        testFiles: view.goFiles.filter((f) => inFolder(f) && isTestFile(f)),
      };
    }
    return { ...group, ...factoryCode(view, group.registrations[0]) };
  });
}
