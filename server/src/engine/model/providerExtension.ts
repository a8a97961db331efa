// ProviderExtension (spec §5): one entry per provider of a typed package, and
// the per-provider facts the providers/* diagnostics read (for every
// multi-provider package, typed or not).
//
// Decisions where the spec is silent:
//  - The high-demand providers a package misses are listed as PLANNED
//    entries, with the type's base capabilities (TEXT for LLM and EMBEDDING)
//    and nothing else; VERIFIED and state-file plans come from the state file.
//  - A provider registered several times is described by its `init()`
//    registration if it has one, else its first; `autoRegister` is true when
//    any of its registrations is made in `init()`.
//  - COMPLETE needs a registration, unit tests, a mock (its own or shared)
//    and, when a profile covers its files, coverage at `coverage.threshold`.
import type { ProviderExtension, ProviderSupport } from '../../../../common/schemas/entities';
import type { Settings } from '../../../../common/schemas/settings';
import type { FileFacts } from '../facts/types';
import { baseName, dirOf } from '../workspace/walk';
import { providerCapabilities, typeCapabilities } from './providerCapabilities';
import { configurationOf, findConfigStruct } from './providerConfig';
import type { ExtensionInputs } from './providerInputs';
import type { Registration } from './providers';
import { sdkInfoOf } from './providerSdk';
import type { ProviderSource } from './providerSources';
import { hasIntegrationTests, hasUnitTests, mockOf, packageMocks, providerCoverage } from './providerTests';
import type { CoverageInputs } from './testing';
import type { PackageView } from './view';

type ProviderType = ProviderExtension['providerType'];

export interface ProviderModelInputs {
  coverage: CoverageInputs;
  extension: ExtensionInputs;
}

export interface ProviderFacts {
  source: ProviderSource;
  /** The registration that describes it, absent when it is never registered. */
  registration?: Registration;
  hasUnitTests: boolean;
  hasIntegrationTests: boolean;
  hasMock: boolean;
  sharedMock: boolean;
  coveragePercentage: number | null;
  status: 'IN_PROGRESS' | 'COMPLETE';
  /** The file its diagnostics go to: `<folder>/<folder>.go`, else the first file of its folder. */
  mainFile?: string;
}

function mainFileOf(source: ProviderSource): string | undefined {
  if (source.folder === undefined) return source.files[0];
  const named = `${source.folder}/${baseName(source.folder)}.go`;
  if (source.files.includes(named)) return named;
  return source.files.find((f) => dirOf(f) === source.folder) ?? source.files[0];
}

export function providerFacts(view: PackageView, settings: Settings, inputs: ProviderModelInputs, sources: ProviderSource[]): ProviderFacts[] {
  const mocks = packageMocks(view);
  const allNames = sources.flatMap((s) => [s.name, ...s.registrations.map((r) => r.registryName)]);
  return sources.map((source) => {
    const registration = source.registrations[0];
    const mock = mockOf(mocks, [source.name, ...source.registrations.map((r) => r.registryName)], allNames);
    const unit = hasUnitTests(view, source);
    const coverage = providerCoverage(view, source, inputs.coverage);
    const complete =
      registration !== undefined && unit && mock.hasMock && (coverage === null || coverage >= settings.coverage.threshold);
    const mainFile = mainFileOf(source);
    return {
      source,
      ...(registration ? { registration } : {}),
      hasUnitTests: unit,
      hasIntegrationTests: hasIntegrationTests(view, source, inputs.extension.integrationTests),
      ...mock,
      coveragePercentage: coverage,
      status: complete ? 'COMPLETE' : 'IN_PROGRESS',
      ...(mainFile !== undefined ? { mainFile } : {}),
    };
  });
}

function registrationInfo(registration: Registration | undefined): ProviderExtension['registrationInfo'] {
  if (!registration) return { registryName: '', factoryFunction: '', autoRegister: false };
  return {
    registryName: registration.registryName,
    factoryFunction: registration.factoryFunction,
    autoRegister: registration.autoRegister,
    file: registration.file,
    line: registration.call.range.start.line + 1,
  };
}

function extensionOf(view: PackageView, providerType: ProviderType, facts: ProviderFacts, modulePaths: string[]): ProviderExtension {
  const { source } = facts;
  const files = source.files.flatMap((f): FileFacts[] => {
    const facts = view.facts(f);
    return facts ? [facts] : [];
  });
  const config = findConfigStruct(view, source.files);
  const configFields = config?.type.fields.map((f) => f.name) ?? [];
  return {
    providerName: source.name,
    packageName: view.pkg.name,
    providerType,
    capabilities: providerCapabilities(providerType, files),
    sdkInfo: sdkInfoOf({ providerName: source.name, files, goMod: view.pkg.module.mod, modulePaths, configFields }),
    configuration: configurationOf(view, config),
    registrationInfo: registrationInfo(facts.registration),
    testCoverage: {
      hasUnitTests: facts.hasUnitTests,
      hasIntegrationTests: facts.hasIntegrationTests,
      hasMock: facts.hasMock,
      sharedMock: facts.sharedMock,
      coveragePercentage: facts.coveragePercentage,
    },
    status: facts.status,
    ...(source.folder !== undefined ? { path: source.folder } : {}),
  };
}

export function plannedExtension(packageName: string, providerType: ProviderType, providerName: string): ProviderExtension {
  return {
    providerName,
    packageName,
    providerType,
    capabilities: typeCapabilities(providerType),
    sdkInfo: { sdkName: '', sdkVersion: '', authenticationType: 'NONE' },
    configuration: { requiredFields: [], optionalFields: [], defaultValues: {} },
    registrationInfo: registrationInfo(undefined),
    testCoverage: { hasUnitTests: false, hasIntegrationTests: false, hasMock: false, sharedMock: false, coveragePercentage: null },
    status: 'PLANNED',
  };
}

/** ProviderExtension entries: present providers, then the missing high-demand ones as PLANNED; none for a package without a type. */
export function providerExtensions(
  view: PackageView,
  settings: Settings,
  facts: ProviderFacts[],
  support: ProviderSupport,
  modulePaths: string[],
): ProviderExtension[] {
  const providerType = settings.providers.types[view.pkg.name];
  if (providerType === undefined) return [];
  const present = facts.map((f) => extensionOf(view, providerType, f, modulePaths));
  const planned = support.missingProviders.map((name) => plannedExtension(view.pkg.name, providerType, name));
  return [...present, ...planned];
}
