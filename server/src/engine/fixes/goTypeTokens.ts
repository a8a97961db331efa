// The tokens of a Go type expression or signature, comments skipped.
import { UnsupportedType } from './goTypeNames';

type TokenKind = 'ident' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
}

const IDENT = /[\p{L}_][\p{L}\p{Nd}_]*/uy;
const NUMBER = /[0-9][0-9A-Za-z_.]*/y;

export function tokenize(text: string): Token[] {
  let i = 0;
  const tokens: Token[] = [];
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
