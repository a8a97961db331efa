// What the fixes that plan over a whole package folder read first: its Go
// files with their facts, the package-level names they declare, and the
// PackageFixContext of the package. Kept out of index.ts, which imports the
// fixers at run time: the fixers import this, so no import cycle forms.
import type { FileFacts } from '../facts/types';
import { isWithin, joinRel } from '../workspace/walk';
import type { ModuleInfo, PackageFixContext } from './missingFile';
import type { FixWorkspace } from './plan';

export interface GoFile {
  /** Workspace-relative path. */
  file: string;
  /** The file's name in its folder. */
  name: string;
  facts: FileFacts;
}

/** The `.go` files directly in `dir` that have facts. */
export function goFilesWithFacts(ws: FixWorkspace, dir: string): GoFile[] {
  return ws
    .listDir(dir)
    .filter((name) => name.endsWith('.go'))
    .flatMap((name) => {
      const file = joinRel(dir, name);
      const facts = ws.factsOf(file);
      return facts ? [{ file, name, facts }] : [];
    });
}

/** Package-level names (types, constants, variables, functions) the files declare. */
export function packageLevelNames(files: readonly { facts: FileFacts }[]): Set<string> {
  const names = new Set<string>();
  for (const { facts } of files) {
    for (const f of facts.funcs) if (f.receiverType === undefined) names.add(f.name);
    for (const d of [...facts.types, ...facts.vars, ...facts.consts]) names.add(d.name);
  }
  return names;
}

export function moduleOf(packagePath: string, modules: ModuleInfo[]): ModuleInfo | undefined {
  return modules.filter((m) => isWithin(packagePath, m.dir)).sort((a, b) => b.dir.length - a.dir.length)[0];
}

/** The import path of the Go package in `dir` of `module`; undefined without a module path. */
export function importPathIn(module: ModuleInfo | undefined, dir: string): string | undefined {
  if (!module || module.modulePath === null) return undefined;
  const below = module.dir === '' ? dir : dir.slice(module.dir.length + 1);
  return below === '' ? module.modulePath : `${module.modulePath}/${below}`;
}

/** The import path of the Go package in `dir`, from the module that holds it. */
export function importPathOf(dir: string, modules: ModuleInfo[]): string | undefined {
  return importPathIn(moduleOf(dir, modules), dir);
}

export function packageFixContext(ws: FixWorkspace, packagePath: string): PackageFixContext | undefined {
  const model = ws.packages.find((p) => p.path === packagePath);
  if (!model) return undefined;
  return {
    model,
    folderGoFiles: ws.listDir(packagePath).filter((name) => name.endsWith('.go')).map((name) => joinRel(packagePath, name)),
    factsOf: (file) => ws.factsOf(file),
    module: moduleOf(packagePath, ws.modules),
    metricNamePattern: ws.settings.metrics.namePattern,
    textOf: (file) => ws.textOf(file),
    listDir: (dir) => ws.listDir(dir),
  };
}
