// Calls that the rules flag by their shape alone: `fmt.Print*`/`log.Print*`,
// and panics that mark unfinished code.
import type { Node } from 'web-tree-sitter';
import type { CallSite } from './callSite';
import { literalValue } from './strings';
import { namedChildrenOf, textOf } from './syntax';
import type { FileFacts } from './types';

const UNSTRUCTURED = new Set(['fmt.Print', 'fmt.Printf', 'fmt.Println', 'log.Print', 'log.Printf', 'log.Println']);

export function unstructuredCall(site: CallSite): FileFacts['unstructuredCalls'][number] | undefined {
  return UNSTRUCTURED.has(site.callee) ? { callee: site.callee, range: site.range } : undefined;
}

const NOT_IMPLEMENTED = /not (?:yet )?implemented|unimplemented|^\s*todo\b/i;
const MESSAGE_CONSTRUCTORS = new Set(['errors.New', 'fmt.Errorf', 'fmt.Sprintf', 'fmt.Sprint']);

/**
 * `panic("not implemented")`, `panic("TODO: ...")`, `panic("unimplemented")`,
 * also when the message goes through `errors.New`/`fmt.Errorf` first.
 */
export function isNotImplementedPanic(site: CallSite, source: string): boolean {
  if (site.callee !== 'panic' || site.argCount !== 1) return false;
  const [argument] = site.args;
  if (!argument) return false;
  const message = literalValue(messageNode(argument, source), source);
  return message !== undefined && NOT_IMPLEMENTED.test(message);
}

/** The argument itself, or the first argument of the `errors.New(...)`-style call it is. */
function messageNode(argument: Node, source: string): Node | undefined {
  if (argument.type !== 'call_expression') return argument;
  const callee = argument.childForFieldName('function');
  const args = argument.childForFieldName('arguments');
  if (!callee || !args || !MESSAGE_CONSTRUCTORS.has(textOf(source, callee))) return undefined;
  return namedChildrenOf(args)[0];
}
