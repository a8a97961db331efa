// Reading small pieces of Go syntax straight from the source text, where that
// is much cheaper than visiting nodes one by one through wasm: parameter lists
// are read for every function of every file.
import type { ParamFact } from './types';

const OPENERS = '([{';
const CLOSERS = ')]}';

/**
 * Splits the inside of a bracketed Go list (`a, b int, f func(x, y int)`) at
 * its top-level commas, with comments removed and each piece trimmed. Strings,
 * runes and nested brackets are skipped over; an empty last piece (a trailing
 * comma) is dropped. Never throws, whatever the text.
 */
export function splitTopLevel(text: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  let segmentStart = 0;
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    if (char === '/' && (text.charAt(i + 1) === '/' || text.charAt(i + 1) === '*')) {
      piece += `${text.slice(segmentStart, i)} `;
      i = skipComment(text, i);
      segmentStart = i;
      continue;
    }
    if (char === '"' || char === "'" || char === '`') {
      i = skipQuoted(text, i, char);
      continue;
    }
    if (OPENERS.includes(char)) depth += 1;
    else if (CLOSERS.includes(char)) depth = Math.max(0, depth - 1);
    else if (char === ',' && depth === 0) {
      pieces.push((piece + text.slice(segmentStart, i)).trim());
      piece = '';
      segmentStart = i + 1;
    }
    i += 1;
  }
  const last = (piece + text.slice(segmentStart)).trim();
  if (last !== '') pieces.push(last);
  return pieces;
}

/** Index just past the comment starting at `start`. */
function skipComment(text: string, start: number): number {
  if (text.charAt(start + 1) === '/') {
    const newline = text.indexOf('\n', start);
    return newline === -1 ? text.length : newline;
  }
  const close = text.indexOf('*/', start + 2);
  return close === -1 ? text.length : close + 2;
}

/** Index just past the string, rune or raw string opened by `quote` at `start`. */
export function skipQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    const char = text.charAt(i);
    if (char === quote) return i + 1;
    if (quote !== '`' && char === '\\') i += 1;
    else if (quote !== '`' && char === '\n') return i;
    i += 1;
  }
  return text.length;
}

const NAMED_PIECE = /^([\p{L}_][\p{L}\p{Nd}_]*)\s+(\S[\s\S]*)$/u;
const TYPE_KEYWORDS = new Set(['chan', 'func', 'map', 'struct', 'interface']);

/**
 * The parameters of a parameter list's text, parentheses included:
 * `(ctx context.Context, a, b int, opts ...Option)`. As in Go, when any
 * parameter is named, a lone name takes the type written after it.
 */
export function parseParameterList(text: string): ParamFact[] {
  const inner = text.startsWith('(') ? text.slice(1, text.endsWith(')') ? -1 : undefined) : text;
  const pieces = splitTopLevel(inner).map(splitNamedPiece);
  if (!pieces.some((piece) => piece.name !== undefined)) return pieces.map((piece) => ({ type: piece.type }));
  const params: ParamFact[] = [];
  let pendingNames: string[] = [];
  for (const piece of pieces) {
    if (piece.name === undefined) {
      pendingNames.push(piece.type);
      continue;
    }
    for (const name of [...pendingNames, piece.name]) params.push({ name, type: piece.type });
    pendingNames = [];
  }
  // Names left without a type only happen in broken code: keep them, typeless.
  for (const name of pendingNames) params.push({ name, type: '' });
  return params;
}

function splitNamedPiece(piece: string): { name?: string; type: string } {
  const named = NAMED_PIECE.exec(piece);
  if (!named?.[1] || named[2] === undefined || TYPE_KEYWORDS.has(named[1])) return { type: piece };
  return { name: named[1], type: named[2].trim() };
}

const IDENTIFIER_AT = /[\p{L}_][\p{L}\p{Nd}_]*/uy;

/** The identifier starting at `index`, read without asking the tree where it ends. */
export function identifierAt(source: string, index: number): string {
  IDENTIFIER_AT.lastIndex = index;
  return IDENTIFIER_AT.exec(source)?.[0] ?? '';
}
