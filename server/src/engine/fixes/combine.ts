// Several fixes as one edit (fix all in a file, align a package): identical
// changes are kept once, an import line two fixes both insert at the same
// place is inserted once, and a fix whose changes overlap one already taken is
// left out (running the command again applies it against the new text).
import { offsetAt } from './apply';
import type { ChangeGroup, FixWorkspace, NewFile, PlannedFix, TextChange } from './plan';

interface Span {
  start: number;
  end: number;
}

const IMPORT_SPEC_LINE = /^\t(?:[A-Za-z_][A-Za-z0-9_]*\s+|[._]\s+)?"[^"]+"$/;

function changeKey(c: TextChange): string {
  return `${c.range.start.line}:${c.range.start.character}-${c.range.end.line}:${c.range.end.character}`;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function isInsert(c: TextChange): boolean {
  return c.range.start.line === c.range.end.line && c.range.start.character === c.range.end.character;
}

class FileAccumulator {
  readonly changes: TextChange[] = [];
  private readonly spans: Span[] = [];
  private readonly seen = new Set<string>();
  /** Import spec lines already inserted, per insertion point. */
  private readonly importLines = new Map<string, Set<string>>();

  constructor(private readonly text: string) {}

  /** The changes of one fix still to add, or undefined when one overlaps a change taken before. */
  admit(changes: TextChange[]): TextChange[] | undefined {
    const fresh = changes.filter((c) => !this.seen.has(`${changeKey(c)}\u0000${c.newText}`));
    for (const c of fresh) {
      if (this.spans.some((taken) => overlaps(taken, this.spanOf(c)))) return undefined;
    }
    return fresh.map((c) => this.withoutRepeatedImports(c)).filter((c) => !(isInsert(c) && c.newText === ''));
  }

  take(changes: TextChange[]): void {
    for (const c of changes) {
      this.seen.add(`${changeKey(c)}\u0000${c.newText}`);
      this.spans.push(this.spanOf(c));
      this.changes.push(c);
      if (!isInsert(c)) continue;
      const known = this.importLines.get(changeKey(c)) ?? new Set<string>();
      for (const line of c.newText.split('\n')) if (IMPORT_SPEC_LINE.test(line)) known.add(line);
      this.importLines.set(changeKey(c), known);
    }
  }

  private spanOf(c: TextChange): Span {
    return { start: offsetAt(this.text, c.range.start), end: offsetAt(this.text, c.range.end) };
  }

  private withoutRepeatedImports(c: TextChange): TextChange {
    const known = isInsert(c) ? this.importLines.get(changeKey(c)) : undefined;
    if (!known) return c;
    const lines = c.newText.split('\n');
    const kept = lines.filter((line) => !(IMPORT_SPEC_LINE.test(line) && known.has(line)));
    if (kept.length === lines.length) return c;
    // Only the blank line that opened a new import group is left: drop it too.
    return { ...c, newText: kept.every((line) => line.trim() === '') ? '' : kept.join('\n') };
  }
}

/** The group a plan's changes join: its part name (or title), to confirm when the plan is not safe. */
function groupOf(plan: PlannedFix): ChangeGroup {
  return { label: plan.group ?? plan.title, needsConfirmation: !plan.safe };
}

/**
 * One plan with every fix of `plans` that fits with the ones before it. With
 * `grouped`, each change carries the group of the plan it came from.
 */
export function combinePlans(title: string, plans: PlannedFix[], ws: FixWorkspace, grouped = false): PlannedFix {
  const files = new Map<string, FileAccumulator>();
  const creations = new Map<string, NewFile>();
  for (const plan of plans) {
    if (plan.creations.some((c) => creations.has(c.file))) continue;
    const admitted = new Map<string, TextChange[]>();
    let fits = true;
    for (const { file, changes } of plan.changes) {
      const text = ws.textOf(file);
      if (text === undefined) fits = false;
      const accumulator = files.get(file) ?? new FileAccumulator(text ?? '');
      files.set(file, accumulator);
      const taken = fits ? accumulator.admit(changes) : undefined;
      if (taken === undefined) fits = false;
      else admitted.set(file, taken);
    }
    if (!fits) continue;
    const group = grouped ? groupOf(plan) : undefined;
    for (const [file, changes] of admitted) files.get(file)?.take(group ? changes.map((c) => ({ ...c, group })) : changes);
    for (const creation of plan.creations) creations.set(creation.file, group ? { ...creation, group } : creation);
  }
  return {
    title,
    changes: [...files].filter(([, acc]) => acc.changes.length > 0).map(([file, acc]) => ({ file, changes: acc.changes })),
    creations: [...creations.values()],
    safe: plans.every((p) => p.safe),
  };
}
