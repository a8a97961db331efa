// Reading Go type expressions and signatures from their text, to write them
// again in another file: every type name goes through a qualifier that says how
// the new file refers to it (`Message` declared in iface/ becomes
// `iface.Message` in a provider, `context.Context` keeps its package, and
// `llms.Config` loses it inside package llms). The output is the spelling
// gofmt gives. Types the generated code could not reproduce faithfully
// (non-empty struct or interface literals, type parameters) raise
// `UnsupportedType`, so a fix refuses rather than writes wrong Go.

export class UnsupportedType extends Error {}

/**
 * How the new file writes the type `name` that the source wrote `pkg.name`
 * (`pkg` undefined: unqualified). Called on trial parses too, so it must not
 * record anything: GoImports decides which imports a file uses from its text.
 */
export type Qualifier = (pkg: string | undefined, name: string) => string;

export interface SigParam {
  /** Parameter name as written; undefined when unnamed. */
  name?: string;
  /** The rendered type, without the `...` of a variadic parameter. */
  type: string;
  variadic: boolean;
}

export interface Signature {
  params: SigParam[];
  results: SigParam[];
}

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

type TokenKind = 'ident' | 'number' | 'punct';

interface Token {
  kind: TokenKind;
  text: string;
}

const IDENT = /[\p{L}_][\p{L}\p{Nd}_]*/uy;
const NUMBER = /[0-9][0-9A-Za-z_.]*/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
      continue;
    }
    IDENT.lastIndex = i;
    const ident = IDENT.exec(text);
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0] });
      i += ident[0].length;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      tokens.push({ kind: 'number', text: number[0] });
      i += number[0].length;
      continue;
    }
    const punct = ['...', '<-'].find((p) => text.startsWith(p, i)) ?? char;
    if (!'*[](){},.;<-~|...'.includes(punct.charAt(0))) throw new UnsupportedType(`unexpected ${JSON.stringify(char)} in ${JSON.stringify(text)}`);
    tokens.push({ kind: 'punct', text: punct });
    i += punct.length;
  }
  return tokens;
}

const TYPE_START_KEYWORDS = new Set(['map', 'chan', 'func', 'struct', 'interface']);

class Parser {
  private at = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly qualify: Qualifier,
  ) {}

  done(): boolean {
    return this.at >= this.tokens.length;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }

  private next(): Token {
    const token = this.tokens[this.at++];
    if (!token) throw new UnsupportedType('unexpected end of type');
    return token;
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.text !== text) throw new UnsupportedType(`expected ${text}, found ${token.text}`);
  }

  startsType(): boolean {
    const token = this.peek();
    if (!token) return false;
    if (token.kind === 'ident') return true;
    return ['*', '[', '(', '<-'].includes(token.text);
  }

  type(): string {
    const token = this.next();
    if (token.kind === 'punct') {
      switch (token.text) {
        case '*':
          return `*${this.type()}`;
        case '(': {
          const inner = this.type();
          this.expect(')');
          return `(${inner})`;
        }
        case '<-':
          this.expect('chan');
          return `<-chan ${this.type()}`;
        case '[':
          return this.arrayOrSlice();
        default:
          throw new UnsupportedType(`unexpected ${token.text}`);
      }
    }
    if (token.kind !== 'ident') throw new UnsupportedType(`unexpected ${token.text}`);
    switch (token.text) {
      case 'map': {
        this.expect('[');
        const key = this.type();
        this.expect(']');
        return `map[${key}]${this.type()}`;
      }
      case 'chan':
        if (this.peek()?.text === '<-') {
          this.next();
          return `chan<- ${this.type()}`;
        }
        return `chan ${this.type()}`;
      case 'func':
        return `func${renderSignature(this.signature())}`;
      case 'struct':
      case 'interface':
        this.expect('{');
        if (this.peek()?.text !== '}') throw new UnsupportedType(`a non-empty ${token.text} literal`);
        this.next();
        return `${token.text}{}`;
      default:
        return this.typeName(token.text);
    }
  }

  private arrayOrSlice(): string {
    if (this.peek()?.text === ']') {
      this.next();
      return `[]${this.type()}`;
    }
    const length = this.next();
    let rendered: string;
    if (length.kind === 'number') rendered = length.text;
    else if (length.kind === 'ident' && this.peek()?.text === '.') {
      this.next();
      rendered = this.qualify(length.text, this.identifier());
    } else if (length.kind === 'ident') rendered = this.qualify(undefined, length.text);
    else throw new UnsupportedType(`array length ${length.text}`);
    this.expect(']');
    return `[${rendered}]${this.type()}`;
  }

  private identifier(): string {
    const token = this.next();
    if (token.kind !== 'ident') throw new UnsupportedType(`expected a name, found ${token.text}`);
    return token.text;
  }

  private typeName(first: string): string {
    if (GO_KEYWORDS.has(first)) throw new UnsupportedType(`unexpected ${first}`);
    let rendered: string;
    if (this.peek()?.text === '.') {
      this.next();
      rendered = this.qualify(first, this.identifier());
    } else {
      rendered = PREDECLARED.has(first) ? first : this.qualify(undefined, first);
    }
    if (this.peek()?.text === '[') {
      this.next();
      const args = [this.type()];
      while (this.peek()?.text === ',') {
        this.next();
        if (this.peek()?.text === ']') break;
        args.push(this.type());
      }
      this.expect(']');
      rendered += `[${args.join(', ')}]`;
    }
    return rendered;
  }

  /** `(params) results`, the `func` keyword already read. */
  signature(): Signature {
    const params = this.paramList();
    let results: SigParam[] = [];
    const token = this.peek();
    if (token?.text === '(') results = this.paramList();
    else if (token && (this.startsType() || (token.kind === 'ident' && TYPE_START_KEYWORDS.has(token.text)))) {
      results = [{ type: this.type(), variadic: false }];
    }
    return { params, results };
  }

  /** A parenthesized parameter list, as Go reads it: when any piece is named, lone names take the next type. */
  paramList(): SigParam[] {
    this.expect('(');
    const pieces: Token[][] = [];
    let piece: Token[] = [];
    let depth = 0;
    for (;;) {
      const token = this.next();
      if (depth === 0 && (token.text === ')' || token.text === ',')) {
        if (piece.length > 0) pieces.push(piece);
        piece = [];
        if (token.text === ')') break;
        continue;
      }
      if ('([{'.includes(token.text) && token.kind === 'punct') depth++;
      if (')]}'.includes(token.text) && token.kind === 'punct') depth--;
      piece.push(token);
    }
    const parsed = pieces.map((tokens) => parsePiece(tokens, this.qualify));
    if (!parsed.some((p) => p.name !== undefined)) return parsed.map(({ type, variadic }) => ({ type, variadic }));
    const params: SigParam[] = [];
    let pending: string[] = [];
    for (const p of parsed) {
      if (p.name === undefined) {
        if (p.loneName === undefined) throw new UnsupportedType('mixed named and unnamed parameters');
        pending.push(p.loneName);
        continue;
      }
      for (const name of [...pending, p.name]) params.push({ name, type: p.type, variadic: p.variadic });
      pending = [];
    }
    if (pending.length > 0) throw new UnsupportedType('a parameter without a type');
    return params;
  }
}

interface Piece extends SigParam {
  /** The piece is a single identifier: a type, or a name when others are named. */
  loneName?: string;
}

function parseVariadicType(tokens: Token[], qualify: Qualifier): { type: string; variadic: boolean } | undefined {
  const variadic = tokens[0]?.text === '...';
  const parser = new Parser(variadic ? tokens.slice(1) : tokens, qualify);
  try {
    const type = parser.type();
    return parser.done() ? { type, variadic } : undefined;
  } catch (error) {
    if (error instanceof UnsupportedType) return undefined;
    throw error;
  }
}

function parsePiece(tokens: Token[], qualify: Qualifier): Piece {
  const first = tokens[0];
  const lone = tokens.length === 1 && first?.kind === 'ident' && !GO_KEYWORDS.has(first.text) ? first.text : undefined;
  if (first?.kind === 'ident' && !GO_KEYWORDS.has(first.text) && tokens.length > 1) {
    const named = parseVariadicType(tokens.slice(1), qualify);
    if (named) return { name: first.text, ...named };
  }
  // A lone identifier might be a name, so it must not be qualified (and fail) before that is known.
  if (lone !== undefined) {
    let type: string;
    try {
      type = PREDECLARED.has(lone) ? lone : qualify(undefined, lone);
    } catch (error) {
      if (!(error instanceof UnsupportedType)) throw error;
      type = '';
    }
    return { type, variadic: false, loneName: lone };
  }
  const unnamed = parseVariadicType(tokens, qualify);
  if (!unnamed) throw new UnsupportedType(`cannot read the parameter ${tokens.map((t) => t.text).join(' ')}`);
  return unnamed;
}

function renderParam(p: SigParam): string {
  const type = p.variadic ? `...${p.type}` : p.type;
  return p.name === undefined ? type : `${p.name} ${type}`;
}

export function renderParams(params: SigParam[]): string {
  return `(${params.map(renderParam).join(', ')})`;
}

export function renderResults(results: SigParam[]): string {
  if (results.length === 0) return '';
  const [only] = results;
  if (results.length === 1 && only && only.name === undefined) return ` ${only.type}`;
  return ` ${renderParams(results)}`;
}

export function renderSignature(sig: Signature): string {
  return `${renderParams(sig.params)}${renderResults(sig.results)}`;
}

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

/** A literal zero value of a rendered type, when one is known from its spelling alone. */
export function literalZero(type: string): string | undefined {
  if (/^(?:\*|\[\]|map\[|chan\b|<-chan\b|func\()/.test(type)) return 'nil';
  if (type === 'error' || type === 'any' || type === 'interface{}') return 'nil';
  if (type === 'string') return '""';
  if (type === 'bool') return 'false';
  if (NUMERIC.test(type)) return '0';
  return undefined;
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
