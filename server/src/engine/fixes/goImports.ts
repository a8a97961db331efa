// Adding imports to a Go file the way goimports would: a path goes into the
// group of its kind (standard library first, then the rest) at its sorted
// place, a single `import "x"` becomes a block, a file without imports gets a
// declaration after its package clause. Only the import section is touched.
import { insertAt, positionAt } from './apply';
import type { TextChange } from './plan';

export interface WantedImport {
  path: string;
  alias?: string;
}

interface ImportSpec {
  path: string;
  /** Offset of the spec line's start and of the end of its line. */
  lineStart: number;
  lineEnd: number;
}

interface ImportDecl {
  start: number;
  end: number;
  /** Whether it is `import ( ... )`. */
  block: boolean;
  /** Groups of specs separated by blank lines (one group for a single spec). */
  groups: ImportSpec[][];
}

interface Header {
  /** Offset just after the package clause's name. */
  packageEnd: number;
  decls: ImportDecl[];
}

/** Byte-wise order of import paths, as gofmt sorts them (not locale order: `Z` < `a`, `-` < `/` < `_`). */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Standard-library paths have no dot in their first element (`net/http`, not `go.opentelemetry.io/otel`). */
export function isStdlib(importPath: string): boolean {
  return !(importPath.split('/')[0] ?? '').includes('.');
}

/** Offset of the first character at or after `from` that is neither white space nor inside a comment. */
export function skipSpaceAndComments(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
    if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl + 1;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else {
      return i;
    }
  }
}

function wordAt(text: string, at: number): string {
  return /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at, at + 64))?.[0] ?? '';
}

function lineBounds(text: string, at: number): [number, number] {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  return [start, nl === -1 ? text.length : nl];
}

const SPEC_LINE = /^\s*(?:[A-Za-z_][A-Za-z0-9_]*\s+|[._]\s+)?"([^"]+)"/;

function parseBlock(text: string, open: number, close: number): ImportSpec[][] {
  const groups: ImportSpec[][] = [[]];
  let lineStart = text.indexOf('\n', open) + 1;
  while (lineStart > 0 && lineStart < close) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 || nl > close ? close : nl;
    const line = text.slice(lineStart, lineEnd);
    const spec = SPEC_LINE.exec(line);
    if (spec?.[1] !== undefined) groups.at(-1)?.push({ path: spec[1], lineStart, lineEnd });
    else if (line.trim() === '' && (groups.at(-1)?.length ?? 0) > 0) groups.push([]);
    lineStart = lineEnd + 1;
  }
  return groups.filter((g) => g.length > 0);
}

/** Offset of the `)` closing the import block opened at `open`, skipping comments and strings; -1 when none. */
function blockClose(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i = skipSpaceAndComments(text, i)) {
    const char = text.charAt(i);
    if (char === ')') return i;
    if (char === '"' || char === '`') {
      const close = text.indexOf(char, i + 1);
      if (close === -1) return -1;
      i = close + 1;
    } else if (!text.startsWith('//', i) && !text.startsWith('/*', i)) {
      i += 1;
    }
  }
  return -1;
}

function parseDecl(text: string, at: number): ImportDecl | undefined {
  const afterKeyword = skipSpaceAndComments(text, at + 'import'.length);
  if (text.charAt(afterKeyword) === '(') {
    const close = blockClose(text, afterKeyword);
    if (close === -1) return undefined;
    return { start: at, end: close + 1, block: true, groups: parseBlock(text, afterKeyword, close) };
  }
  const [, lineEnd] = lineBounds(text, at);
  const spec = SPEC_LINE.exec(text.slice(afterKeyword, lineEnd));
  if (spec?.[1] === undefined) return undefined;
  // The declaration ends at the closing quote: a comment after it stays where it is.
  const end = afterKeyword + spec[0].length;
  return { start: at, end, block: false, groups: [[{ path: spec[1], lineStart: at, lineEnd }]] };
}

function parseHeader(text: string): Header | undefined {
  let i = skipSpaceAndComments(text, 0);
  if (wordAt(text, i) !== 'package') return undefined;
  i = skipSpaceAndComments(text, i + 'package'.length);
  const name = wordAt(text, i);
  if (name === '') return undefined;
  const packageEnd = i + name.length;
  const decls: ImportDecl[] = [];
  for (let at = skipSpaceAndComments(text, packageEnd); wordAt(text, at) === 'import'; at = skipSpaceAndComments(text, at)) {
    const decl = parseDecl(text, at);
    if (!decl) break;
    decls.push(decl);
    at = decl.end;
  }
  return { packageEnd, decls };
}

function specText(wanted: WantedImport): string {
  return wanted.alias === undefined ? `"${wanted.path}"` : `${wanted.alias} "${wanted.path}"`;
}

/** Standard-library paths first, then the rest, each part sorted. */
function grouped(wanted: WantedImport[]): WantedImport[][] {
  const sorted = [...wanted].sort((a, b) => comparePaths(a.path, b.path));
  return [sorted.filter((w) => isStdlib(w.path)), sorted.filter((w) => !isStdlib(w.path))].filter((g) => g.length > 0);
}

function blockText(groups: WantedImport[][]): string {
  return `import (\n${groups.map((g) => g.map((w) => `\t${specText(w)}\n`).join('')).join('\n')})`;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The existing group a path joins: the std group for std paths, the closest-matching other group else. */
function targetGroup(groups: ImportSpec[][], importPath: string): ImportSpec[] | undefined {
  const std = isStdlib(importPath);
  const sameKind = groups.filter((g) => g.every((s) => isStdlib(s.path) === std));
  if (std) return sameKind[0];
  const score = (g: ImportSpec[]) => Math.max(...g.map((s) => commonPrefixLength(s.path, importPath)));
  return sameKind.reduce<ImportSpec[] | undefined>((best, g) => (best === undefined || score(g) > score(best) ? g : best), undefined);
}

function blockChanges(text: string, decl: ImportDecl, missing: WantedImport[]): TextChange[] {
  const changes: TextChange[] = [];
  const newGroups: WantedImport[] = [];
  for (const wanted of missing) {
    const group = targetGroup(decl.groups, wanted.path);
    if (!group) {
      newGroups.push(wanted);
      continue;
    }
    const before = group.find((s) => comparePaths(s.path, wanted.path) > 0);
    const at = before ? before.lineStart : (group.at(-1)?.lineEnd ?? decl.end) + 1;
    changes.push(insertAt(positionAt(text, at), `\t${specText(wanted)}\n`));
  }
  for (const group of grouped(newGroups)) {
    const std = isStdlib(group[0]?.path ?? '');
    const lines = group.map((w) => `\t${specText(w)}\n`).join('');
    if (std) {
      const first = decl.groups[0]?.[0];
      changes.push(insertAt(positionAt(text, first ? first.lineStart : decl.end - 1), `${lines}\n`));
    } else {
      const last = decl.groups.at(-1)?.at(-1);
      changes.push(insertAt(positionAt(text, last ? last.lineEnd + 1 : decl.end - 1), `\n${lines}`));
    }
  }
  return changes;
}

/** The changes that import every path of `wanted` not imported yet; empty when all are (or the file has no package clause). */
export function importChanges(text: string, wanted: WantedImport[]): TextChange[] {
  const header = parseHeader(text);
  if (!header) return [];
  const present = new Set(header.decls.flatMap((d) => d.groups.flat().map((s) => s.path)));
  // Sorted, so that paths inserted at the same place come out in gofmt's order.
  const missing = wanted
    .filter((w, i) => !present.has(w.path) && wanted.findIndex((o) => o.path === w.path) === i)
    .sort((a, b) => comparePaths(a.path, b.path));
  if (missing.length === 0) return [];
  const block = header.decls.find((d) => d.block);
  if (block && block.groups.length === 0) {
    return [{ range: { start: positionAt(text, block.start), end: positionAt(text, block.end) }, newText: blockText(grouped(missing)) }];
  }
  if (block) return blockChanges(text, block, missing);
  const single = header.decls[0];
  if (single && header.decls.length === 1) {
    const existingText = text.slice(skipSpaceAndComments(text, single.start + 'import'.length), single.end).trim();
    const alias = aliasOf(existingText);
    const existing: WantedImport = { path: single.groups[0]?.[0]?.path ?? '', ...(alias !== undefined ? { alias } : {}) };
    const range = { start: positionAt(text, single.start), end: positionAt(text, single.end) };
    return [{ range, newText: blockText(grouped([...missing, existing])) }];
  }
  const after = header.decls.at(-1)?.end ?? endOfClauseLine(text, header.packageEnd);
  return [insertAt(positionAt(text, after), `\n\n${blockText(grouped(missing))}`)];
}

/** The end of the package clause's line when only a line comment follows the name there (it stays on that line). */
function endOfClauseLine(text: string, packageEnd: number): number {
  const [, lineEnd] = lineBounds(text, packageEnd);
  const rest = text.slice(packageEnd, lineEnd);
  return /^\s*(\/\/.*)?$/.test(rest) ? lineEnd - (rest.endsWith('\r') ? 1 : 0) : packageEnd;
}

function aliasOf(spec: string): string | undefined {
  return /^([A-Za-z_][A-Za-z0-9_]*|\.)\s+"/.exec(spec)?.[1];
}

/** The name a file refers to an imported package by: its alias, else the path's last element. */
export function importedName(imports: { path: string; alias?: string }[], importPath: string): string | undefined {
  const found = imports.find((i) => i.path === importPath);
  if (!found) return undefined;
  if (found.alias !== undefined) return found.alias;
  const last = importPath.split('/').at(-1) ?? importPath;
  return /^v\d+$/.test(last) ? importPath.split('/').at(-2) : last;
}
