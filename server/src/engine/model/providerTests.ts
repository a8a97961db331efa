// A provider's tests, mock and coverage (spec §5 testCoverage).
//
// Decisions where the spec is silent:
//  - Unit tests: a `_test.go` of its code with a Test or Fuzz function that is
//    not an integration test (no `integration` build tag, no `integration` in
//    the file name).
//  - An integration test file names a provider when it lies in the provider's
//    folder, imports it, or (inside the same package, or outside every
//    framework package) has the provider's name in its file name or in a test
//    function's name.
//  - Mocks are the types of the package's `test_utils.go` whose name says
//    Mock, Fake or Stub, and every type in `providers/mock` or
//    `providers/mocks`. One named after a provider is that provider's own; a
//    package-wide one is a mock named after no provider that has every method
//    of one of the package's exported interfaces (any such mock, when the
//    package declares no interface with methods).
import type { FileFacts, TypeFact } from '../facts/types';
import { baseName, dirOf, isWithin } from '../workspace/walk';
import { coverageOf } from './coverage';
import { isIntegrationTestFile, type IntegrationTestFile } from './providerInputs';
import type { ProviderSource } from './providerSources';
import { importKey, type CoverageInputs } from './testing';
import { packageFile, type PackageView } from './view';

export interface MockType {
  name: string;
  methods: Set<string>;
}

export interface PackageMocks {
  mocks: MockType[];
  /** Method-name sets of the package's exported interfaces that have methods. */
  interfaces: Set<string>[];
}

export const compactName = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

function methodsOf(view: PackageView, files: string[], type: string): Set<string> {
  const methods = files.flatMap((f) => (view.facts(f)?.funcs ?? []).filter((func) => func.receiverType === type).map((func) => func.name));
  return new Set(methods);
}

function mockTypesIn(view: PackageView, files: string[], isMock: (type: TypeFact) => boolean): MockType[] {
  return files.flatMap((file) =>
    (view.facts(file)?.types ?? []).filter(isMock).map((type) => ({ name: type.name, methods: methodsOf(view, files, type.name) })),
  );
}

export function packageMocks(view: PackageView): PackageMocks {
  const testUtils = packageFile(view, 'test_utils.go');
  const mockDirs = [packageFile(view, 'providers/mock'), packageFile(view, 'providers/mocks')];
  const inMockDir = (f: string) => mockDirs.some((dir) => isWithin(f, dir));
  const mocks = [
    ...mockTypesIn(view, view.goFiles.filter((f) => f === testUtils), (t) => /mock|fake|stub/i.test(t.name)),
    ...mockTypesIn(view, view.goFiles.filter(inMockDir), (t) => t.kind !== 'interface'),
  ];
  const interfaces = view.productionFiles
    .filter((f) => f !== testUtils && !inMockDir(f))
    .flatMap((f) => (view.facts(f)?.types ?? []).filter((t) => t.kind === 'interface' && t.exported && t.methods.length > 0))
    .map((t) => new Set(t.methods.map((m) => m.name)));
  return { mocks, interfaces };
}

function namedAfter(mock: MockType, names: string[]): boolean {
  return names.some((name) => name !== '' && compactName(mock.name).includes(name));
}

/** `{ hasMock, sharedMock }` for a provider called by any of `names` among the package's `allNames`. */
export function mockOf(mocks: PackageMocks, names: string[], allNames: string[]): { hasMock: boolean; sharedMock: boolean } {
  const own = names.map(compactName);
  if (mocks.mocks.some((m) => namedAfter(m, own))) return { hasMock: true, sharedMock: false };
  const everyName = allNames.map(compactName);
  const implementsInterface = (m: MockType) =>
    mocks.interfaces.length === 0 || mocks.interfaces.some((methods) => [...methods].every((name) => m.methods.has(name)));
  const shared = mocks.mocks.some((m) => !namedAfter(m, everyName) && implementsInterface(m));
  return { hasMock: shared, sharedMock: shared };
}

export function hasUnitTests(view: PackageView, source: ProviderSource): boolean {
  return source.testFiles.some((file) => {
    const facts: FileFacts | undefined = view.facts(file);
    return facts !== undefined && !isIntegrationTestFile(file, facts) && facts.tests.some((t) => t.kind === 'test' || t.kind === 'fuzz');
  });
}

/** Import path of a workspace folder in the package's module. */
function importPathOf(view: PackageView, dir: string): string | undefined {
  const key = importKey(view, `${dir}/x.go`);
  return key === undefined ? undefined : dirOf(key);
}

export function hasIntegrationTests(view: PackageView, source: ProviderSource, files: IntegrationTestFile[]): boolean {
  const names = [source.name, ...source.registrations.map((r) => r.registryName)].map(compactName).filter((n) => n !== '');
  const importPath = source.folder !== undefined ? importPathOf(view, source.folder) : undefined;
  return files.some((test) => {
    if (source.folder !== undefined && isWithin(test.file, source.folder)) return true;
    if (importPath !== undefined && test.imports.includes(importPath)) return true;
    if (test.ownerDir !== undefined && test.ownerDir !== view.pkg.dir) return false;
    const said = [baseName(test.file), ...test.tests].map(compactName);
    return said.some((text) => names.some((name) => text.includes(name)));
  });
}

export function providerCoverage(view: PackageView, source: ProviderSource, coverage: CoverageInputs): number | null {
  const keys = source.files.flatMap((file) => importKey(view, file) ?? []);
  return coverageOf(coverage.merged, keys)?.percentage ?? null;
}
