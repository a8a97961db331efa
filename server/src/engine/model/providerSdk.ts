// A provider's SDK, API endpoint and authentication (spec §5 sdkInfo).
//
// Decisions where the spec is silent:
//  - Several candidate imports: the module whose path names the provider
//    wins (`go-openai` for openai), then one required in go.mod, then a
//    direct requirement over an `// indirect` one, then the one imported by
//    most of its files, then the first imported.
//  - An import go.mod does not require is reported by its import path with an
//    empty version. No third-party import at all (plain `net/http`): empty
//    name and version.
//  - A `replace` of the SDK's module gives the replacement's version; a
//    replacement by a local folder gives that folder as written (`../sdk`).
//  - Authentication: AWS_SIGV4 for the AWS SDK, OAUTH for golang.org/x/oauth2,
//    cloud.google.com/go/auth or Google credential calls, API_KEY for
//    `WithAPIKey`-style calls, an auth header literal, or an API-key/token
//    field in the configuration or in a struct with methods in its files (the
//    client, not a response carrying text tokens); checked in that order.
import type { ProviderExtension } from '../../../../common/schemas/entities';
import type { FileFacts } from '../facts/types';
import type { GoMod, GoRequire } from '../workspace/gomod';
import { nameWords } from './multimodalSignals';

type SdkInfo = ProviderExtension['sdkInfo'];

export interface SdkContext {
  providerName: string;
  files: FileFacts[];
  goMod: GoMod;
  /** The workspace's own module paths. */
  modulePaths: string[];
  /** Field names of the provider's configuration. */
  configFields: string[];
}

const within = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`);
const compact = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

function isThirdParty(path: string, modulePaths: string[]): boolean {
  const first = path.split('/')[0] ?? '';
  return first.includes('.') && !within(path, 'go.opentelemetry.io') && !modulePaths.some((m) => within(path, m));
}

interface Candidate {
  module: string;
  required: boolean;
  /** Required only `// indirect`. */
  indirect: boolean;
  files: number;
  order: number;
}

function candidates(context: SdkContext): Candidate[] {
  const byModule = new Map<string, Candidate>();
  context.files.forEach((facts) => {
    const seen = new Set<string>();
    for (const { path } of facts.imports) {
      if (!isThirdParty(path, context.modulePaths)) continue;
      const require = longestRequire(context.goMod, path);
      const module = require?.path ?? path;
      const candidate = byModule.get(module) ?? { module, required: require !== undefined, indirect: require?.indirect ?? false, files: 0, order: byModule.size };
      if (!seen.has(module)) candidate.files += 1;
      seen.add(module);
      byModule.set(module, candidate);
    }
  });
  return [...byModule.values()];
}

function longestRequire(goMod: GoMod, importPath: string): GoRequire | undefined {
  const matching = goMod.requires.filter((r) => within(importPath, r.path));
  return matching.sort((a, b) => b.path.length - a.path.length)[0];
}

function versionOf(goMod: GoMod, module: string): string {
  const replace = goMod.replaces.find((r) => r.from === module);
  if (replace) return /^(\.{1,2}\/|\/)/.test(replace.to) ? replace.to : replace.version ?? '';
  return goMod.requires.find((r) => r.path === module)?.version ?? '';
}

function bestCandidate(context: SdkContext): Candidate | undefined {
  const name = compact(context.providerName);
  const namesProvider = (c: Candidate) => (name !== '' && compact(c.module).includes(name) ? 1 : 0);
  return candidates(context).sort(
    (a, b) =>
      namesProvider(b) - namesProvider(a) ||
      Number(b.required) - Number(a.required) ||
      Number(a.indirect) - Number(b.indirect) ||
      b.files - a.files ||
      a.order - b.order,
  )[0];
}

/** The first `http(s)://` literal, preferring constants named like URL or Endpoint. */
export function apiEndpoint(files: FileFacts[]): string | undefined {
  const literals = files.flatMap((f) => f.urlLiterals);
  const preferred = literals.find((l) => l.constName !== undefined && /url|endpoint/i.test(l.constName));
  return (preferred ?? literals[0])?.value;
}

const GOOGLE_CREDENTIAL_CALLS = new Set([
  'FindDefaultCredentials',
  'CredentialsFromJSON',
  'WithCredentialsFile',
  'WithCredentialsJSON',
  'WithCredentials',
  'WithTokenSource',
  'DefaultTokenSource',
  'JWTConfigFromJSON',
]);

/** api key, apikey, token, access/auth/bearer/api token, secret key — not `MaxTokens`. */
export function isCredentialField(name: string): boolean {
  const words = nameWords(name);
  const last = words.at(-1);
  const joined = words.join('');
  return joined.includes('apikey') || last === 'token' || (last === 'key' && ['secret', 'access', 'subscription'].includes(words.at(-2) ?? ''));
}

/**
 * Fields of the structs that have methods (clients, providers), not of
 * request or response types, where a `Token` field is a text token.
 */
function clientFieldNames(files: FileFacts[]): string[] {
  const receivers = new Set(files.flatMap((f) => f.funcs.flatMap((func) => (func.receiverType === undefined ? [] : [func.receiverType]))));
  return files.flatMap((f) => f.types.filter((t) => receivers.has(t.name)).flatMap((t) => t.fields.map((field) => field.name)));
}

export function authenticationType(context: SdkContext): SdkInfo['authenticationType'] {
  const imports = context.files.flatMap((f) => f.imports.map((i) => i.path));
  const calls = context.files.flatMap((f) => f.funcs.flatMap((func) => func.calls.map((c) => c.name)));
  if (imports.some((p) => within(p, 'github.com/aws/aws-sdk-go') || p.startsWith('github.com/aws/aws-sdk-go-v2'))) return 'AWS_SIGV4';
  const oauthImport = imports.some((p) => within(p, 'golang.org/x/oauth2') || within(p, 'cloud.google.com/go/auth'));
  if (oauthImport || calls.some((c) => GOOGLE_CREDENTIAL_CALLS.has(c))) return 'OAUTH';
  const structFields = clientFieldNames(context.files);
  const keyed =
    calls.some((c) => /api_?key/i.test(c)) ||
    context.files.some((f) => f.authHeaders.length > 0) ||
    [...context.configFields, ...structFields].some(isCredentialField);
  return keyed ? 'API_KEY' : 'NONE';
}

export function sdkInfoOf(context: SdkContext): SdkInfo {
  const best = bestCandidate(context);
  const endpoint = apiEndpoint(context.files);
  return {
    sdkName: best?.module ?? '',
    sdkVersion: best?.required ? versionOf(context.goMod, best.module) : '',
    ...(endpoint !== undefined ? { apiEndpoint: endpoint } : {}),
    authenticationType: authenticationType(context),
  };
}
