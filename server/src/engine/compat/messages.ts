// The text of each API change: what changed, what it breaks, and what to do.
// Names are qualified with the Go package name (`llms.NewClient`), as callers
// write them.
import type { ApiChange } from './diff';

type Described = Pick<ApiChange, 'kind' | 'name' | 'declaration' | 'before' | 'after' | 'renamedTo'>;

export function changeMessage(change: Described, packageName: string | undefined): string {
  const name = packageName ? `${packageName}.${change.name}` : change.name;
  switch (change.kind) {
    case 'removed':
      return removedMessage(change, name, packageName);
    case 'signature-changed':
      return changedMessage(change, name);
    case 'interface-method-added': {
      const { owner, member } = splitMember(name);
      return (
        `method ${member}${change.after ?? ''} was added to interface ${owner}: implementations outside this package no longer ` +
        `satisfy it. Declare it in a new interface that embeds ${owner.split('.').pop() ?? owner} and type-assert for it instead.`
      );
    }
    case 'field-type-changed':
      return (
        `field ${name} changed type from ${change.before ?? '?'} to ${change.after ?? '?'}: code that sets or reads it must be updated. ` +
        'Add a field with the new type and deprecate the old one instead.'
      );
    case 'kind-changed':
      return (
        `type ${name} changed from ${change.before ?? '?'} to ${change.after ?? '?'}: code that uses it as ${article(change.before)} no ` +
        'longer compiles. Keep the old type and introduce the new one under another name.'
      );
    case 'added':
      return `${change.declaration} ${name}${change.after && isCallable(change) ? change.after : ''} was added (compatible).`;
  }
}

function removedMessage(change: Described, name: string, packageName: string | undefined): string {
  const callable = isCallable(change);
  const was = change.before && callable ? change.before : change.before ? ` (${change.before})` : '';
  const renamed = change.renamedTo
    ? `, apparently renamed to ${packageName ? `${packageName}.` : ''}${change.renamedTo} (same ${callable ? 'signature' : 'shape'})`
    : '';
  const keep = change.renamedTo
    ? `keep ${lastName(change.name)}, marked Deprecated, as a wrapper or alias of ${lastName(change.renamedTo)}`
    : 'restore it, and mark it Deprecated if it is meant to go';
  if (change.declaration === 'interface method') {
    const { owner, member } = splitMember(name);
    return `method ${member}${was} was removed from interface ${owner}${renamed}: code calling it through the interface no longer compiles; ${keep}.`;
  }
  return `${change.declaration} ${name}${was} was removed${renamed}: ${USERS[change.declaration]} no longer compiles; ${keep}.`;
}

function changedMessage(change: Described, name: string): string {
  const from = `from ${change.before ?? '?'} to ${change.after ?? '?'}`;
  if (change.declaration === 'variable') {
    return `variable ${name} changed type ${from}: code that reads or assigns it must be updated. Keep the old variable and add a new one instead.`;
  }
  if (change.declaration === 'interface method') {
    return (
      `interface method ${name} changed ${from}: every implementation and every caller must be updated. ` +
      'Add the new signature as a method of a new interface instead.'
    );
  }
  return (
    `${change.declaration} ${name} changed ${from}: every caller must be updated. ` +
    `Keep the old ${change.declaration} as it was and add a new one beside it (or functional options for new parameters) instead.`
  );
}

const USERS: Record<ApiChange['declaration'], string> = {
  function: 'code calling it',
  method: 'code calling it (and code relying on the type to satisfy an interface with it)',
  type: 'code naming the type',
  field: 'code setting or reading the field',
  'interface method': 'code calling it through the interface',
  constant: 'code using the constant',
  variable: 'code using the variable',
};

function isCallable(change: Described): boolean {
  return change.declaration === 'function' || change.declaration === 'method' || change.declaration === 'interface method';
}

function lastName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** `llms.Model.Generate` -> owner `llms.Model`, member `Generate`. */
function splitMember(name: string): { owner: string; member: string } {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? { owner: name, member: name } : { owner: name.slice(0, dot), member: name.slice(dot + 1) };
}

function article(kind: string | undefined): string {
  if (kind === undefined) return 'before';
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
