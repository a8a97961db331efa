// Blocks and statements of a Go function, read from its tokens: which block
// holds a token, what a block's header says (`if err != nil`, `for ...`),
// whether a block is a function literal's body, where a statement begins and
// ends, and the expressions of a `return`.
import type { Token, Tokens } from './goTokens';

const isOp = (token: Token | undefined, text: string): boolean => token?.kind === 'op' && token.text === text;

/** Index of the innermost `{` whose block holds token `index`; -1 when none. */
export function enclosingBrace(tokens: Tokens, index: number, floor = 0): number {
  let depth = 0;
  for (let i = index - 1; i >= floor; i--) {
    const token = tokens.list[i];
    if (isOp(token, '}')) depth += 1;
    else if (isOp(token, '{')) {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

/**
 * Index of the first token of the statement or block header ending just before
 * `index`: walks back over bracketed groups to an inserted semicolon, a brace or
 * a case colon. An `if` with an init statement keeps both parts.
 */
export function statementStart(tokens: Tokens, index: number): number {
  let i = index - 1;
  while (i >= 0) {
    const token = tokens.list[i];
    if (!token) break;
    if (token.kind === 'op' && (token.text === ')' || token.text === ']')) {
      const opener = tokens.match[i] ?? -1;
      if (opener < 0) break;
      i = opener - 1;
      continue;
    }
    if ((token.kind === 'semi' && token.auto === true) || isOp(token, '{') || isOp(token, '}') || isOp(token, ':') || isOp(token, '(') || isOp(token, '[')) break;
    i -= 1;
  }
  return i + 1;
}

/** The header tokens of the block opened at `brace` (`if err != nil`, `for _, x := range xs`, `func() error`). */
export function blockHeader(tokens: Tokens, brace: number): Token[] {
  return tokens.list.slice(statementStart(tokens, brace), brace);
}

/** Whether the block opened at `brace` is a function literal's body: `func(...) results {`. */
export function isFuncLiteralBody(tokens: Tokens, brace: number): boolean {
  let i = brace - 1;
  while (i >= 0) {
    const token = tokens.list[i];
    if (!token || token.kind === 'semi') return false;
    if (token.kind === 'op' && (token.text === ')' || token.text === ']' || token.text === '}')) {
      const opener = tokens.match[i] ?? -1;
      if (opener < 0) return false;
      if (token.text === ')' && tokens.list[opener - 1]?.text === 'func') return true;
      i = opener - 1;
      continue;
    }
    const typeLike = token.kind === 'ident' ? !['if', 'for', 'switch', 'select', 'else', 'range', 'go', 'defer', 'return', 'case'].includes(token.text) : ['.', '*', '...', '<-'].includes(token.text);
    if (!typeLike) return false;
    i -= 1;
  }
  return false;
}

/** Braces holding token `index`, innermost first, up to (not including) `outer`. */
export function bracesAround(tokens: Tokens, index: number, outer: number): number[] {
  const braces: number[] = [];
  for (let brace = enclosingBrace(tokens, index, outer + 1); brace > outer; brace = enclosingBrace(tokens, brace, outer + 1)) braces.push(brace);
  return braces;
}

/** Whether token `index` belongs to the function whose body opens at `body` itself, not to a function literal inside it. */
export function inOwnBody(tokens: Tokens, index: number, body: number): boolean {
  return !bracesAround(tokens, index, body).some((brace) => isFuncLiteralBody(tokens, brace));
}

/** The variable `X` when the block at `brace` is `if X != nil {` (an init statement before it allowed). */
export function errCheckVariable(tokens: Tokens, brace: number): string | undefined {
  const header = blockHeader(tokens, brace);
  const ifAt = header.map((t) => t.text).lastIndexOf('if');
  if (ifAt < 0) return undefined;
  const afterIf = header.slice(ifAt + 1);
  const semi = afterIf.map((t) => t.kind).lastIndexOf('semi');
  const cond = afterIf.slice(semi + 1).map((t) => t.text);
  if (cond.length !== 3 || cond[1] !== '!=') return undefined;
  const [left, , right] = cond;
  const name = left === 'nil' ? right : right === 'nil' ? left : undefined;
  const token = afterIf[semi + 1 + (left === 'nil' ? 2 : 0)];
  return name !== undefined && token?.kind === 'ident' && name !== 'nil' ? name : undefined;
}

export interface Expression {
  /** Token indexes [from, to). */
  from: number;
  to: number;
}

/** Index of the token ending the statement that `from` is in: the next semicolon or unmatched `}` at its level. */
export function statementEnd(tokens: Tokens, from: number): number {
  let i = from;
  while (i < tokens.list.length) {
    const token = tokens.list[i];
    if (!token || token.kind === 'semi' || isOp(token, '}') || isOp(token, ')') || isOp(token, ']')) return i;
    if (token.kind === 'op' && '([{'.includes(token.text)) {
      const closer = tokens.match[i] ?? -1;
      if (closer < 0) return i;
      i = closer + 1;
      continue;
    }
    i += 1;
  }
  return i;
}

/** The expressions of the `return` at `index`, split at top-level commas; empty for a bare return. */
export function returnExpressions(tokens: Tokens, index: number): Expression[] {
  const end = statementEnd(tokens, index + 1);
  const out: Expression[] = [];
  let from = index + 1;
  for (let i = index + 1; i < end; i++) {
    const token = tokens.list[i];
    if (token && token.kind === 'op' && '([{'.includes(token.text)) i = Math.max(i, tokens.match[i] ?? i);
    else if (isOp(token, ',')) {
      out.push({ from, to: i });
      from = i + 1;
    }
  }
  if (end > from) out.push({ from, to: end });
  return out;
}
