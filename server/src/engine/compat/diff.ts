// Comparing two versions of one Go package's exported API (spec §7): what was
// removed or renamed, what changed shape, what was added. Additions are
// compatible, except a method added to an interface (implementations break).
import type { ApiField, ApiFunc, ApiLocation, ApiType, ApiValue, ExportedApi } from './api';
import { changeMessage } from './messages';
import { renderSignature, type Signature } from './signature';
import { touchesTextWorkflow } from './textWorkflow';

export type ApiChangeKind = 'removed' | 'signature-changed' | 'interface-method-added' | 'field-type-changed' | 'kind-changed' | 'added';
export type ApiDeclaration = 'function' | 'method' | 'type' | 'field' | 'interface method' | 'constant' | 'variable';

export interface ApiChange {
  kind: ApiChangeKind;
  breaking: boolean;
  /** `Func`, `Type`, `Type.Method`, `Type.Field`, `Const`. */
  name: string;
  declaration: ApiDeclaration;
  /** Signature, type or kind at the baseline / now, when there is one. */
  before?: string;
  after?: string;
  /** What broke and what callers must do. */
  message: string;
  /** The current declaration; for a removed member, its type's declaration; absent when gone. */
  at?: ApiLocation;
  /** For a removal: the one addition with the same shape, which is probably the new name. */
  renamedTo?: string;
  /** The API takes or returns text messages, documents or prompts (see textWorkflow.ts). */
  touchesText: boolean;
}

/** How one family of declarations (functions, fields, ...) is compared. */
interface Family<T> {
  declaration: ApiDeclaration;
  /** The text compared and shown as before/after; undefined when there is nothing to compare. */
  describe(value: T): string | undefined;
  /** Matches a removal to an addition to suggest a rename; undefined when too vague. */
  shape(value: T): string | undefined;
  location(value: T): ApiLocation | undefined;
  stringParams(value: T): string[];
  changedKind: ApiChangeKind;
  addedKind: 'added' | 'interface-method-added';
}

interface Scope {
  /** Go package name, to qualify names in messages. */
  packageName: string | undefined;
  /** `Type.` for members, '' at package level. */
  prefix: string;
  /** Where a removed member is flagged: its type's current declaration. */
  owner?: ApiLocation;
}

export function diffApi(baseline: ExportedApi, current: ExportedApi): ApiChange[] {
  const top: Scope = { packageName: current.packageName ?? baseline.packageName, prefix: '' };
  return [
    ...diffFamily(baseline.funcs, current.funcs, FUNCTIONS, top),
    ...diffTypes(baseline.types, current.types, top),
    ...diffFamily(baseline.consts, current.consts, CONSTANTS, top),
    ...diffFamily(baseline.vars, current.vars, VARIABLES, top),
  ];
}

function diffTypes(before: Map<string, ApiType>, after: Map<string, ApiType>, top: Scope): ApiChange[] {
  const changes = diffFamily(before, after, TYPES, top);
  for (const [name, old] of before) {
    const now = after.get(name);
    // A removed type's members, and those of a type whose kind changed, are covered by that one change.
    if (!now || now.kind !== old.kind) continue;
    const members: Scope = { packageName: top.packageName, prefix: `${name}.`, owner: now.at };
    changes.push(
      ...diffFamily(old.fields, now.fields, FIELDS, members),
      ...diffFamily(old.interfaceMethods, now.interfaceMethods, INTERFACE_METHODS, members),
      ...diffFamily(old.methods, now.methods, METHODS, members),
    );
  }
  return changes;
}

function diffFamily<T>(before: Map<string, T>, after: Map<string, T>, family: Family<T>, scope: Scope): ApiChange[] {
  const changes: ApiChange[] = [];
  const addedNames = [...after.keys()].filter((name) => !before.has(name));
  for (const [name, old] of before) {
    const now = after.get(name);
    if (now === undefined) {
      changes.push(removal(name, old, family, scope, renameCandidate(old, addedNames, after, family)));
      continue;
    }
    const was = family.describe(old);
    const is = family.describe(now);
    if (was !== undefined && is !== undefined && was !== is) {
      changes.push(build(family.changedKind, family, scope, name, { before: was, after: is, at: family.location(now) ?? scope.owner, old, now }));
    }
  }
  for (const name of addedNames) {
    const now = after.get(name);
    if (now !== undefined) changes.push(build(family.addedKind, family, scope, name, { after: family.describe(now), at: family.location(now) ?? scope.owner, now }));
  }
  return changes;
}

function removal<T>(name: string, old: T, family: Family<T>, scope: Scope, renamedTo: string | undefined): ApiChange {
  return build('removed', family, scope, name, { before: family.describe(old), at: scope.owner, old, renamedTo });
}

/** The single added name with the same shape as the removed value, if exactly one. */
function renameCandidate<T>(old: T, addedNames: string[], after: Map<string, T>, family: Family<T>): string | undefined {
  const shape = family.shape(old);
  if (shape === undefined) return undefined;
  const matches = addedNames.filter((name) => {
    const now = after.get(name);
    return now !== undefined && family.shape(now) === shape;
  });
  return matches.length === 1 ? matches[0] : undefined;
}

interface ChangeParts<T> {
  before?: string | undefined;
  after?: string | undefined;
  at?: ApiLocation | undefined;
  old?: T;
  now?: T;
  renamedTo?: string | undefined;
}

function build<T>(kind: ApiChangeKind, family: Family<T>, scope: Scope, name: string, parts: ChangeParts<T>): ApiChange {
  const fullName = `${scope.prefix}${name}`;
  const stringParams = [parts.old, parts.now].flatMap((value) => (value === undefined ? [] : family.stringParams(value)));
  const change: ApiChange = {
    kind,
    breaking: kind !== 'added',
    name: fullName,
    declaration: family.declaration,
    message: '',
    touchesText: touchesTextWorkflow([fullName, parts.before, parts.after], stringParams),
  };
  if (parts.before !== undefined) change.before = parts.before;
  if (parts.after !== undefined) change.after = parts.after;
  if (parts.at !== undefined) change.at = parts.at;
  if (parts.renamedTo !== undefined) change.renamedTo = `${scope.prefix}${parts.renamedTo}`;
  change.message = changeMessage(change, scope.packageName);
  return change;
}

const noStringParams = (): string[] => [];

const FUNCTIONS: Family<ApiFunc> = {
  declaration: 'function',
  describe: renderSignature,
  shape: renderSignature,
  location: (func) => func.at,
  stringParams: (func) => func.stringParamNames,
  changedKind: 'signature-changed',
  addedKind: 'added',
};

const METHODS: Family<ApiFunc> = { ...FUNCTIONS, declaration: 'method' };

const INTERFACE_METHODS: Family<Signature> = {
  declaration: 'interface method',
  describe: renderSignature,
  shape: renderSignature,
  location: () => undefined,
  stringParams: noStringParams,
  changedKind: 'signature-changed',
  addedKind: 'interface-method-added',
};

const FIELDS: Family<ApiField> = {
  declaration: 'field',
  describe: (field) => (field.embedded ? `${field.type} (embedded)` : field.type),
  shape: (field) => (field.embedded ? undefined : field.type),
  location: () => undefined,
  stringParams: noStringParams,
  changedKind: 'field-type-changed',
  addedKind: 'added',
};

const TYPES: Family<ApiType> = {
  declaration: 'type',
  describe: (type) => KIND_LABELS[type.kind],
  shape: typeShape,
  location: (type) => type.at,
  stringParams: noStringParams,
  changedKind: 'kind-changed',
  addedKind: 'added',
};

const KIND_LABELS: Record<ApiType['kind'], string> = { struct: 'struct', interface: 'interface', alias: 'type alias', other: 'defined type' };

/** Kind and members; undefined for types without members (any two would match). */
export function typeShape(type: ApiType): string | undefined {
  const fields = [...type.fields].map(([name, field]) => `${name} ${field.type}`).sort();
  const methods = [...type.interfaceMethods].map(([name, signature]) => `${name}${renderSignature(signature)}`).sort();
  if (fields.length + methods.length === 0) return undefined;
  return `${type.kind}{${[...fields, ...methods].join('; ')}}`;
}

const CONSTANTS: Family<ApiValue> = {
  declaration: 'constant',
  // A constant's value may change compatibly: only its presence is compared.
  describe: () => undefined,
  shape: (value) => value.value,
  location: (value) => value.at,
  stringParams: noStringParams,
  changedKind: 'signature-changed',
  addedKind: 'added',
};

const VARIABLES: Family<ApiValue> = {
  ...CONSTANTS,
  declaration: 'variable',
  describe: (value) => value.type,
  shape: (value) => value.type,
};
