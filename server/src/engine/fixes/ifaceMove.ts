// Quick fix of `structure/missing-directory` for iface/ (spec §2, §9): move the
// package's exported interfaces to `<pkg>/iface/<name>.go` (package iface) and
// leave `type X = iface.X` behind, so every importer keeps compiling.
//
// iface/ must not import its parent (that would be a cycle), so an interface
// that names a type, constant or function of the package itself stays where it
// is, unless what it names is an interface that moves too. The new file gets
// the import specs of the source file that the moved declarations use; the
// source file gets the iface import and loses the imports only the moved
// declarations used. A refactor with choices: not part of fix-all.
import type { FileFacts, ImportFact, TypeFact } from '../facts/types';
import type { EngineDiagnostic } from '../rules/finding';
import { joinRel } from '../workspace/walk';
import { applyChanges, offsetAt, positionAt } from './apply';
import { codeOnly, docCommentAbove, indentAt, textIn, usesQualifier } from './codeText';
import { importChanges, importedName, skipSpaceAndComments, type WantedImport } from './goImports';
import { goPackageName, ownerPackage } from './missingFile';
import { goFilesWithFacts, importPathOf, packageFixContext, packageLevelNames, type GoFile } from './packageContext';
import type { FileChanges, FixWorkspace, PlannedFix, TextChange } from './plan';

interface Candidate {
  file: string;
  type: TypeFact;
  /** Declaration text as it stands alone at the left margin, with its doc comment. */
  source: string;
  /** Package-level names of the package it refers to. */
  localRefs: Set<string>;
  /** Imports of its file it uses, by qualifier. */
  imports: Map<string, ImportFact>;
  grouped: boolean;
}

/** The name a file uses for an import; the path's last element (without a `go-` prefix or `.vN`/`-go` suffix) when not aliased. */
function localName(spec: ImportFact): string {
  if (spec.alias !== undefined) return spec.alias;
  const name = importedName([spec], spec.path) ?? spec.path;
  return name.replace(/^go-/, '').replace(/(\.v\d+|-go)$/, '').replace(/[^A-Za-z0-9_]/g, '');
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/g;

/** Qualifiers (`context` in `context.Context`) and unqualified identifiers of a declaration, method names left out. */
function references(code: string): { qualifiers: Set<string>; names: Set<string> } {
  const qualifiers = new Set<string>();
  const names = new Set<string>();
  for (const match of code.matchAll(IDENT)) {
    const at = match.index ?? 0;
    const before = code.slice(0, at).replace(/\s+$/, '');
    if (before.endsWith('.') && !before.endsWith('...')) continue;
    const after = code.slice(at + match[0].length);
    if (/^\s*\.\s*[A-Za-z_]/.test(after)) {
      qualifiers.add(match[0]);
      continue;
    }
    const lineStart = code.lastIndexOf('\n', at - 1) + 1;
    if (code.slice(lineStart, at).trim() === '' && /^\s*\(/.test(after)) continue; // a method name
    names.add(match[0]);
  }
  return { qualifiers, names };
}

/** Removes `indent` (the indentation of the declaration's first line) from the lines after the first. */
function dedent(text: string, indent: string): string {
  if (indent === '') return text;
  return text
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
}

function candidate(text: string, facts: FileFacts, file: string, type: TypeFact, packageNames: Set<string>): Candidate | 'unmovable' | undefined {
  if (type.kind !== 'interface' || !type.exported || type.text === undefined) return undefined;
  if (new RegExp(`^type\\s+${type.name}\\s*\\[`).test(type.text)) return 'unmovable'; // generic: an alias needs Go 1.24
  const start = offsetAt(text, type.range.start);
  const grouped = !/^type\b/.test(textIn(text, type.range));
  const declaration = dedent(type.text, indentAt(text, start));
  const doc = docCommentAbove(text, start).lines;
  const { qualifiers, names } = references(codeOnly(declaration));
  const imports = new Map<string, ImportFact>();
  for (const q of qualifiers) {
    const spec = facts.imports.find((i) => i.alias !== '_' && i.alias !== '.' && localName(i) === q);
    if (!spec) return 'unmovable';
    imports.set(q, spec);
  }
  names.delete(type.name);
  const localRefs = new Set([...names].filter((n) => packageNames.has(n)));
  return { file, type, source: [...doc, declaration].join('\n'), localRefs, imports, grouped };
}

// ---- the import section of a file ---------------------------------------------

/** Offsets of the import declarations' span (first `import` to the end of the last), undefined when there is none. */
function importSection(text: string): { start: number; end: number } | undefined {
  const code = codeOnly(text);
  let i = skipSpaceAndComments(text, 0);
  const pkg = /^package\s+[A-Za-z_][A-Za-z0-9_]*/.exec(code.slice(i));
  if (!pkg) return undefined;
  i += pkg[0].length;
  let section: { start: number; end: number } | undefined;
  for (let at = skipSpaceAndComments(text, i); /^import\b/.test(code.slice(at)); at = skipSpaceAndComments(text, at)) {
    const open = skipSpaceAndComments(text, at + 'import'.length);
    let end: number;
    if (code.charAt(open) === '(') {
      end = code.indexOf(')', open);
      if (end === -1) return undefined;
      end += 1;
    } else {
      const nl = text.indexOf('\n', open);
      end = nl === -1 ? text.length : nl;
    }
    section = { start: section?.start ?? at, end };
    at = end;
  }
  return section;
}

/** `section` (import declarations) without the specs of `paths`, blank lines tidied as gofmt would leave them. */
function withoutSpecs(section: string, paths: Set<string>): string | undefined {
  const lines = section.split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const spec = /^\s*(import\s+)?(?:(?:[A-Za-z_][A-Za-z0-9_]*|\.)\s+)?"([^"]+)"\s*(\/\/.*)?$/.exec(line);
    if (spec?.[2] !== undefined && paths.has(spec[2])) continue;
    if (/^\s*import\s*\(.*"/.test(line)) return undefined; // specs on the `import (` line: leave it alone
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/import\s*\(\s*\)/g, '')
    .replace(/\(\n(\s*\n)+/g, '(\n')
    .replace(/\n(\s*\n)+\)/g, '\n)')
    .replace(/\n(\s*\n){2,}/g, '\n\n')
    .trim();
}

/** Changes adding `wanted` to the imports of `text` and removing the specs of `remove`. */
function importEdits(text: string, wanted: WantedImport[], remove: Set<string>): TextChange[] | undefined {
  const added = importChanges(text, wanted);
  if (remove.size === 0) return added;
  const before = importSection(text);
  const merged = applyChanges(text, added);
  const after = importSection(merged);
  if (!before || !after) return undefined;
  // The additions stay inside the import section, so the rest of the text is the same on both sides.
  if (text.slice(0, before.start) !== merged.slice(0, after.start) || text.slice(before.end) !== merged.slice(after.end)) return undefined;
  const section = withoutSpecs(merged.slice(after.start, after.end), remove);
  if (section === undefined) return undefined;
  return [{ range: { start: positionAt(text, before.start), end: positionAt(text, before.end) }, newText: section }];
}

// ---- the plan -------------------------------------------------------------------

/** The name the source file gives the iface import: `iface`, else `<pkg>iface` when that is taken. */
function ifaceNameFor(facts: FileFacts, goPackage: string, packageNames: Set<string>): string | undefined {
  const taken = new Set([...facts.imports.map(localName), ...packageNames]);
  return ['iface', `${goPackage}iface`].find((name) => !taken.has(name));
}

/** Moves the movable exported interfaces of the package at `packagePath` to iface/; undefined when none can move. */
export function ifaceMovePlan(ws: FixWorkspace, packagePath: string): PlannedFix | undefined {
  const ifaceDir = joinRel(packagePath, 'iface');
  if (ws.listDir(ifaceDir).some((name) => name.endsWith('.go'))) return undefined;
  const ctx = packageFixContext(ws, packagePath);
  const packageImport = importPathOf(packagePath, ws.modules);
  if (!ctx || packageImport === undefined) return undefined;
  const files = goFilesWithFacts(ws, packagePath);
  const goPackage = goPackageName(ctx);
  const packageNames = packageLevelNames(files.filter((f) => f.facts.packageName === goPackage));

  const candidates: Candidate[] = [];
  const texts = new Map<string, string>();
  const ifaceNames = new Map<string, string>();
  for (const { file, name, facts } of files) {
    if (name.endsWith('_test.go') || facts.generated || facts.packageName !== goPackage || facts.syntaxErrors.count > 0) continue;
    const text = ws.textOf(file);
    const exported = facts.types.filter((t) => t.kind === 'interface' && t.exported);
    if (exported.length === 0) continue;
    const ifaceName = ifaceNameFor(facts, goPackage, packageNames);
    // A dot import could supply any unqualified name: nothing in that file is judged movable.
    if (text === undefined || ifaceName === undefined || facts.imports.some((i) => i.alias === '.')) continue;
    texts.set(file, text);
    ifaceNames.set(file, ifaceName);
    for (const type of exported) {
      const found = candidate(text, facts, file, type, packageNames);
      if (found !== undefined && found !== 'unmovable') candidates.push(found);
    }
  }
  // Interfaces may name each other; one that names anything else of the package stays (a cycle).
  // One qualifier must mean one import path in the new file; an interface that would clash stays too.
  const byQualifier = new Map<string, ImportFact>();
  let movable = candidates;
  const clashing = new Set<string>();
  for (let changed = true; changed; ) {
    const names = new Set(movable.map((c) => c.type.name));
    const next = movable.filter((c) => [...c.localRefs].every((ref) => names.has(ref)));
    byQualifier.clear();
    const fitting = next.filter((c) => {
      const clash = [...c.imports].some(([q, spec]) => byQualifier.has(q) && byQualifier.get(q)?.path !== spec.path);
      if (clash) clashing.add(c.type.name);
      else for (const [q, spec] of c.imports) byQualifier.set(q, spec);
      return !clash;
    });
    changed = fitting.length !== movable.length;
    movable = fitting;
  }
  const moved = new Set(movable.map((c) => c.type.name));
  const cycle = candidates.filter((c) => !moved.has(c.type.name) && !clashing.has(c.type.name)).map((c) => c.type.name);
  if (movable.length === 0) return undefined;

  const ifaceImport = `${packageImport}/iface`;
  const changes: FileChanges[] = [];
  for (const [file, text] of texts) {
    const here = movable.filter((c) => c.file === file);
    if (here.length === 0) continue;
    const ifaceName = ifaceNames.get(file) ?? 'iface';
    const replacements: TextChange[] = here.map((c) => ({
      range: c.type.range,
      newText: `${c.grouped ? '' : 'type '}${c.type.name} = ${ifaceName}.${c.type.name}`,
    }));
    const remaining = codeOnly(applyChanges(text, replacements));
    const section = importSection(text);
    const body = section ? remaining.slice(0, section.start) + remaining.slice(section.end) : remaining;
    const used = new Set(here.flatMap((c) => [...c.imports.values()]));
    const remove = new Set([...used].filter((spec) => !usesQualifier(body, localName(spec))).map((spec) => spec.path));
    const wanted: WantedImport = ifaceName === 'iface' ? { path: ifaceImport } : { path: ifaceImport, alias: ifaceName };
    const imports = importEdits(text, [wanted], remove);
    if (imports === undefined) return undefined;
    changes.push({ file, changes: [...imports, ...replacements] });
  }

  const wantedInIface: WantedImport[] = [...byQualifier.values()]
    .filter((spec) => movable.some((c) => [...c.imports.values()].some((s) => s.path === spec.path)))
    .map((spec) => (spec.alias !== undefined ? { path: spec.path, alias: spec.alias } : { path: spec.path }));
  const header = `// Package iface holds the exported interfaces of the ${goPackage} package.\npackage iface\n`;
  const withImports = applyChanges(header, importChanges(header, wantedInIface));
  const content = `${withImports}\n${movable.map((c) => c.source).join('\n\n')}\n`;
  const fileName = ws.settings.requiredFiles.includes(`${goPackage}.go`) ? 'interfaces.go' : `${goPackage}.go`;

  const names = movable.map((c) => c.type.name).join(', ');
  const staying = cycle.length > 0 ? ` (${cycle.join(', ')} ${cycle.length === 1 ? 'stays: it uses' : 'stay: they use'} declarations of the package itself)` : '';
  return {
    title: `Move ${names} to iface/, leaving type aliases${staying}`,
    changes,
    creations: [{ file: joinRel(ifaceDir, fileName), content }],
    safe: false,
  };
}

export function ifaceMovePlans(d: EngineDiagnostic, ws: FixWorkspace): PlannedFix[] {
  if (d.rule !== 'structure/missing-directory' || !(d.fix ?? '').includes('iface')) return [];
  const pkg = ownerPackage(d.file, ws.packages);
  if (!pkg || pkg.packageStructure.hasIface) return [];
  const plan = ifaceMovePlan(ws, pkg.path);
  return plan ? [plan] : [];
}
