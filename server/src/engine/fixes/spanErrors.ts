// Recording errors on a new span (spec §3 span hygiene). Without named results
// a deferred closure cannot see the returned error, so the fix records it
// before each `return` of the method itself (not of closures in it) whose last
// value is an error, the simplest correct way for the return's shape:
// - `return ..., err` (a plain identifier): `if err != nil { record(err) }`
//   before it; without the `if` when the return is the first statement of an
//   `if err != nil {` block, where err is known not to be nil.
// - `return ..., fmt.Errorf("...: %w", err)` inside `if err != nil {`: the
//   checked error is recorded (not the wrapped one), when its name says it is
//   an error (`err`, `readErr`) and the returned expression uses it.
// - `return ..., errors.New("x")` / `fmt.Errorf(...)` elsewhere: the error is
//   built first, `err := errors.New("x")`, recorded and returned, when `err`
//   is not a name in that block yet.
// - `return ..., s.client.Do(ctx)` (any other call):
//   `if err := s.client.Do(ctx); err != nil { record(err); return ..., err }`
//   then `return ..., nil`.
// - `return s.provider.Embed(ctx, x)` giving all the results:
//   `out, err := s.provider.Embed(ctx, x)`, `if err != nil { record(err) }`,
//   `return out, err`, when `out` and `err` are not names in that block yet.
// The rewrites only when the other returned values are single names or
// literals (so evaluation order cannot matter). A package-level sentinel
// (`var ErrX = errors.New(...)`, never assigned in the method) is recorded
// without a nil check. Anything else (a bare return, a composite literal) is
// left alone, as is a return not alone at the start of its line.
import { insertAt, positionAt } from './apply';
import { indentAt } from './codeText';
import { enclosingBrace, errCheckVariable, inOwnBody, returnExpressions, type Expression } from './goBlocks';
import { importedName } from './goImports';
import { isKeyword, type Token } from './goTokens';
import type { TextChange } from './plan';
import { declaresName, signatureDeclares, startsLine, type FuncSite } from './spanSite';

const ERROR_NAME = /^err$|Err$|^err[A-Z]/;

export function returnsError(site: FuncSite): boolean {
  return site.func.results.at(-1)?.trim() === 'error';
}

/** The identifier of a one-token expression, not `nil` nor a keyword. */
function plainIdentifier(tokens: Token[]): string | undefined {
  const [only] = tokens;
  return tokens.length === 1 && only?.kind === 'ident' && only.text !== 'nil' && !isKeyword(only.text) ? only.text : undefined;
}

/** A return being rewritten: where it is and what it holds. */
interface ReturnSite {
  index: number;
  /** Token index of the innermost `{` around it. */
  brace: number;
  /** Returned expressions but the last, as single tokens; undefined when one is more than a name or literal. */
  others?: string[];
  /** Token index of the last expression's first token. */
  from: number;
  last: Token[];
  lastText: string;
  /** A single call returning all the results (`return f()` for two or more). */
  spread: boolean;
  indent: string;
}

interface Writer {
  site: FuncSite;
  span: string;
  codes: string;
  /** Package-level error variables made by errors.New / fmt.Errorf. */
  sentinels: ReadonlySet<string>;
}

function recordLines(w: Writer, variable: string, indent: string): string {
  return `${indent}${w.span}.RecordError(${variable})\n${indent}${w.span}.SetStatus(${w.codes}.Error, ${variable}.Error())\n`;
}

function lineStartOf(w: Writer, r: ReturnSite): { line: number; character: number } {
  return { line: positionAt(w.site.text, w.site.tokens.list[r.index]?.start ?? 0).line, character: 0 };
}

/** Record before the return, guarded by `if variable != nil` unless known non-nil. */
function recordBefore(w: Writer, r: ReturnSite, variable: string, guarded: boolean): TextChange[] {
  const text = guarded ? `${r.indent}if ${variable} != nil {\n${recordLines(w, variable, `${r.indent}\t`)}${r.indent}}\n` : recordLines(w, variable, r.indent);
  return [insertAt(lineStartOf(w, r), text)];
}

/** `errors.New(...)` or `fmt.Errorf(...)` (by the file's names for those packages): never nil. */
function isConstructorCall(w: Writer, r: ReturnSite): boolean {
  const imports = w.site.facts.imports;
  const byName = new Map(imports.map((i) => [importedName([i], i.path) ?? '', i.path]));
  const callee = `${byName.get(r.last[0]?.text ?? '') ?? ''}.${r.last[2]?.text ?? ''}`;
  const closesAtEnd = w.site.tokens.match[r.from + 3] === r.from + r.last.length - 1;
  return r.last[1]?.text === '.' && r.last[3]?.text === '(' && closesAtEnd && (callee === 'errors.New' || callee === 'fmt.Errorf');
}

/** `err := <expr>` before the return, recorded, and `err` returned. */
function buildFirst(w: Writer, r: ReturnSite): TextChange[] {
  const first = r.last[0];
  const end = r.last.at(-1);
  if (!first || !end) return [];
  const built = `${r.indent}err := ${r.lastText}\n${recordLines(w, 'err', r.indent)}`;
  const text = w.site.text;
  return [insertAt(lineStartOf(w, r), built), { range: { start: positionAt(text, first.start), end: positionAt(text, end.end) }, newText: 'err' }];
}

/** `if err := <expr>; err != nil { record; return ..., err }` then `return ..., nil`. */
function checkFirst(w: Writer, r: ReturnSite, others: string[]): TextChange[] {
  const returned = (value: string): string => `return ${[...others, value].join(', ')}`;
  const start = w.site.tokens.list[r.index];
  const end = r.last.at(-1);
  if (!start || !end) return [];
  const inner = `${r.indent}\t`;
  const newText = `if err := ${r.lastText}; err != nil {\n${recordLines(w, 'err', inner)}${inner}${returned('err')}\n${r.indent}}\n${r.indent}${returned('nil')}`;
  return [{ range: { start: positionAt(w.site.text, start.start), end: positionAt(w.site.text, end.end) }, newText }];
}

/** `name` is free at the return: not named before it in its block (nor in the signature at the top level). */
function isFree(w: Writer, r: ReturnSite, name: string): boolean {
  if (r.brace === w.site.body && signatureDeclares(w.site, name)) return false;
  return !w.site.tokens.list.slice(r.brace + 1, r.index).some((t) => t.kind === 'ident' && t.text === name);
}

/** `out, err := <call>`, recorded when not nil, and `return out, err`. */
function spreadCall(w: Writer, r: ReturnSite): TextChange[] {
  const count = w.site.func.results.length;
  const names = [...(count === 2 ? ['out'] : Array.from({ length: count - 1 }, (_, i) => `out${i + 1}`)), 'err'];
  const start = w.site.tokens.list[r.index];
  const end = r.last.at(-1);
  if (!start || !end || !names.every((n) => isFree(w, r, n))) return [];
  const list = names.join(', ');
  const newText = `${list} := ${r.lastText}\n${r.indent}if err != nil {\n${recordLines(w, 'err', `${r.indent}\t`)}${r.indent}}\n${r.indent}return ${list}`;
  return [{ range: { start: positionAt(w.site.text, start.start), end: positionAt(w.site.text, end.end) }, newText }];
}

/** A package-level sentinel error the method never declares nor assigns: known not to be nil. */
function isSentinel(w: Writer, name: string): boolean {
  if (!w.sentinels.has(name) || signatureDeclares(w.site, name)) return false;
  const list = w.site.tokens.list;
  return !list.some((t, i) => t.kind === 'ident' && t.text === name && (list[i - 1]?.text === 'var' || [':=', '=', ','].includes(list[i + 1]?.text ?? '')));
}

function rewrite(w: Writer, r: ReturnSite): TextChange[] {
  const { tokens, body } = w.site;
  const checked = r.brace > body ? errCheckVariable(tokens, r.brace) : undefined;
  const first = tokens.list.slice(r.brace + 1, r.index).every((t) => t.kind === 'semi');
  const identifier = plainIdentifier(r.last);
  if (identifier !== undefined && !r.spread) return recordBefore(w, r, identifier, !(first && checked === identifier) && !isSentinel(w, identifier));
  if (r.last.length === 0 || (r.last.length === 1 && r.last[0]?.text === 'nil')) return [];
  const usesChecked = checked !== undefined && ERROR_NAME.test(checked) && r.last.some((t, i) => t.text === checked && r.last[i - 1]?.text !== '.');
  if (checked !== undefined && usesChecked) return recordBefore(w, r, checked, !first);
  const isCall = r.last.at(-1)?.text === ')' && r.last[0]?.text !== 'func' && r.last[0]?.text !== '(';
  if (!r.others || !isCall) return [];
  if (r.spread) return spreadCall(w, r);
  if (isConstructorCall(w, r) && isFree(w, r, 'err')) return buildFirst(w, r);
  return checkFirst(w, r, r.others);
}

function simpleOperand(tokens: Token[]): string | undefined {
  const [only] = tokens;
  return tokens.length === 1 && only && (only.kind === 'number' || only.kind === 'string' || (only.kind === 'ident' && !isKeyword(only.text))) ? only.text : undefined;
}

function returnSite(w: Writer, index: number, exprs: Expression[]): ReturnSite | undefined {
  const { tokens, text, body } = w.site;
  const lastExpr = exprs.at(-1);
  const token = tokens.list[index];
  const count = w.site.func.results.length;
  const spread = exprs.length === 1 && count >= 2;
  if (!lastExpr || !token || (exprs.length !== count && !spread)) return undefined;
  const last = tokens.list.slice(lastExpr.from, lastExpr.to);
  const others = exprs.slice(0, -1).map((e) => simpleOperand(tokens.list.slice(e.from, e.to)));
  const site: ReturnSite = {
    index,
    brace: enclosingBrace(tokens, index, body),
    from: lastExpr.from,
    last,
    lastText: text.slice(last[0]?.start ?? 0, last.at(-1)?.end ?? 0),
    indent: indentAt(text, token.start),
    spread,
  };
  if (others.every((o): o is string => o !== undefined)) site.others = others;
  return site;
}

/**
 * Changes recording the returned errors on `span` at the method's own
 * returns, `codes` naming go.opentelemetry.io/otel/codes. Empty when the
 * method does not return an error last, or its body declares that name.
 */
export function errorRecordings(site: FuncSite, span: string, codes: string, sentinels: ReadonlySet<string>): TextChange[] {
  const { tokens, body, text } = site;
  const close = tokens.match[body] ?? -1;
  if (!returnsError(site) || close < 0 || declaresName(tokens, codes, body, close)) return [];
  const w: Writer = { site, span, codes, sentinels };
  const changes: TextChange[] = [];
  for (let i = body + 1; i < close; i++) {
    const token = tokens.list[i];
    if (token?.kind !== 'ident' || token.text !== 'return' || !startsLine(text, token.start) || !inOwnBody(tokens, i, body)) continue;
    const r = returnSite(w, i, returnExpressions(tokens, i));
    if (r) changes.push(...rewrite(w, r));
  }
  return changes;
}
