// Composite literals of `DefaultConfig()`-style functions: the literal-valued
// fields a provider's configuration gets by default (spec §5). Only those few
// function bodies are walked.
import type { Node } from 'web-tree-sitter';
import type { FunctionScope } from './functions';
import { literalOf } from './goLiterals';
import { bareTypeName, isIdentifier, namedChildrenOf, textOf } from './syntax';
import type { ConfigDefaultsFact } from './types';

/** `DefaultConfig`, `defaultConfig`, `DefaultClientConfig`: plain functions only (no receiver). */
const DEFAULTS_FUNCTION = /^[Dd]efault\w*Config$/;

export function configDefaultsFacts(functions: FunctionScope[], source: string): ConfigDefaultsFact[] {
  const facts: ConfigDefaultsFact[] = [];
  for (const scope of functions) {
    if (scope.fact.receiverType !== undefined || !DEFAULTS_FUNCTION.test(scope.fact.name) || !scope.body) continue;
    const seen = new Set<string>();
    for (const literal of scope.body.descendantsOfType('composite_literal')) {
      const fact = literalFact(scope.fact.name, literal, source);
      // The first literal of each type is the one returned in the usual shapes.
      if (fact && !seen.has(fact.type)) {
        seen.add(fact.type);
        facts.push(fact);
      }
    }
  }
  return facts;
}

function literalFact(func: string, literal: Node, source: string): ConfigDefaultsFact | undefined {
  const typeNode = literal.childForFieldName('type');
  const body = literal.childForFieldName('body');
  if (!typeNode || !body) return undefined;
  const type = bareTypeName(textOf(source, typeNode));
  if (!isIdentifier(type)) return undefined;
  const fields: ConfigDefaultsFact['fields'] = [];
  for (const element of namedChildrenOf(body)) {
    if (element.type !== 'keyed_element') continue;
    const key = unwrapElement(element.childForFieldName('key'));
    const value = unwrapElement(element.childForFieldName('value'));
    if (!key || !value || key.type !== 'identifier') continue;
    const literalValue = literalOf(value, source);
    if (literalValue !== undefined) fields.push({ name: textOf(source, key), value: literalValue });
  }
  return { func, type, fields };
}

/** A `literal_element` holds the key or value expression. */
function unwrapElement(node: Node | null): Node | undefined {
  if (!node) return undefined;
  return node.type === 'literal_element' ? namedChildrenOf(node)[0] : node;
}
