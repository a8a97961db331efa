// Reading Go type expressions and signatures from their text, to write them
// again in another file: every type name goes through a qualifier that says how
// the new file refers to it (`Message` declared in iface/ becomes
// `iface.Message` in a provider, `context.Context` keeps its package, and
// `llms.Config` loses it inside package llms). The output is the spelling
// gofmt gives. Types the generated code could not reproduce faithfully
// (non-empty struct or interface literals, type parameters) raise
// `UnsupportedType`, so a fix refuses rather than writes wrong Go.
import { UnsupportedType, type Qualifier } from './goTypeNames';
import type { Signature } from './goSignatures';
import { Parser } from './goTypeParser';
import { tokenize } from './goTypeTokens';

/** A type expression written again through `qualify`. */
export function renderType(text: string, qualify: Qualifier): string {
  const parser = new Parser(tokenize(text), qualify);
  const type = parser.type();
  if (!parser.done()) throw new UnsupportedType(`cannot read the type ${JSON.stringify(text)}`);
  return type;
}

/** A method or function signature `(params) results`, as TypeFact.methods holds it, read through `qualify`. */
export function parseSignature(text: string, qualify: Qualifier): Signature {
  const parser = new Parser(tokenize(text), qualify);
  const sig = parser.signature();
  if (!parser.done()) throw new UnsupportedType(`cannot read the signature ${JSON.stringify(text)}`);
  if (sig.results.some((r) => r.variadic)) throw new UnsupportedType('a variadic result');
  return sig;
}

/**
 * Rows of cells aligned as gofmt's tabwriter aligns a block of struct fields:
 * every column but the last padded to its widest cell plus one space.
 */
export function alignColumns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.slice(0, -1).forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd((widths[i] ?? 0) + 1) : cell)).join(''));
}
