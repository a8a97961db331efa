// The CallFact of a call site, with the registration arguments of `Register...` calls.
import type { Node } from 'web-tree-sitter';
import { INNER_NAME_FIELD, NAME_TYPES, SELECTOR_TYPES, type CallSite } from './callSite';
import { stringParts } from './strings';
import { isDottedName, namedChildrenOf, textOf } from './syntax';
import type { CallFact } from './types';

type RegisterArgs = NonNullable<CallFact['registerArgs']>;

/** The CallFact of a site inside a function whose receiver variable is `receiverVar`. */
export function callFact(site: CallSite, receiverVar: string | undefined, source: string): CallFact {
  const fact: CallFact = {
    name: site.name,
    onReceiver: site.operand !== undefined && site.operand === receiverVar,
    argCount: site.argCount,
    range: site.range,
  };
  if (site.operand !== undefined) fact.operand = site.operand;
  if (site.operandName !== undefined) fact.operandName = site.operandName;
  if (site.name.startsWith('Register') && site.argCount >= 2) fact.registerArgs = registerArgs(site.args, source);
  return fact;
}

function registerArgs(args: Node[], source: string): RegisterArgs {
  const [keyNode, factoryNode] = args;
  const result: RegisterArgs = {};
  const key = keyNode ? stringParts(keyNode, source) : undefined;
  if (key) result.key = key;
  const factory = factoryNode ? factoryName(factoryNode, source) : undefined;
  if (factory !== undefined) result.factory = factory;
  return result;
}

/**
 * The factory argument of a registration: `NewOpenAI`, `openai.New` (selectors
 * kept whole), `func` for a function literal, the called function for
 * `makeFactory(x)`, the generic function for `New[T]`.
 */
function factoryName(node: Node, source: string): string | undefined {
  const type = node.type;
  if (type === 'func_literal') return 'func';
  if (NAME_TYPES.has(type) || SELECTOR_TYPES.has(type)) {
    const text = textOf(source, node);
    return isDottedName(text) ? text.replace(/\s+/g, '') : undefined;
  }
  if (type === 'parenthesized_expression') {
    const inner = namedChildrenOf(node)[0];
    return inner ? factoryName(inner, source) : undefined;
  }
  const field = INNER_NAME_FIELD[type];
  const inner = field ? node.childForFieldName(field) : null;
  return inner ? factoryName(inner, source) : undefined;
}
