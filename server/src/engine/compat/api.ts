// The exported API of one Go package (one folder), read from its files' facts:
// what code outside the package can name, in a form that compares equal across
// versions exactly when callers are unaffected.
import type { FileFacts, FuncFact, Range, TypeFact } from '../facts/types';
import { isExported } from '../facts/syntax';
import { isProductionFile } from '../model/view';
import { normaliseSignature, normaliseType, parseSignatureText, type Signature } from './signature';

/** Where a declaration is in the current code: the file (workspace-relative) and the range to flag. */
export interface ApiLocation {
  file: string;
  range: Range;
}

export interface ApiFunc extends Signature {
  /** Names of `string` parameters; only used to tell text-prompt APIs apart, never compared. */
  stringParamNames: string[];
  at: ApiLocation;
}

export interface ApiField {
  type: string;
  embedded: boolean;
}

export interface ApiType {
  kind: TypeFact['kind'];
  /** Exported struct fields by name (an embedded field is named by its type). */
  fields: Map<string, ApiField>;
  /** Interface methods (interface kind only). */
  interfaceMethods: Map<string, Signature>;
  /** Exported methods declared on the type, whether the receiver is a pointer or not. */
  methods: Map<string, ApiFunc>;
  at: ApiLocation;
}

export interface ApiValue {
  /** Declared type of a variable, normalised; absent when inferred. */
  type?: string;
  /** A string constant's value (literal parts and names joined with `+`); absent for other constants. */
  value?: string;
  at: ApiLocation;
}

export interface ExportedApi {
  /** Package clause name, used to qualify names in messages (`llms.NewClient`). */
  packageName?: string;
  funcs: Map<string, ApiFunc>;
  types: Map<string, ApiType>;
  consts: Map<string, ApiValue>;
  vars: Map<string, ApiValue>;
}

export type ApiFileFilter = (rel: string, facts: FileFacts) => boolean;

/**
 * Files whose declarations callers can see: production files (no `_test.go`,
 * no generated files, nothing under `testdata/`), no `package main` or
 * external test package, no `//go:build ignore` file.
 */
export function isApiFile(rel: string, facts: FileFacts): boolean {
  if (!isProductionFile(rel, facts)) return false;
  const name = facts.packageName;
  if (name === 'main' || name?.endsWith('_test')) return false;
  return facts.buildConstraint?.trim() !== 'ignore';
}

export function emptyApi(): ExportedApi {
  return { funcs: new Map(), types: new Map(), consts: new Map(), vars: new Map() };
}

/**
 * The exported API of one folder's files. Files are read in path order and the
 * first declaration of a name wins (the same name may be declared in files for
 * different build constraints).
 */
export function exportedApi(files: Iterable<[string, FileFacts]>, include: ApiFileFilter = isApiFile): ExportedApi {
  const api = emptyApi();
  const sorted = [...files].filter(([rel, facts]) => include(rel, facts)).sort(([a], [b]) => a.localeCompare(b));
  const methods: { file: string; func: FuncFact }[] = [];
  for (const [file, facts] of sorted) {
    api.packageName ??= facts.packageName;
    addTypes(api, file, facts.types);
    addValues(api, file, facts);
    for (const func of facts.funcs) {
      if (!func.exported) continue;
      if (func.receiverType !== undefined) methods.push({ file, func });
      else setOnce(api.funcs, func.name, apiFunc(file, func));
    }
  }
  // Methods are attached once every file's types are known: a type and its methods may live in different files.
  for (const { file, func } of methods) {
    const owner = func.receiverType === undefined ? undefined : api.types.get(func.receiverType);
    if (owner) setOnce(owner.methods, func.name, apiFunc(file, func));
  }
  return api;
}

function addTypes(api: ExportedApi, file: string, types: TypeFact[]): void {
  for (const type of types) {
    if (!type.exported) continue;
    const fields = new Map<string, ApiField>();
    for (const field of type.fields) {
      if (field.exported) setOnce(fields, field.name, { type: normaliseType(field.type), embedded: field.embedded });
    }
    const interfaceMethods = new Map<string, Signature>();
    for (const method of type.methods) setOnce(interfaceMethods, method.name, parseSignatureText(method.signature));
    // Type facts carry the whole declaration's range; an empty range at its start
    // lets editors flag the word there instead of the whole body.
    const at = { file, range: { start: type.range.start, end: type.range.start } };
    setOnce(api.types, type.name, { kind: type.kind, fields, interfaceMethods, methods: new Map(), at });
  }
}

function addValues(api: ExportedApi, file: string, facts: FileFacts): void {
  for (const constant of facts.consts) {
    if (!isExported(constant.name)) continue;
    const value: ApiValue = { at: { file, range: constant.range } };
    if (constant.parts) value.value = constant.parts.map((part) => ('literal' in part ? JSON.stringify(part.literal) : part.ident)).join(' + ');
    setOnce(api.consts, constant.name, value);
  }
  for (const variable of facts.vars) {
    if (!isExported(variable.name)) continue;
    const value: ApiValue = { at: { file, range: variable.range } };
    if (variable.type !== undefined) value.type = normaliseType(variable.type);
    setOnce(api.vars, variable.name, value);
  }
}

function apiFunc(file: string, func: FuncFact): ApiFunc {
  const stringParamNames = func.params.flatMap((param) => (param.name !== undefined && param.type.trim() === 'string' ? [param.name] : []));
  return { ...normaliseSignature(func.params, func.results), stringParamNames, at: { file, range: func.nameRange } };
}

function setOnce<V>(map: Map<string, V>, key: string, value: V): void {
  if (!map.has(key)) map.set(key, value);
}
