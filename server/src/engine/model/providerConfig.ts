// A provider's configuration (spec §5): its Config struct's required and
// optional fields and default values.
//
// Decisions where the spec is silent:
//  - The provider's Config struct is a struct named `Config` in its files,
//    else the first struct whose name ends in `Config` there; the package's is
//    `Config` in the package folder, else anywhere in the package outside
//    `providers/`.
//  - Embedded fields are neither required nor optional (their own fields are
//    promoted, but belong to another type); unexported fields are left out
//    (validators and defaulting libraries skip them).
//  - `default:"…"` values are typed by the field's type (numbers for integer
//    and float kinds, bools for bool, strings otherwise, `30s` included). A
//    literal field of `DefaultConfig()` wins over the tag: it is what the code
//    actually sets.
import type { ConfigDefaultsFact, FieldFact, LiteralValue, TypeFact } from '../facts/types';
import { goNumber } from '../facts/goLiterals';
import { dirOf, isWithin } from '../workspace/walk';
import { packageFile, type PackageView } from './view';

export interface ConfigStruct {
  type: TypeFact;
  file: string;
}

export interface Configuration {
  requiredFields: string[];
  optionalFields: string[];
  defaultValues: Record<string, LiteralValue>;
}

function structsIn(view: PackageView, files: string[]): ConfigStruct[] {
  return files.flatMap((file) => (view.facts(file)?.types ?? []).filter((t) => t.kind === 'struct').map((type) => ({ type, file })));
}

export function findConfigStruct(view: PackageView, providerFiles: string[]): ConfigStruct | undefined {
  const own = structsIn(view, providerFiles);
  const exact = own.find((s) => s.type.name === 'Config') ?? own.find((s) => s.type.exported && s.type.name.endsWith('Config'));
  return exact ?? packageConfigStruct(view);
}

export function packageConfigStruct(view: PackageView): ConfigStruct | undefined {
  const providersDir = packageFile(view, 'providers');
  const outside = view.productionFiles.filter((f) => !isWithin(f, providersDir));
  const named = structsIn(view, outside).filter((s) => s.type.name === 'Config');
  return named.find((s) => dirOf(s.file) === view.pkg.dir) ?? named[0];
}

/** `json:"a,omitempty" validate:"required"` -> key -> value, as reflect.StructTag reads it. */
export function parseStructTag(tag: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const match of tag.matchAll(/([^\s:"]+):"((?:[^"\\]|\\.)*)"/g)) {
    const [, key, value] = match;
    if (key !== undefined && value !== undefined && !values.has(key)) values.set(key, value.replace(/\\(.)/g, '$1'));
  }
  return values;
}

function isRequired(field: FieldFact): boolean {
  const rules = parseStructTag(field.tag ?? '').get('validate') ?? '';
  return rules.split(/[,|]/).some((token) => token.trim() === 'required');
}

const NUMERIC_TYPE = /^(u?int(8|16|32|64)?|uintptr|float(32|64)|byte|rune)$/;

export function typedDefault(fieldType: string, raw: string): LiteralValue {
  const type = fieldType.replace(/^\*/, '');
  if (NUMERIC_TYPE.test(type)) return goNumber(raw) ?? raw;
  if (type === 'bool' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

function ownFields(type: TypeFact): FieldFact[] {
  return type.fields.filter((f) => f.exported && !f.embedded);
}

/** `default` tags, then the literal fields of the `DefaultConfig()` functions in the struct's folder. */
export function defaultValuesOf(view: PackageView, config: ConfigStruct): Record<string, LiteralValue> {
  const values: Record<string, LiteralValue> = {};
  const fields = ownFields(config.type);
  for (const field of fields) {
    const raw = parseStructTag(field.tag ?? '').get('default');
    if (raw !== undefined) values[field.name] = typedDefault(field.type, raw);
  }
  const known = new Set(fields.map((f) => f.name));
  for (const literal of defaultLiterals(view, config)) {
    for (const { name, value } of literal.fields) if (known.has(name)) values[name] = value;
  }
  return values;
}

function defaultLiterals(view: PackageView, config: ConfigStruct): ConfigDefaultsFact[] {
  const dir = dirOf(config.file);
  return view.productionFiles
    .filter((f) => dirOf(f) === dir)
    .flatMap((f) => view.facts(f)?.configDefaults ?? [])
    .filter((literal) => literal.type === config.type.name);
}

export function configurationOf(view: PackageView, config: ConfigStruct | undefined): Configuration {
  if (!config) return { requiredFields: [], optionalFields: [], defaultValues: {} };
  const fields = ownFields(config.type);
  return {
    requiredFields: fields.filter(isRequired).map((f) => f.name),
    optionalFields: fields.filter((f) => !isRequired(f)).map((f) => f.name),
    defaultValues: defaultValuesOf(view, config),
  };
}
