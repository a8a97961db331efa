// Literal values of Go expressions — strings, numbers, booleans — for the
// facts that report typed values (config defaults, numeric constants).
import type { Node } from 'web-tree-sitter';
import { isStringLiteralType, unquoteGoString } from './strings';
import { namedChildrenOf, textOf } from './syntax';
import type { LiteralValue } from './types';

const HEX = { radix: 16, digits: /^[0-9a-fA-F]+$/ };
const OCTAL = { radix: 8, digits: /^[0-7]+$/ };
const BINARY = { radix: 2, digits: /^[01]+$/ };
const RADIX_PREFIXES: Record<string, { radix: number; digits: RegExp }> = { '0x': HEX, '0X': HEX, '0o': OCTAL, '0O': OCTAL, '0b': BINARY, '0B': BINARY };

/**
 * The value of a Go int or float literal (`1_536`, `0x1F`, `0o17`, `017`,
 * `2.5e3`); undefined for imaginary and hexadecimal floating-point literals,
 * and for values a double cannot hold (`1e1000`): facts are plain JSON data.
 */
export function goNumber(text: string): number | undefined {
  const value = literalNumber(text);
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

function literalNumber(text: string): number | undefined {
  const digits = text.replace(/_/g, '');
  const prefixed = RADIX_PREFIXES[digits.slice(0, 2)];
  if (prefixed !== undefined) {
    const body = digits.slice(2);
    return prefixed.digits.test(body) ? parseInt(body, prefixed.radix) : undefined;
  }
  // A leading 0 makes an integer octal (`017`); `09` is no literal, `09.5` is a float.
  if (/^0\d+$/.test(digits)) return /^0[0-7]+$/.test(digits) ? parseInt(digits, 8) : undefined;
  if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(digits)) return Number(digits);
  return undefined;
}

/** A string, number or bool literal, possibly signed or parenthesised; undefined for anything else. */
export function literalOf(node: Node, source: string): LiteralValue | undefined {
  const type = node.type;
  if (isStringLiteralType(type)) return unquoteGoString(textOf(source, node));
  if (type === 'int_literal' || type === 'float_literal') return goNumber(textOf(source, node));
  if (type === 'true' || type === 'false') return type === 'true';
  if (type === 'parenthesized_expression') {
    const inner = namedChildrenOf(node)[0];
    return inner ? literalOf(inner, source) : undefined;
  }
  if (type === 'unary_expression') return signedNumber(node, source);
  return undefined;
}

function signedNumber(node: Node, source: string): number | undefined {
  const operator = node.childForFieldName('operator')?.type;
  const operand = node.childForFieldName('operand');
  const value = operand ? literalOf(operand, source) : undefined;
  if (typeof value !== 'number') return undefined;
  // `-0.0` is the constant 0 in Go; JSON has no -0 either.
  if (operator === '-') return value === 0 ? 0 : -value;
  return operator === '+' ? value : undefined;
}
