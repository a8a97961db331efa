// Generates what the manifest derives from the settings' zod schema.
//
//   tsx scripts/gen-manifest.ts                 writes dist/gocomply.schema.json (`npm run build` runs this)
//   tsx scripts/gen-manifest.ts --package-json  also rewrites package.json `contributes.configuration`
//
// test/unit/manifest.test.ts fails when package.json drifts from the schema.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingsJsonSchema } from '../common/schemas/jsonSchema';
import { RULES } from '../server/src/engine/rules/catalog';

export const SETTINGS_PREFIX = 'gocomply.';
export const SCHEMA_FILE = join('dist', 'gocomply.schema.json');

/**
 * One line per setting for the Settings editor. The zod schema carries no
 * descriptions yet; one given there with `.describe()` takes precedence.
 */
export const SETTING_DESCRIPTIONS: Record<string, string> = {
  packageRoots: 'Folders whose direct subfolders are framework packages.',
  requiredFiles: 'Files every framework package keeps in its own folder.',
  multiProviderPackages: 'Packages treated as multi-provider even without a providers/ folder or a registry.',
  maxFileBytes: 'Files larger than this (bytes) are skipped and reported as notices.',
  'metrics.namePattern': 'Regular expression every metric name must match.',
  'tracing.scope': '"context": only public methods taking a context.Context count; "all": every public method.',
  'tracing.exclude': 'Globs of files whose methods are not counted for tracing.',
  'tracing.spanStarters': 'Extra function names that start a span (added to the inferred ones).',
  'tracing.countDelegation': 'A method delegating to a traced method of its own receiver counts as traced.',
  'tracing.threshold': 'Tracing coverage (%) at which tracing is COMPLETE.',
  'benchmarks.results': 'Files holding `go test -bench` output, relative to the workspace and module roots.',
  'benchmarks.baselineSuffixes': 'BenchmarkX vs BenchmarkX<suffix> pairs give the instrumentation overhead.',
  'benchmarks.maxOverhead': 'Instrumentation overhead (%) that is still ACCEPTABLE.',
  performanceCritical: 'Packages that must have benchmarks.',
  'coverage.profiles': 'Go coverage profiles, relative to the workspace and module roots.',
  'coverage.threshold': 'Test coverage (%) at which testing is COMPLETE.',
  'providers.highDemand': 'Per package: the providers it is expected to have.',
  'providers.types': 'Per multi-provider package: the provider type it holds.',
  'providers.countMocks': 'Count providers/mock as a provider.',
  multimodalExpected: 'Packages expected to support multimodal data (a package\'s first path segment counts).',
  'compat.baselineRef': 'Git ref of the API baseline for backward compatibility (default: origin/main, then main, then HEAD).',
  rules: 'Severity per rule id: off, hint, info, warning or error.',
};

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A group of settings (`tracing`) rather than a map-valued setting (`rules`): closed, with properties. */
function isSettingsGroup(schema: JsonObject): boolean {
  return schema['type'] === 'object' && isObject(schema['properties']) && schema['additionalProperties'] === false;
}

/**
 * VS Code gives a setting without a default the empty value of its type ("" for
 * a string), which the schema may refuse; such a setting is declared nullable
 * with a null default instead, and the server reads null as unset.
 */
function withUnsetDefault(schema: JsonObject): JsonObject {
  if ('default' in schema || typeof schema['type'] !== 'string') return schema;
  return { ...schema, type: [schema['type'], 'null'], default: null };
}

function editorProperty(key: string, schema: JsonObject): JsonObject {
  const { description, ...rest } = withUnsetDefault(schema);
  const text = typeof description === 'string' ? description : SETTING_DESCRIPTIONS[key];
  if (text === undefined) throw new Error(`gen-manifest: setting "${key}" has no description; add one to SETTING_DESCRIPTIONS`);
  return { ...rest, description: text };
}

function flatten(properties: JsonObject, prefix: string, out: JsonObject): void {
  for (const [name, schema] of Object.entries(properties)) {
    if (!isObject(schema)) continue;
    const key = `${prefix}${name}`;
    const group = schema['properties'];
    if (isSettingsGroup(schema) && isObject(group)) flatten(group, `${key}.`, out);
    else out[`${SETTINGS_PREFIX}${key}`] = editorProperty(key, schema);
  }
}

export function editorSettingsSchema(): JsonObject {
  return settingsJsonSchema(RULES);
}

/** package.json `contributes.configuration.properties`: one dotted `gocomply.*` key per leaf setting. */
export function configurationProperties(schema: JsonObject = editorSettingsSchema()): JsonObject {
  const properties = schema['properties'];
  if (!isObject(properties)) throw new Error('gen-manifest: the settings schema has no properties');
  const out: JsonObject = {};
  flatten(properties, '', out);
  return out;
}

function writeSchemaFile(root: string): void {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, SCHEMA_FILE), `${JSON.stringify(editorSettingsSchema(), null, 2)}\n`);
}

function updatePackageJson(root: string): void {
  const file = join(root, 'package.json');
  const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isObject(manifest) || !isObject(manifest['contributes'])) throw new Error('gen-manifest: package.json has no contributes');
  const configuration = manifest['contributes']['configuration'];
  const base = isObject(configuration) ? configuration : { title: 'gocomply' };
  manifest['contributes']['configuration'] = { ...base, properties: configurationProperties() };
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

if (require.main === module) {
  const root = join(__dirname, '..');
  writeSchemaFile(root);
  if (process.argv.includes('--package-json')) updatePackageJson(root);
}
