// Edits to a method's signature that a new span needs: the context parameter
// named `_` becomes `ctx`, and an unnamed receiver gets the name the type's
// other methods use, so that its tracer field can be reached.
import { offsetAt, positionAt } from './apply';
import { tokenAt, usesName, type Token } from './goTokens';
import type { TextChange } from './plan';
import type { FolderFile, FuncSite } from './spanSite';

export interface ReceiverNaming {
  name: string;
  change: TextChange;
}

export interface ContextParam {
  /** The name the body uses for the context. */
  name: string;
  /** Renames a `_` parameter, when needed. */
  change?: TextChange;
}

function replace(site: FuncSite, token: Token, newText: string): TextChange {
  return { range: { start: positionAt(site.text, token.start), end: positionAt(site.text, token.end) }, newText };
}

function insertBefore(site: FuncSite, token: Token, newText: string): TextChange {
  const at = positionAt(site.text, token.start);
  return { range: { start: at, end: at }, newText };
}

/** The name the receiver type's other methods give their receiver, most used first. */
function usualReceiverName(site: FuncSite, folder: FolderFile[]): string | undefined {
  const counts = new Map<string, number>();
  for (const { facts } of folder) {
    for (const f of facts.funcs) {
      const name = f.receiverVar;
      if (f.receiverType === site.func.receiverType && name !== undefined && name !== '_') counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** Names an unnamed (or `_`) receiver; undefined when the type's methods suggest no name or the name is taken. */
export function receiverNaming(site: FuncSite, folder: FolderFile[]): ReceiverNaming | undefined {
  const name = usualReceiverName(site, folder);
  const list = site.tokens.list;
  const first = list[2];
  if (name === undefined || list[1]?.text !== '(' || !first || usesName(site.tokens, name)) return undefined;
  if (first.text === '_') return { name, change: replace(site, first, name) };
  return { name, change: insertBefore(site, first, `${name} `) };
}

/** Token index range [open, close] of the parameter list. */
function parameterList(site: FuncSite): [number, number] | undefined {
  let i = tokenAt(site.tokens, offsetAt(site.text, site.func.nameRange.start)) + 1;
  if (i <= 0) return undefined;
  if (site.tokens.list[i]?.text === '[') i = (site.tokens.match[i] ?? -2) + 1;
  const close = site.tokens.match[i] ?? -1;
  return site.tokens.list[i]?.text === '(' && close > i ? [i, close] : undefined;
}

/** The `_` token of a `_ context.Context` parameter. */
function blankContextToken(site: FuncSite): Token | undefined {
  const bounds = parameterList(site);
  if (!bounds) return undefined;
  const pieces: Token[][] = [[]];
  let depth = 0;
  for (let i = bounds[0] + 1; i < bounds[1]; i++) {
    const token = site.tokens.list[i];
    if (!token) continue;
    if ('([{'.includes(token.text)) depth += 1;
    else if (')]}'.includes(token.text)) depth -= 1;
    if (token.text === ',' && depth === 0) pieces.push([]);
    else pieces.at(-1)?.push(token);
  }
  const blank = pieces.find((p) => p.map((t) => t.text).join(' ') === '_ context . Context');
  return blank?.[0];
}

/**
 * The context the new span starts from: the first named `context.Context`
 * parameter, else a `_` one renamed to `ctx`. Undefined when the method takes
 * no context (a span started from `context.Background()` would cut the trace,
 * so no fix is offered), or `ctx` is already a name in the function.
 */
export function contextParam(site: FuncSite): ContextParam | undefined {
  const named = site.func.contextParams.find((name) => name !== '_');
  if (named !== undefined) return { name: named };
  if (!site.func.contextParams.includes('_') || usesName(site.tokens, 'ctx')) return undefined;
  const blank = blankContextToken(site);
  return blank ? { name: 'ctx', change: replace(site, blank, 'ctx') } : undefined;
}
