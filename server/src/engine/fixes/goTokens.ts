// A small Go lexer for the fixes that edit function bodies: identifiers,
// literals and operators with their offsets, the semicolons Go inserts at line
// ends (so statements can be told apart), and matching brackets. Comments are
// skipped. It never throws, whatever the text; on code that does not parse
// the fixes that use it simply find nothing to do.
import { skipQuoted } from '../facts/goText';

export type TokenKind = 'ident' | 'number' | 'string' | 'op' | 'semi';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offsets in the scanned text; an inserted semicolon sits on the newline. */
  start: number;
  end: number;
  /** A semicolon Go inserts at a line end (not written in the source). */
  auto?: boolean;
}

export interface Tokens {
  list: Token[];
  /** Index of the matching bracket of each `(`, `[`, `{` and `)`, `]`, `}`; -1 when unmatched. */
  match: number[];
}

const OPS = ['<<=', '>>=', '&^=', '...', '&&', '||', '<-', '++', '--', '==', '!=', '<=', '>=', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '&^'];
const ENDS_STATEMENT_WORDS = new Set(['break', 'continue', 'fallthrough', 'return']);
const KEYWORDS = new Set([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto',
  'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var',
]);

export function isKeyword(word: string): boolean {
  return KEYWORDS.has(word);
}

/** Whether Go inserts a semicolon after `token` at a line end. */
function endsLine(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.kind === 'ident') return !KEYWORDS.has(token.text) || ENDS_STATEMENT_WORDS.has(token.text);
  if (token.kind === 'number' || token.kind === 'string') return true;
  return token.kind === 'op' && [')', ']', '}', '++', '--'].includes(token.text);
}

interface Scan {
  text: string;
  end: number;
  list: Token[];
}

function newline(scan: Scan, at: number): void {
  if (endsLine(scan.list.at(-1))) scan.list.push({ kind: 'semi', text: ';', start: at, end: at, auto: true });
}

/** Index just past a comment at `i`, inserting a semicolon for each line end it covers. */
function skipComment(scan: Scan, i: number): number {
  const { text } = scan;
  if (text.charAt(i + 1) === '/') {
    const nl = text.indexOf('\n', i);
    return nl === -1 || nl > scan.end ? scan.end : nl;
  }
  const close = text.indexOf('*/', i + 2);
  const end = close === -1 || close + 2 > scan.end ? scan.end : close + 2;
  const nl = text.indexOf('\n', i);
  if (nl !== -1 && nl < end) newline(scan, nl);
  return end;
}

function wordEnd(text: string, i: number, end: number, pattern: RegExp): number {
  let j = i;
  while (j < end && pattern.test(text.charAt(j))) j += 1;
  return j;
}

function nextToken(scan: Scan, i: number): { token?: Token; next: number } {
  const { text, end } = scan;
  const char = text.charAt(i);
  if (/[A-Za-z_\u0080-\uffff]/.test(char)) {
    const j = wordEnd(text, i, end, /[A-Za-z0-9_\u0080-\uffff]/);
    return { token: { kind: 'ident', text: text.slice(i, j), start: i, end: j }, next: j };
  }
  if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(text.charAt(i + 1)))) {
    const j = wordEnd(text, i, end, /[0-9A-Za-z_.]/);
    return { token: { kind: 'number', text: text.slice(i, j), start: i, end: j }, next: j };
  }
  if (char === '"' || char === "'" || char === '`') {
    const j = Math.min(skipQuoted(text, i, char), end);
    return { token: { kind: 'string', text: text.slice(i, j), start: i, end: j }, next: j };
  }
  const op = OPS.find((o) => text.startsWith(o, i)) ?? char;
  return { token: { kind: op === ';' ? 'semi' : 'op', text: op, start: i, end: i + op.length }, next: i + op.length };
}

function matchBrackets(list: Token[]): number[] {
  const match = list.map(() => -1);
  const open: number[] = [];
  list.forEach((token, index) => {
    if (token.kind !== 'op') return;
    if ('([{'.includes(token.text)) open.push(index);
    else if (')]}'.includes(token.text)) {
      const opener = open.pop();
      if (opener === undefined) return;
      match[opener] = index;
      match[index] = opener;
    }
  });
  return match;
}

/** The tokens of `text` between offsets `start` and `end` (default: all of it). */
export function tokenize(text: string, start = 0, end = text.length): Tokens {
  const scan: Scan = { text, end, list: [] };
  let i = start;
  while (i < end) {
    const char = text.charAt(i);
    if (char === '\n') {
      newline(scan, i);
      i += 1;
    } else if (/\s/.test(char)) {
      i += 1;
    } else if (char === '/' && (text.charAt(i + 1) === '/' || text.charAt(i + 1) === '*')) {
      i = skipComment(scan, i);
    } else {
      const { token, next } = nextToken(scan, i);
      if (token) scan.list.push(token);
      i = next;
    }
  }
  return { list: scan.list, match: matchBrackets(scan.list) };
}

/** The token index starting exactly at `offset`, -1 when none does. */
export function tokenAt(tokens: Tokens, offset: number): number {
  return tokens.list.findIndex((t) => t.start === offset && t.kind !== 'semi');
}

/** Whether identifier `name` is used as a plain name (not a selector after `.`) anywhere in `tokens`. */
export function usesName(tokens: Tokens, name: string, from = 0, to = tokens.list.length): boolean {
  for (let i = from; i < to; i++) {
    const token = tokens.list[i];
    if (token?.kind === 'ident' && token.text === name && tokens.list[i - 1]?.text !== '.') return true;
  }
  return false;
}
