// What fixes that write new Go packages need to know about the workspace's Go
// code beyond one package model: which folder an import path names, a
// folder's package clause, where a type is declared, whether importing a
// package would close an import cycle; and the import section of a file being
// written, with each package's name in that file.
import type { ImportFact, TypeFact } from '../facts/types';
import { dirOf, joinRel } from '../workspace/walk';
import { codeOnly } from './codeText';
import { isStdlib } from './goImports';
import type { ModuleInfo } from './missingFile';
import type { FixWorkspace } from './plan';

/** What reading Go declarations needs of a workspace: facts, and folder listings. */
export type GoLookup = Pick<FixWorkspace, 'factsOf' | 'listDir'>;

/** The import path of a workspace folder, undefined outside every module with a module path. */
export function importPathOfDir(modules: ModuleInfo[], dir: string): string | undefined {
  const module = modules
    .filter((m) => m.modulePath !== null && (m.dir === '' || dir === m.dir || dir.startsWith(`${m.dir}/`)))
    .sort((a, b) => b.dir.length - a.dir.length)[0];
  if (!module || module.modulePath === null) return undefined;
  const below = module.dir === '' ? dir : dir.slice(module.dir.length + 1);
  return below === '' ? module.modulePath : `${module.modulePath}/${below}`;
}

/** The workspace folder an import path names, undefined when no module of the workspace holds it. */
export function dirOfImport(modules: ModuleInfo[], importPath: string): string | undefined {
  const module = modules
    .filter((m) => m.modulePath !== null && (importPath === m.modulePath || importPath.startsWith(`${m.modulePath}/`)))
    .sort((a, b) => (b.modulePath?.length ?? 0) - (a.modulePath?.length ?? 0))[0];
  if (!module || module.modulePath === null) return undefined;
  const below = importPath.slice(module.modulePath.length + 1);
  return below === '' ? module.dir : joinRel(module.dir, below);
}

/** `.go` files directly in `dir`, workspace-relative; production files only unless `tests`. */
export function goFilesIn(ws: GoLookup, dir: string, tests = false): string[] {
  return ws
    .listDir(dir)
    .filter((name) => name.endsWith('.go') && (tests || !name.endsWith('_test.go')))
    .map((name) => joinRel(dir, name));
}

/** The package clause most production files of `dir` share. */
export function goPackageOf(ws: GoLookup, dir: string): string | undefined {
  const counts = new Map<string, number>();
  for (const file of goFilesIn(ws, dir)) {
    const name = ws.factsOf(file)?.packageName;
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** The last element of an import path that is not a major version (`.../v2`). */
export function lastPathElement(importPath: string): string {
  const parts = importPath.split('/');
  const last = parts.at(-1) ?? importPath;
  return /^v\d+$/.test(last) && parts.length > 1 ? (parts.at(-2) ?? last) : last;
}

/** Names a package imported without alias may have: its folder's package clause, else guesses from the path. */
function guessedNames(ws: GoLookup, modules: ModuleInfo[], importPath: string): string[] {
  const dir = dirOfImport(modules, importPath);
  const clause = dir !== undefined ? goPackageOf(ws, dir) : undefined;
  if (clause !== undefined) return [clause];
  const last = lastPathElement(importPath);
  return [last, last.replace(/^go-/, ''), last.replace(/-go$/, ''), last.replace(/[-.].*$/, ''), last.replace(/-/g, '')];
}

/** What a type written in one file refers to: that file's folder and imports. */
export interface SourceContext {
  file: string;
  dir: string;
  importPath?: string;
  imports: ImportFact[];
}

export function sourceContext(ws: GoLookup, modules: ModuleInfo[], file: string): SourceContext {
  const dir = dirOf(file);
  const importPath = importPathOfDir(modules, dir);
  return { file, dir, ...(importPath !== undefined ? { importPath } : {}), imports: ws.factsOf(file)?.imports ?? [] };
}

/** The import that the qualifier `name` stands for in `ctx`, undefined when none (or a dot or blank import). */
export function importNamed(ws: GoLookup, modules: ModuleInfo[], ctx: SourceContext, name: string): string | undefined {
  const aliased = ctx.imports.find((i) => i.alias === name);
  if (aliased) return aliased.path;
  return ctx.imports.find((i) => i.alias === undefined && guessedNames(ws, modules, i.path).includes(name))?.path;
}

export interface DeclaredType {
  file: string;
  dir: string;
  type: TypeFact;
}

/** The type `name` declared in the production files of `dir`. */
export function findTypeIn(ws: GoLookup, dir: string, name: string): DeclaredType | undefined {
  for (const file of goFilesIn(ws, dir)) {
    const type = ws.factsOf(file)?.types.find((t) => t.name === name);
    if (type) return { file, dir, type };
  }
  return undefined;
}

/**
 * The workspace declaration a type name refers to in `ctx`: `Config`,
 * `*Config`, `llms.Config`. Undefined for other shapes and for types outside
 * the workspace.
 */
export function resolveNamedType(ws: GoLookup, modules: ModuleInfo[], ctx: SourceContext, typeText: string): DeclaredType | undefined {
  const match = /^\*?\s*(?:([\p{L}_][\p{L}\p{Nd}_]*)\.)?([\p{L}_][\p{L}\p{Nd}_]*)$/u.exec(typeText.trim());
  if (!match?.[2]) return undefined;
  if (match[1] === undefined) return findTypeIn(ws, ctx.dir, match[2]);
  const path = importNamed(ws, modules, ctx, match[1]);
  const dir = path !== undefined ? dirOfImport(modules, path) : undefined;
  return dir !== undefined ? findTypeIn(ws, dir, match[2]) : undefined;
}

/** True when the package `fromPath` imports `targetPath`, directly or through workspace packages. */
export function importsTransitively(ws: GoLookup, modules: ModuleInfo[], fromPath: string, targetPath: string): boolean {
  const seen = new Set<string>();
  const queue = [fromPath];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    const dir = dirOfImport(modules, path);
    if (dir === undefined) continue;
    for (const file of goFilesIn(ws, dir)) {
      for (const imported of ws.factsOf(file)?.imports ?? []) {
        if (imported.path === targetPath) return true;
        if (!seen.has(imported.path)) queue.push(imported.path);
      }
    }
  }
  return false;
}

export interface ImportSpec {
  path: string;
  alias?: string;
}

/**
 * The import section of a Go file being written. `ref` names a package's
 * identifier as the file must spell it; which imports the file needs is read
 * from the finished code (qualifiers outside comments and strings), so a name
 * given out for a type that was later dropped imports nothing.
 */
export class GoImports {
  private readonly names = new Map<string, string>();
  private readonly existing = new Set<string>();
  private readonly taken = new Set<string>();

  /**
   * @param ownPath the import path of the file's own package: its identifiers are not qualified.
   * @param present the imports the file already has (when it exists), with the name each goes by.
   * @param reserved names the file's package declares, which no import may take.
   */
  constructor(
    readonly ownPath: string | undefined,
    present: { path: string; name: string }[] = [],
    reserved: Iterable<string> = [],
  ) {
    for (const name of reserved) this.taken.add(name);
    for (const { path, name } of present) {
      this.names.set(path, name);
      this.existing.add(path);
      this.taken.add(name);
    }
  }

  /** The name the file refers to package `path` by; `preferred` is the package's name (or the alias the source used). */
  nameOf(path: string, preferred: string): string {
    const known = this.names.get(path);
    if (known !== undefined) return known;
    let name = preferred;
    for (let n = 2; this.taken.has(name); n++) name = `${preferred}${n}`;
    this.names.set(path, name);
    this.taken.add(name);
    return name;
  }

  /** How the file spells identifier `name` of package `path`. */
  ref(path: string, preferred: string, name: string): string {
    return path === this.ownPath ? name : `${this.nameOf(path, preferred)}.${name}`;
  }

  /** The names given out so far (taken by imports or reserved). */
  takenNames(): Set<string> {
    return new Set(this.taken);
  }

  /** Imports `code` uses that the file does not have yet, sorted by path, each with the alias it needs. */
  needed(code: string): ImportSpec[] {
    const plain = codeOnly(code);
    const specs: ImportSpec[] = [];
    for (const [path, name] of this.names) {
      if (this.existing.has(path)) continue;
      if (!new RegExp(`(?<![\\p{L}\\p{Nd}_.])${name}\\.`, 'u').test(plain)) continue;
      specs.push(name === lastPathElement(path) ? { path } : { path, alias: name });
    }
    return specs.sort((a, b) => a.path.localeCompare(b.path));
  }

  /** The import declaration of a new file holding `code`: standard library first, then the rest; '' when none. */
  declaration(code: string): string {
    const specs = this.needed(code);
    if (specs.length === 0) return '';
    const line = (s: ImportSpec) => (s.alias === undefined ? `"${s.path}"` : `${s.alias} "${s.path}"`);
    const [only] = specs;
    if (specs.length === 1 && only) return `import ${line(only)}\n`;
    const groups = [specs.filter((s) => isStdlib(s.path)), specs.filter((s) => !isStdlib(s.path))].filter((g) => g.length > 0);
    return `import (\n${groups.map((g) => g.map((s) => `\t${line(s)}\n`).join('')).join('\n')})\n`;
  }
}
