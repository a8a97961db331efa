// Small lexical helpers the code fixes share: Go text inside fact ranges,
// string literals and identifiers found without a syntax tree (the facts keep
// none), with comments and literals told apart from code.
import type { Range } from '../facts/types';
import { offsetAt } from './apply';

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** The text `range` covers in `text`. */
export function textIn(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** Offset just past the string, rune or comment starting at `at`, or `at` when none starts there. */
function skipLiteralOrComment(text: string, at: number): number {
  const c = text.charAt(at);
  if (c === '/' && text.charAt(at + 1) === '/') {
    const nl = text.indexOf('\n', at);
    return nl === -1 ? text.length : nl;
  }
  if (c === '/' && text.charAt(at + 1) === '*') {
    const close = text.indexOf('*/', at + 2);
    return close === -1 ? text.length : close + 2;
  }
  if (c === '`') {
    const close = text.indexOf('`', at + 1);
    return close === -1 ? text.length : close + 1;
  }
  if (c === '"' || c === "'") {
    let i = at + 1;
    while (i < text.length && text.charAt(i) !== c && text.charAt(i) !== '\n') i += text.charAt(i) === '\\' ? 2 : 1;
    return Math.min(i + 1, text.length);
  }
  return at;
}

/** `text` with comments and string/rune literals blanked (newlines kept), so identifier scans see only code. */
export function codeOnly(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const end = skipLiteralOrComment(text, i);
    if (end === i) {
      out += text.charAt(i);
      i += 1;
    } else {
      out += text.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
    }
  }
  return out;
}

export type Token =
  | { kind: 'string'; start: number; end: number; raw: string }
  | { kind: 'ident'; start: number; end: number; name: string }
  | { kind: 'other'; start: number; end: number; text: string };

/** Tokens of a short Go expression: string literals, (dotted) identifiers, and single other characters; comments and spaces dropped. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const end = skipLiteralOrComment(text, i);
    if (end !== i) {
      if (c === '"' || c === '`') out.push({ kind: 'string', start: i, end, raw: text.slice(i, end) });
      else if (c === "'") out.push({ kind: 'other', start: i, end, text: text.slice(i, end) });
      i = end;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*/.exec(text.slice(i));
    if (ident) {
      out.push({ kind: 'ident', start: i, end: i + ident[0].length, name: ident[0].replace(/\s+/g, '') });
      i += ident[0].length;
      continue;
    }
    out.push({ kind: 'other', start: i, end: i + 1, text: c });
    i += 1;
  }
  return out;
}

/** The leading white space of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** The `//` comment lines directly above the line holding `offset` (a declaration's doc comment), with their offsets. */
export function docCommentAbove(text: string, offset: number): { start: number; lines: string[] } {
  const lines: string[] = [];
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let start = lineStart;
  while (lineStart > 0) {
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const line = text.slice(prevStart, lineStart - 1);
    if (!/^\s*\/\//.test(line)) break;
    lines.unshift(line.trim());
    start = prevStart;
    lineStart = prevStart;
  }
  return { start, lines };
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `name` is used as a package qualifier (`name.X`) in `code` (already blanked by codeOnly). */
export function usesQualifier(code: string, name: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_.])${escapeRegExp(name)}\\s*\\.\\s*[A-Za-z_]`).test(code);
}
