// The text-level readers behind the facts: Go string unquoting, top-level list
// splitting and parameter lists. No parser needed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { identifierAt, parseParameterList, splitTopLevel } from '../../server/src/engine/facts/goText';
import { LineIndex } from '../../server/src/engine/facts/lines';
import { unquoteGoString } from '../../server/src/engine/facts/strings';

describe('unquoteGoString', () => {
  it('resolves the escapes of interpreted strings', () => {
    assert.equal(unquoteGoString('"plain"'), 'plain');
    assert.equal(unquoteGoString('"a\\tb\\n\\\\\\"q\\""'), 'a\tb\n\\"q"');
    assert.equal(unquoteGoString('"\\u00e9\\U0001F600"'), 'é😀');
    assert.equal(unquoteGoString('"\\x41\\102"'), 'AB');
    // Byte escapes are UTF-8 bytes: \xc3\xa9 is é.
    assert.equal(unquoteGoString('"caf\\xc3\\xa9"'), 'café');
  });

  it('keeps raw strings as written, less carriage returns', () => {
    assert.equal(unquoteGoString('`a\\n"b"`'), 'a\\n"b"');
    assert.equal(unquoteGoString('`line1\r\nline2`'), 'line1\nline2');
  });

  it('returns what it can from broken literals', () => {
    assert.equal(unquoteGoString('"unterminated'), 'unterminated');
    assert.equal(unquoteGoString('"bad \\q escape"'), 'bad \\q escape');
    assert.equal(unquoteGoString('"short \\x4"'), 'short \\x4');
    assert.equal(unquoteGoString('"\\'), '\\');
  });
});

describe('splitTopLevel', () => {
  it('splits at top-level commas only', () => {
    assert.deepEqual(splitTopLevel('a, f(b, c), m[k, v], s{x, y}, "d,e", \',\', `g,h`'), [
      'a',
      'f(b, c)',
      'm[k, v]',
      's{x, y}',
      '"d,e"',
      "','",
      '`g,h`',
    ]);
  });

  it('drops comments, a trailing comma and empty input', () => {
    assert.deepEqual(splitTopLevel('a /* x, y */ int, // z, w\n\tb string,\n'), ['a   int', 'b string']);
    assert.deepEqual(splitTopLevel(''), []);
    assert.deepEqual(splitTopLevel('  \n '), []);
  });

  it('never throws on unbalanced text', () => {
    assert.deepEqual(splitTopLevel('a), (b, "c'), ['a)', '(b, "c']);
    assert.deepEqual(splitTopLevel('/* open'), []);
  });
});

describe('parseParameterList', () => {
  it('shares a type among grouped names, as Go does', () => {
    assert.deepEqual(parseParameterList('(ctx context.Context, a, b int, opts ...Option)'), [
      { name: 'ctx', type: 'context.Context' },
      { name: 'a', type: 'int' },
      { name: 'b', type: 'int' },
      { name: 'opts', type: '...Option' },
    ]);
  });

  it('reads unnamed lists as types, type keywords included', () => {
    assert.deepEqual(parseParameterList('(int, chan int, func(a, b int) error, map[string]int, ...any)'), [
      { type: 'int' },
      { type: 'chan int' },
      { type: 'func(a, b int) error' },
      { type: 'map[string]int' },
      { type: '...any' },
    ]);
    assert.deepEqual(parseParameterList('()'), []);
  });

  it('reads named parameters whose types contain spaces and brackets', () => {
    assert.deepEqual(parseParameterList('(ch <-chan Event, fn func(x int) (string, error), m Map[K, V])'), [
      { name: 'ch', type: '<-chan Event' },
      { name: 'fn', type: 'func(x int) (string, error)' },
      { name: 'm', type: 'Map[K, V]' },
    ]);
  });
});

describe('identifierAt and LineIndex', () => {
  it('reads an identifier at an index, letters beyond ASCII included', () => {
    assert.equal(identifierAt('func héllo_1(', 5), 'héllo_1');
    assert.equal(identifierAt('func (', 5), '');
  });

  it('maps rows and columns to string indexes, and counts lines', () => {
    const lines = new LineIndex('ab\ncdé\n\nx');
    assert.equal(lines.indexAt({ row: 1, column: 2 }), 5);
    assert.equal(lines.indexAt({ row: 3, column: 0 }), 8);
    assert.equal(lines.lineCount, 4);
    assert.equal(new LineIndex('a\n').lineCount, 1);
    assert.equal(new LineIndex('').lineCount, 0);
  });
});
