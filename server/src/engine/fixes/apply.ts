// Applying text changes to a string: what an editor does with a TextEdit, for
// tests and for fixes that compose other fixes' output.
import type { Position } from '../facts/types';
import type { TextChange } from './plan';

/** Offset of an LSP position (0-based line, UTF-16 column) in `text`; clamped to the line's end. */
export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd === -1 ? text.length : lineEnd;
  return Math.min(offset + position.character, end);
}

/** The LSP position of `offset` in `text`. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** `text` with `changes` applied; they must not overlap. Changes at the same offset keep their order. */
export function applyChanges(text: string, changes: TextChange[]): string {
  const located = changes.map((c, index) => ({ start: offsetAt(text, c.range.start), end: offsetAt(text, c.range.end), newText: c.newText, index }));
  located.sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
  let out = '';
  let cursor = 0;
  for (const change of located) {
    if (change.start < cursor) throw new Error('overlapping text changes');
    out += text.slice(cursor, change.start) + change.newText;
    cursor = change.end;
  }
  return out + text.slice(cursor);
}

export function insertAt(position: Position, newText: string): TextChange {
  return { range: { start: position, end: position }, newText };
}
