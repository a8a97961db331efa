// Line starts of a source text, to turn tree-sitter points into string
// indexes without asking the tree (points count UTF-16 code units, as the
// string does, and rows break at '\n' only).
import type { Point } from 'web-tree-sitter';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly source: string) {
    for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) {
      this.starts.push(index + 1);
    }
  }

  indexAt(point: Point): number {
    return (this.starts[point.row] ?? this.source.length) + point.column;
  }

  /** Lines of text; a final newline ends the last line rather than starting an empty one. */
  get lineCount(): number {
    if (this.source.length === 0) return 0;
    return this.source.endsWith('\n') ? this.starts.length - 1 : this.starts.length;
  }
}
