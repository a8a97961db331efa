// Shared by the facts*.test.ts files: one GoParser per test file, and
// positions computed from the Go snippet itself (never copied from output).
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { FileFacts, FuncFact, Position } from '../../server/src/engine/facts/types';
import { GoParser } from '../../server/src/engine/parser';

/** Creates a parser before the file's tests and disposes it after; call at the top level of a test file. */
export function useParser(): () => GoParser {
  let parser: GoParser | undefined;
  before(async () => {
    parser = await GoParser.create();
  });
  after(() => parser?.dispose());
  return () => {
    assert.ok(parser, 'parser is created before the tests run');
    return parser;
  };
}

/** 0-based position of the `occurrence`-th `needle` in `text`, in UTF-16 units as LSP counts. */
export function positionOf(text: string, needle: string, occurrence = 0): Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i += 1) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} not in snippet`);
  const before = text.slice(0, index);
  return { line: before.split('\n').length - 1, character: index - (before.lastIndexOf('\n') + 1) };
}

export function funcNamed(facts: FileFacts, name: string): FuncFact {
  const func = facts.funcs.find((f) => f.name === name);
  assert.ok(func, `no function ${name}`);
  return func;
}
