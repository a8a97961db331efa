// Syntax trees of the files the editor has open, for tree-sitter's incremental
// parse: the next text of an open file is parsed against its previous tree,
// told what changed (one edit from the common prefix and suffix of the two
// texts). Only open files keep a tree — a file whose text comes from the disk
// again (closed, changed outside the editor, deleted) loses it — so memory is
// bounded by what the editor shows. Trees live in wasm memory: every tree
// dropped here is deleted.
import { Edit, type Point, type Tree } from 'web-tree-sitter';
import type { FileFacts } from './facts/types';
import type { GoParser } from './parser';

interface OpenTree {
  text: string;
  tree: Tree;
}

/** Row and column (UTF-16 code units, as web-tree-sitter counts them) of `index` in `text`. */
function pointAt(text: string, index: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    row += 1;
    lineStart = i + 1;
  }
  return { row, column: index - lineStart };
}

/** The one edit turning `before` into `after`: what lies between their common prefix and common suffix. */
function editBetween(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  let suffix = 0;
  while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix += 1;
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
  return new Edit({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  });
}

export class OpenTrees {
  private readonly trees = new Map<string, OpenTree>();

  /** Facts of an open file's new text, parsed incrementally from its previous tree when it has one. */
  extract(parser: GoParser, file: string, text: string): FileFacts {
    const previous = this.trees.get(file);
    const edit = previous && editBetween(previous.text, text);
    let tree: Tree;
    try {
      if (previous && edit) previous.tree.edit(edit);
      tree = previous && edit === undefined ? previous.tree : parser.parseTree(text, previous?.tree);
    } catch (error) {
      // The previous tree may already be edited: it no longer matches any text we hold.
      this.drop(file);
      throw error;
    }
    if (previous && previous.tree !== tree) previous.tree.delete();
    this.trees.set(file, { text, tree });
    return parser.extractFromTree(tree, text);
  }

  /** The file's text comes from the disk again, or it is gone: its tree goes (a folder drops every tree below it). */
  drop(file: string): void {
    for (const [open, entry] of this.trees) {
      if (open !== file && !open.startsWith(`${file}/`)) continue;
      entry.tree.delete();
      this.trees.delete(open);
    }
  }

  get size(): number {
    return this.trees.size;
  }

  clear(): void {
    for (const entry of this.trees.values()) entry.tree.delete();
    this.trees.clear();
  }
}
