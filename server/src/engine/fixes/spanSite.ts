// What the span fixes read about one function and the Go package (folder) it
// is in: its text and tokens, the folder's other production files, the names
// declared at package level, and the name a file gives an imported package.
import type { FileFacts, FuncFact, Position, Range } from '../facts/types';
import { dirOf } from '../workspace/walk';
import { offsetAt } from './apply';
import { importedName } from './goImports';
import { tokenAt, tokenize, type Tokens } from './goTokens';
import { goFilesWithFacts, packageLevelNames } from './packageContext';
import type { FixWorkspace } from './plan';

export const OTEL = 'go.opentelemetry.io/otel';
export const OTEL_TRACE = 'go.opentelemetry.io/otel/trace';
export const OTEL_CODES = 'go.opentelemetry.io/otel/codes';

export interface FuncSite {
  file: string;
  text: string;
  facts: FileFacts;
  func: FuncFact;
  /** Tokens of the function's declaration, offsets into `text`. */
  tokens: Tokens;
  /** Token index of the body's `{`. */
  body: number;
}

export interface FolderFile {
  file: string;
  facts: FileFacts;
}

const contains = (range: Range, p: Position): boolean =>
  (p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character)) &&
  (p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character));

export function funcSite(ws: FixWorkspace, file: string, func: FuncFact): FuncSite | undefined {
  const text = ws.textOf(file);
  const facts = ws.factsOf(file);
  if (text === undefined || !facts || !func.bodyRange) return undefined;
  const tokens = tokenize(text, offsetAt(text, func.range.start), offsetAt(text, func.range.end));
  const body = tokenAt(tokens, offsetAt(text, func.bodyRange.start));
  return body < 0 || tokens.match[body] === -1 ? undefined : { file, text, facts, func, tokens, body };
}

/** The function of `file` whose name is at `range` (an untraced-method diagnostic's range). */
export function funcNamedAt(ws: FixWorkspace, file: string, range: Range): FuncFact | undefined {
  const at = range.start;
  return ws.factsOf(file)?.funcs.find((f) => f.nameRange.start.line === at.line && f.nameRange.start.character === at.character);
}

/** The innermost top-level function of `file` holding `position`. */
export function funcHolding(ws: FixWorkspace, file: string, position: Position): FuncFact | undefined {
  return ws.factsOf(file)?.funcs.find((f) => contains(f.range, position));
}

/** Production files of the Go package `file` is in, that are built along with it. */
export function folderFiles(ws: FixWorkspace, file: string): FolderFile[] {
  const own = ws.factsOf(file);
  return goFilesWithFacts(ws, dirOf(file))
    .filter(({ name, facts }) => !name.endsWith('_test.go') && !facts.generated && facts.packageName === own?.packageName)
    .filter(({ facts }) => facts.buildConstraint === undefined || facts.buildConstraint === own?.buildConstraint);
}

/** `name` is declared in the tokens [from, to): a plain identifier that is neither a selector nor a qualifier. */
export function declaresName(tokens: Tokens, name: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const token = tokens.list[i];
    if (token?.kind !== 'ident' || token.text !== name) continue;
    if (tokens.list[i - 1]?.text !== '.' && tokens.list[i + 1]?.text !== '.') return true;
  }
  return false;
}

/** A parameter, result or receiver of the function is called `name`. */
export function signatureDeclares(site: FuncSite, name: string): boolean {
  return declaresName(site.tokens, name, 0, site.body);
}

export interface ImportUse {
  /** The name the code uses. */
  name: string;
  /** The import to add, absent when the file has it. */
  wanted?: { path: string; alias?: string };
}

/**
 * How `site`'s file can refer to package `path`: by its existing import, else
 * as `preferred` (or `fallback`) when neither an import, a package-level
 * declaration nor the signature takes that name; undefined when nothing fits.
 */
export function importUse(site: FuncSite, folder: FolderFile[], path: string, preferred: string, fallback?: string): ImportUse | undefined {
  const imports = site.facts.imports;
  const existing = importedName(imports, path);
  if (existing !== undefined) return existing === '_' || existing === '.' || signatureDeclares(site, existing) ? undefined : { name: existing };
  const taken = new Set(imports.map((i) => importedName([i], i.path) ?? ''));
  for (const name of packageLevelNames(folder)) taken.add(name);
  for (const name of fallback === undefined ? [preferred] : [preferred, fallback]) {
    if (taken.has(name) || signatureDeclares(site, name)) continue;
    const lastElement = path.split('/').at(-1);
    return { name, wanted: name === lastElement ? { path } : { path, alias: name } };
  }
  return undefined;
}

/** The text after `range` on its line: `= otel.Tracer("x")` after a variable's name. */
export function restOfLine(ws: FixWorkspace, file: string, range: Range): string {
  const text = ws.textOf(file) ?? '';
  const from = offsetAt(text, range.end);
  const nl = text.indexOf('\n', from);
  return text.slice(from, nl === -1 ? text.length : nl);
}

/** Package-level error variables made by `errors.New(...)` or `fmt.Errorf(...)`: never nil unless reassigned. */
export function sentinelErrors(ws: FixWorkspace, folder: FolderFile[]): Set<string> {
  const names = new Set<string>();
  for (const { file, facts } of folder) {
    for (const v of facts.vars) if (/^\s*=\s*(errors\.New|fmt\.Errorf)\(/.test(restOfLine(ws, file, v.range))) names.add(v.name);
  }
  return names;
}

/** Whether only whitespace precedes `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return text.slice(lineStart, offset).trim() === '';
}
