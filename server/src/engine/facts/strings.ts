// Go string literals: unquoting, and string-valued expressions as StringPart[].
import type { Node } from 'web-tree-sitter';
import { isDottedName, namedChildrenOf, textOf } from './syntax';
import type { StringPart } from './types';

export function isStringLiteralType(type: string): boolean {
  return type === 'interpreted_string_literal' || type === 'raw_string_literal';
}

/** The value of a Go string literal as written in source (quotes included). */
export function unquoteGoString(literal: string): string {
  if (literal.startsWith('`')) {
    // Go drops carriage returns from raw strings.
    const body = literal.endsWith('`') && literal.length > 1 ? literal.slice(1, -1) : literal.slice(1);
    return body.replace(/\r/g, '');
  }
  const body = literal.length > 1 && literal.endsWith('"') ? literal.slice(1, -1) : literal.slice(1);
  return body.includes('\\') ? unescapeInterpreted(body) : body;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"',
};

const utf8 = new TextDecoder('utf-8');

/** Resolves the escapes of an interpreted string body; `\x` and octal escapes are bytes of UTF-8. */
function unescapeInterpreted(body: string): string {
  let out = '';
  let bytes: number[] = [];
  const flushBytes = (): void => {
    if (bytes.length > 0) out += utf8.decode(Uint8Array.from(bytes));
    bytes = [];
  };
  let i = 0;
  while (i < body.length) {
    const char = body.charAt(i);
    if (char !== '\\' || i + 1 >= body.length) {
      flushBytes();
      out += char;
      i += 1;
      continue;
    }
    const escape = readEscape(body, i + 1);
    if (escape.byte !== undefined) {
      bytes.push(escape.byte);
    } else {
      flushBytes();
      out += escape.text;
    }
    i = escape.next;
  }
  flushBytes();
  return out;
}

interface Escape {
  byte?: number;
  text: string;
  next: number;
}

/** Reads the escape whose letter is at `at` (just after the backslash). Invalid escapes stay as written. */
function readEscape(body: string, at: number): Escape {
  const letter = body.charAt(at);
  const simple = SIMPLE_ESCAPES[letter];
  if (simple !== undefined) return { text: simple, next: at + 1 };
  if (letter === 'x') return hexByte(body, at + 1, 2);
  if (letter === 'u' || letter === 'U') return codePoint(body, at + 1, letter === 'u' ? 4 : 8);
  if (/[0-7]/.test(letter)) {
    const digits = body.slice(at, at + 3);
    if (/^[0-7]{3}$/.test(digits)) return { byte: parseInt(digits, 8) & 0xff, text: '', next: at + 3 };
  }
  return { text: `\\${letter}`, next: at + 1 };
}

function hexByte(body: string, from: number, length: number): Escape {
  const digits = body.slice(from, from + length);
  if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== length) return { text: `\\x`, next: from };
  return { byte: parseInt(digits, 16), text: '', next: from + length };
}

function codePoint(body: string, from: number, length: number): Escape {
  const digits = body.slice(from, from + length);
  const value = /^[0-9a-fA-F]+$/.test(digits) && digits.length === length ? parseInt(digits, 16) : NaN;
  if (Number.isNaN(value) || value > 0x10ffff) return { text: body.slice(from - 2, from), next: from };
  return { text: String.fromCodePoint(value), next: from + length };
}

/**
 * A string-valued expression as parts: string literals, identifiers (a
 * qualified `pkg.Name` is kept whole as one identifier) and `+` joins of them,
 * with parentheses and `string(X)` conversions unwrapped. Undefined when any
 * piece is something else (a call, an index, a number...).
 */
export function stringParts(expression: Node, source: string): StringPart[] | undefined {
  const parts: StringPart[] = [];
  // A stack (right operand pushed first) keeps long `+` chains off the JS call stack.
  const pending: Node[] = [expression];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const inner = stringPieces(node, source);
    if (inner === undefined) return undefined;
    if (Array.isArray(inner)) {
      pending.push(...inner.reverse());
    } else {
      parts.push(inner);
    }
  }
  return parts;
}

/** One step of stringParts: a finished part, or the sub-expressions to read in order. */
function stringPieces(node: Node, source: string): StringPart | Node[] | undefined {
  const type = node.type;
  if (isStringLiteralType(type)) return { literal: unquoteGoString(textOf(source, node)) };
  if (type === 'identifier') return { ident: textOf(source, node) };
  if (type === 'selector_expression') {
    const text = textOf(source, node);
    return isDottedName(text) ? { ident: text.replace(/\s+/g, '') } : undefined;
  }
  if (type === 'parenthesized_expression') return namedChildrenOf(node).slice(0, 1);
  if (type === 'binary_expression') return concatenationOperands(node);
  if (type === 'call_expression') return stringConversionOperand(node, source);
  return undefined;
}

function concatenationOperands(node: Node): Node[] | undefined {
  const operator = node.childForFieldName('operator');
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (operator?.type !== '+' || !left || !right) return undefined;
  return [left, right];
}

/** `string(X)` -> [X]. */
function stringConversionOperand(node: Node, source: string): Node[] | undefined {
  const callee = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (!callee || !args || textOf(source, callee) !== 'string') return undefined;
  const operands = namedChildrenOf(args);
  return operands.length === 1 ? operands : undefined;
}

/** The value of a string literal node, undefined for anything else. */
export function literalValue(node: Node | undefined, source: string): string | undefined {
  if (!node || !isStringLiteralType(node.type)) return undefined;
  return unquoteGoString(textOf(source, node));
}
