// Table-driven tests: a slice of struct cases ranged over with `t.Run` in the
// loop body. Maps of struct cases count too: Go tests use both shapes.
//
// Read from the few `X.Run(name, fn)` calls outward: the range loop around
// each, then the ranged-over literal, directly or through the variable that
// holds it. That stays cheap where a query over every test would not.
import type { Node } from 'web-tree-sitter';
import type { CallSite } from './callSite';
import { textOf } from './syntax';
import { appearsInCode, matchIndexes } from './textScan';
import type { TypeFact } from './types';

const MAX_LOOP_DEPTH = 48;
const FUNCTION_BOUNDARIES = new Set(['function_declaration', 'method_declaration', 'source_file']);

export function hasTableDrivenTest(sites: CallSite[], types: TypeFact[], root: Node, source: string): boolean {
  const runs = sites.filter((site) => site.name === 'Run' && site.operand !== undefined && site.argCount >= 2);
  if (runs.length === 0 || !source.includes('range')) return false;
  const cases = new CaseLiterals(types, root, source);
  const seenLoops = new Set<number>();
  return runs.some((run) => {
    const subject = rangedSubject(run.node);
    if (!subject || seenLoops.has(subject.startIndex)) return false;
    seenLoops.add(subject.startIndex);
    return cases.isCaseCollection(subject);
  });
}

/** The expression ranged over by the nearest `for ... range` loop around `node`, within its function. */
function rangedSubject(node: Node): Node | undefined {
  let current = node.parent;
  for (let depth = 0; current && depth < MAX_LOOP_DEPTH; depth += 1) {
    const type = current.type;
    if (FUNCTION_BOUNDARIES.has(type)) return undefined;
    if (type === 'for_statement') {
      const clause = current.namedChildren.find((child) => child.type === 'range_clause');
      const subject = clause?.childForFieldName('right');
      if (subject) return subject;
    }
    current = current.parent;
  }
  return undefined;
}

class CaseLiterals {
  private readonly structNames: Set<string>;

  constructor(
    types: TypeFact[],
    private readonly root: Node,
    private readonly source: string,
  ) {
    this.structNames = new Set(types.filter((type) => type.kind === 'struct').map((type) => type.name));
  }

  /** A case literal, or a variable assigned one (`tests := []struct{...}{...}`, `var tests = ...`). */
  isCaseCollection(subject: Node): boolean {
    if (subject.type === 'composite_literal') return this.isCaseLiteral(subject);
    if (subject.type !== 'identifier') return false;
    return this.literalsAssignedTo(textOf(this.source, subject)).some((literal) => this.isCaseLiteral(literal));
  }

  private literalsAssignedTo(name: string): Node[] {
    const assignment = new RegExp(`(?<![\\p{L}\\p{Nd}_.])${name}\\s*:?=\\s*`, 'gu');
    return [...this.source.matchAll(assignment)].flatMap((match) => {
      const literal = this.compositeLiteralAt(match.index + match[0].length);
      return literal ? [literal] : [];
    });
  }

  /** The composite literal starting exactly at `index`, if one does. */
  private compositeLiteralAt(index: number): Node | undefined {
    let node = this.root.namedDescendantForIndex(index, index + 1);
    for (let step = 0; node && node.startIndex === index && step < 4; step += 1) {
      if (node.type === 'composite_literal') return node;
      node = node.parent;
    }
    return undefined;
  }

  private isCaseLiteral(literal: Node): boolean {
    const type = literal.childForFieldName('type');
    if (type?.type === 'slice_type') return this.isStructElement(type.childForFieldName('element'));
    if (type?.type === 'map_type') return this.isStructElement(type.childForFieldName('value'));
    return false;
  }

  /** `struct{...}`, or a struct type declared in this file, pointer or not. */
  private isStructElement(element: Node | null): boolean {
    if (!element) return false;
    if (element.type === 'struct_type') return true;
    const name = textOf(this.source, element).replace(/^\*\s*/, '');
    return /^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(name) && (this.structNames.has(name) || this.declaresLocalStruct(name));
  }

  /** A struct type declared inside a function (`type testCase struct {...}`), which top-level facts miss. */
  private declaresLocalStruct(name: string): boolean {
    const declaration = new RegExp(`(?<![\\p{L}\\p{Nd}_])${name}\\s+struct\\s*\\{`, 'gu');
    return matchIndexes(this.source, declaration).length > 0 && appearsInCode(this.root, this.source, declaration);
  }
}
