// Normalised Go signatures, so that two versions of a declaration compare
// equal exactly when callers see the same API: parameter names dropped,
// `a, b int` expanded to `int, int`, whitespace normalised, also inside
// function-typed parameters (`func(x int) error` == `func(int) error`).
import { parseParameterList } from '../facts/goText';
import { compactType } from '../facts/syntax';
import { memoizeText } from './textMemo';

export interface Signature {
  params: string[];
  results: string[];
}

const FUNC_TYPE = /\bfunc\s*\(/;

/** Type text in canonical form; function types inside it lose their parameter names. */
export const normaliseType = memoizeText(canonicalType);

function canonicalType(text: string): string {
  const match = FUNC_TYPE.exec(text);
  if (!match) return compactType(text);
  const open = match.index + match[0].length - 1;
  const close = matchingClose(text, open);
  if (close < 0) return compactType(text);
  const prefix = compactType(text.slice(0, match.index));
  const params = normaliseList(text.slice(open, close + 1));
  const results = resultsOf(text.slice(close + 1));
  return `${prefix}func(${params.join(', ')})${renderResults(results)}`;
}

/** `(a, b int, opts ...Option)` -> `['int', 'int', '...Option']`. */
export function normaliseList(listText: string): string[] {
  return parseParameterList(listText).map((param) => normaliseType(param.type));
}

/** Results after a parameter list: `(n int, err error)`, `error` or nothing. */
function resultsOf(text: string): string[] {
  const rest = text.trim();
  if (rest === '') return [];
  if (rest.startsWith('(')) return normaliseList(rest);
  return [normaliseType(rest)];
}

/**
 * An interface method's signature as the facts keep it (`(ctx context.Context,
 * in string) (string, error)`), split into normalised parameters and results.
 */
export function parseSignatureText(signature: string): Signature {
  const text = signature.trim();
  const open = text.indexOf('(');
  const close = open < 0 ? -1 : matchingClose(text, open);
  if (close < 0) return { params: [], results: resultsOf(text) };
  return { params: normaliseList(text.slice(open, close + 1)), results: resultsOf(text.slice(close + 1)) };
}

export function normaliseSignature(params: { type: string }[], results: string[]): Signature {
  return { params: params.map((param) => normaliseType(param.type)), results: results.map(normaliseType) };
}

/** `(int, string) (string, error)`: how signatures appear in messages and in `before`/`after`. */
export function renderSignature(signature: Signature): string {
  return `(${signature.params.join(', ')})${renderResults(signature.results)}`;
}

function renderResults(results: string[]): string {
  if (results.length === 0) return '';
  if (results.length === 1) return ` ${results.join('')}`;
  return ` (${results.join(', ')})`;
}

/** Index of the bracket closing the one at `open`, or -1. Nested brackets of any kind are skipped. */
function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}
