// What generated Go needs to know of type names without reading a package:
// Go's keywords and predeclared types, how a new file qualifies a name, the
// literal zero of a type from its spelling, and the error raised for types the
// generated code could not reproduce faithfully.

export class UnsupportedType extends Error {}

/**
 * How the new file writes the type `name` that the source wrote `pkg.name`
 * (`pkg` undefined: unqualified). Called on trial parses too, so it must not
 * record anything: GoImports decides which imports a file uses from its text.
 */
export type Qualifier = (pkg: string | undefined, name: string) => string;

const PREDECLARED = new Set([
  'any',
  'bool',
  'byte',
  'comparable',
  'complex64',
  'complex128',
  'error',
  'float32',
  'float64',
  'int',
  'int8',
  'int16',
  'int32',
  'int64',
  'rune',
  'string',
  'uint',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'uintptr',
]);

const NUMERIC = /^(?:u?int(?:8|16|32|64)?|uintptr|float(?:32|64)|complex(?:64|128)|byte|rune)$/;

export const GO_KEYWORDS = new Set([
  'break',
  'case',
  'chan',
  'const',
  'continue',
  'default',
  'defer',
  'else',
  'fallthrough',
  'for',
  'func',
  'go',
  'goto',
  'if',
  'import',
  'interface',
  'map',
  'package',
  'range',
  'return',
  'select',
  'struct',
  'switch',
  'type',
  'var',
]);

export function isPredeclaredType(name: string): boolean {
  return PREDECLARED.has(name);
}

/** A literal zero value of a rendered type, when one is known from its spelling alone. */
export function literalZero(type: string): string | undefined {
  if (/^(?:\*|\[\]|map\[|chan\b|<-chan\b|func\()/.test(type)) return 'nil';
  if (type === 'error' || type === 'any' || type === 'interface{}') return 'nil';
  if (type === 'string') return '""';
  if (type === 'bool') return 'false';
  if (NUMERIC.test(type)) return '0';
  return undefined;
}
