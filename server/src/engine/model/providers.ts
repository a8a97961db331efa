// ProviderSupport (spec §5): registries, registrations, providers present and
// missing. Per-provider ProviderExtension facts build on this.
import type { ProviderSupport } from '../../../../common/schemas/entities';
import type { Settings } from '../../../../common/schemas/settings';
import type { CallFact, FuncFact, ImportFact, Range } from '../facts/types';
import type { Finding } from '../rules/finding';
import type { GoModule } from '../workspace/packages';
import { baseName, dirOf, joinRel } from '../workspace/walk';
import { resolveParts, type ConstIndex } from './metrics';
import { groupProviders } from './providerSources';
import { relToPackage, type PackageView } from './view';

export interface Registration {
  registryName: string;
  factoryFunction: string;
  autoRegister: boolean;
  file: string;
  call: CallFact;
  /** Provider folder the call is made from (`providers/<folder>/...`), if any. */
  providerFolder?: string;
}

const REGISTRY_FILE = (file: string) => ['registry.go', 'factory.go'].includes(baseName(file)) || file.split('/').includes('registry');

/** A package-level `Register...(name string, ...)` function in a registry file. */
export function isRegistryFunction(file: string, func: FuncFact): boolean {
  return (
    func.receiverType === undefined &&
    func.name.startsWith('Register') &&
    func.params[0]?.type === 'string' &&
    REGISTRY_FILE(file)
  );
}

function definesRegistry(file: string, func: FuncFact): boolean {
  return (
    (func.name === 'GetRegistry' && func.receiverType === undefined) ||
    isRegistryFunction(file, func) ||
    (func.receiverType?.endsWith('Registry') === true && func.name.startsWith('Register'))
  );
}

/** Where the package's registry is defined: the name of its first `GetRegistry`, `Register…` function or `…Registry.Register…` method. */
export function registryDefinition(view: PackageView): { file: string; range: Range } | undefined {
  for (const file of view.productionFiles) {
    const func = (view.facts(file)?.funcs ?? []).find((f) => definesRegistry(file, f));
    if (func) return { file, range: func.nameRange };
  }
  return undefined;
}

export function hasRegistry(view: PackageView): boolean {
  return registryDefinition(view) !== undefined;
}

export function registryFunctionKey(folder: string, name: string): string {
  return `${folder}\u0000${name}`;
}

export interface RegistryFunctions {
  /** `registryFunctionKey(folder, name)` of every package-level registry function of the workspace. */
  keys: Set<string>;
  modules: GoModule[];
}

/** The workspace folder a qualified call's operand (`stt` in `stt.Register`) imports, if it is the workspace's. */
function importedFolder(operand: string, imports: ImportFact[], modules: GoModule[]): string | undefined {
  const imported = imports.find((i) => (i.alias ?? i.path.split('/').at(-1)) === operand);
  if (!imported) return undefined;
  for (const { dir, mod } of modules) {
    const modulePath = mod.modulePath;
    if (modulePath === null) continue;
    if (imported.path === modulePath) return dir;
    if (imported.path.startsWith(`${modulePath}/`)) return joinRel(dir, imported.path.slice(modulePath.length + 1));
  }
  return undefined;
}

/** On a registry (`x.registry.Register`), or a call of a package-level registry function, qualified or not. */
function isRegistrationCall(call: CallFact, file: string, imports: ImportFact[], registry: RegistryFunctions): boolean {
  if (!call.name.startsWith('Register') || call.argCount < 2) return false;
  if (call.operand !== undefined && /registry/i.test(call.operand)) return true;
  const folder = call.operand === undefined ? dirOf(file) : importedFolder(call.operand, imports, registry.modules);
  return folder !== undefined && registry.keys.has(registryFunctionKey(folder, call.name));
}

export function findRegistrations(view: PackageView, consts: ConstIndex, registry: RegistryFunctions): Registration[] {
  const registrations: Registration[] = [];
  for (const file of view.productionFiles) {
    const imports = view.facts(file)?.imports ?? [];
    for (const func of view.facts(file)?.funcs ?? []) {
      for (const call of func.calls) {
        if (!isRegistrationCall(call, file, imports, registry)) continue;
        const key = call.registerArgs?.key;
        const registryName = key ? resolveParts(key, consts.get(dirOf(file))) : undefined;
        if (registryName === undefined) continue;
        const inside = relToPackage(view, file).split('/');
        registrations.push({
          registryName,
          factoryFunction: call.registerArgs?.factory ?? '',
          autoRegister: func.name === 'init' && func.receiverType === undefined,
          file,
          call,
          ...(inside[0] === 'providers' && inside.length > 2 && inside[1] ? { providerFolder: inside[1] } : {}),
        });
      }
    }
  }
  return registrations;
}

/** Provider names: folders joined with registered names; a folder and the name registered from it are one (see providerSources.ts). */
export function providerNames(folders: string[], registrations: Registration[]): string[] {
  return groupProviders(folders, registrations).map((group) => group.name);
}

export function computeProviderSupport(
  view: PackageView,
  settings: Settings,
  registry: boolean,
  providers: string[],
  registrations: Registration[],
): ProviderSupport {
  const present = new Set(providers.map((p) => p.toLowerCase()));
  const missingProviders = (settings.providers.highDemand[view.pkg.name] ?? []).filter((p) => !present.has(p.toLowerCase()));
  const status = !registry || providers.length === 0 ? 'INSUFFICIENT' : missingProviders.length === 0 ? 'COMPLETE' : 'PARTIAL';
  return {
    hasRegistry: registry,
    providerCount: providers.length,
    missingProviders,
    status,
    registrations: registrations.map((r) => ({
      registryName: r.registryName,
      factoryFunction: r.factoryFunction,
      autoRegister: r.autoRegister,
      file: r.file,
      line: r.call.range.start.line + 1,
    })),
  };
}

export function duplicateRegistrationFindings(registrations: Registration[]): Finding[] {
  const byName = new Map<string, Registration[]>();
  for (const r of registrations) byName.set(r.registryName, [...(byName.get(r.registryName) ?? []), r]);
  return [...byName.values()]
    .filter((calls) => calls.length > 1)
    .flatMap((calls) =>
      calls.map((r) => ({
        rule: 'providers/duplicate-registration',
        file: r.file,
        range: r.call.range,
        message: `"${r.registryName}" is registered ${calls.length} times in this package: registry names must be unique.`,
      })),
    );
}
