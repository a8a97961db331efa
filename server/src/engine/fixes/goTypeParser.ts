// A recursive-descent reader of Go types and signatures over their tokens:
// every type name goes through the qualifier, and the result is written back
// as gofmt spells it.
import { GO_KEYWORDS, UnsupportedType, isPredeclaredType, type Qualifier } from './goTypeNames';
import { renderSignature, type SigParam, type Signature } from './goSignatures';
import type { Token } from './goTypeTokens';

const TYPE_START_KEYWORDS = new Set(['map', 'chan', 'func', 'struct', 'interface']);

export class Parser {
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
      rendered = isPredeclaredType(first) ? first : this.qualify(undefined, first);
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
      type = isPredeclaredType(lone) ? lone : qualify(undefined, lone);
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
