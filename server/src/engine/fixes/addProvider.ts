// "Add provider": plans `providers/<name>/` for a multi-provider package, in
// the package's own shape, so that the new provider is registered,
// auto-registered, unit-tested and mocked the moment it exists (spec §5), and
// its code raises no finding (spec §9). Pure: reads the workspace through
// FixWorkspace and returns a plan, or why it cannot write correct Go.
//
// Decisions:
//  - The registration is copied from an existing one, `init()` registrations
//    from provider folders first: the same registry expression
//    (`llms.GetRegistry().Register`, `stt.Register`), with a factory of the
//    type the registry's Register takes (its `Factory` type, else the copied
//    registration's factory function). A package without a registration to
//    copy is refused: there is no call shape to reproduce.
//  - The interface implemented is the one the factory returns, with its
//    embedded interfaces; when the factory returns `any`, the package's main
//    exported interface (the one existing providers implement, else the
//    largest). Signatures are copied from the interface's facts, each type
//    qualified as the new file must write it.
//  - The provider type is named like the existing providers' (`Provider`,
//    `Client`), else `Provider`. Its operations start a span on
//    `otel.Tracer("<provider import path>")` named `<package>.<Type>.<Method>`
//    (model/tracing.ts spanName) when they take a context, and return
//    ErrNotConnected (see providerSource.ts).
//  - The mock goes where providerTests.ts looks for one named after the
//    provider: appended to the package's test_utils.go, else a new file in an
//    existing providers/mock(s) folder, else a new test_utils.go, else a new
//    providers/mocks/<name>.go, skipping places whose imports would close an
//    import cycle.
//  - Nothing is overwritten: an existing providers/<name>/, or a provider of
//    that name (folder or registered name, case-insensitively), is refused.
import { GoInterfaces, UnimplementableInterface, type InterfaceMethod } from './goOperations';
import { GO_KEYWORDS, UnsupportedType, isPredeclaredType } from './goTypeNames';
import { GoImports, importPathOfDir, type DeclaredType } from './goWorkspace';
import type { FileChanges, FixWorkspace, NewFile, PlannedFix } from './plan';
import { configFields } from './providerConfig';
import { factoryParams, factoryTestCase } from './providerFactory';
import { interfaceOf, providerTypeName } from './providerInterface';
import { mockPlacement } from './providerPlacement';
import { registrationShape, type RegistrationShape } from './providerRegistration';
import { providerFile } from './providerSource';
import { NOT_PROVIDER_FOLDERS, Refusal, type ProviderTarget } from './providerTarget';
import type { ProviderFileInput } from './providerTemplates';
import { providerTestFile } from './providerTest';
import { joinRel } from '../workspace/walk';

const RESERVED_NAMES = new Set([...NOT_PROVIDER_FOLDERS, 'main', 'providers', 'vendor', 'config', 'metrics', 'registry', 'factory']);

/** Why `name` cannot name a provider folder and Go package, undefined when it can. */
export function validProviderName(name: string): string | undefined {
  if (name.trim() === '') return 'Give the provider a name.';
  if (name.length > 40) return 'A provider name has at most 40 characters.';
  if (!/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/.test(name)) {
    return 'Use lowercase letters and digits, starting with a letter, with single - or _ between words (openai, azure-openai).';
  }
  const ident = goPackageIdent(name);
  if (GO_KEYWORDS.has(ident) || isPredeclaredType(ident)) return `"${ident}" is a Go keyword or type name and cannot name a package.`;
  if (RESERVED_NAMES.has(ident) || RESERVED_NAMES.has(name)) return `"${name}" is a reserved folder name in a framework package.`;
  return undefined;
}

/** The Go package name of a provider folder: its name without separators. */
export function goPackageIdent(name: string): string {
  return name.replace(/[-_]/g, '');
}

function providerTarget(ws: FixWorkspace, packagePath: string, name: string): ProviderTarget {
  const invalid = validProviderName(name);
  if (invalid !== undefined) throw new Refusal(invalid);
  const model = ws.packages.find((p) => p.path === packagePath);
  if (!model) throw new Refusal(`No framework package at ${packagePath}.`);
  const modules = ws.modules;
  const pkgImportPath = importPathOfDir(modules, packagePath);
  if (pkgImportPath === undefined) throw new Refusal(`${packagePath} is in no module with a module path: its providers could not import it.`);
  const providersDir = joinRel(packagePath, 'providers');
  return {
    ws,
    modules,
    model,
    pkgDir: packagePath,
    providersDir,
    name,
    folder: joinRel(providersDir, name),
    ident: goPackageIdent(name),
    importPath: `${pkgImportPath}/providers/${name}`,
    interfaces: new GoInterfaces(ws, modules),
  };
}

function checkNew(target: ProviderTarget): void {
  if (target.ws.exists(target.folder)) throw new Refusal(`${target.folder} exists: adding a provider never overwrites one.`);
  const lower = target.name.toLowerCase();
  const folders = target.ws.listDir(target.providersDir).map((n) => n.toLowerCase());
  const registered = (target.model.providerSupport?.registrations ?? []).map((r) => r.registryName.toLowerCase());
  const present = target.model.providers.filter((p) => p.status !== 'PLANNED').map((p) => p.providerName.toLowerCase());
  if ([...folders, ...registered, ...present].includes(lower)) throw new Refusal(`${target.model.packageName} already has a provider named ${target.name}.`);
}

/** What the provider's own file is made from; `imports` is the file's. */
function sourceInput(
  target: ProviderTarget,
  shape: RegistrationShape,
  methods: InterfaceMethod[],
  iface: DeclaredType,
  typeName: string,
  imports: GoImports,
): ProviderFileInput {
  return {
    providerName: target.name,
    goPackage: target.ident,
    importPath: target.importPath,
    frameworkPackage: target.model.packageName,
    spanPackage: target.model.packageName.split('/').at(-1) ?? target.model.packageName,
    typeName,
    constructorName: `New${typeName}`,
    iface: target.interfaces.reference(iface, imports),
    registerCallee: `${imports.nameOf(shape.calleePath, shape.calleeName)}${shape.calleeRest}`,
    registerDescription: `${shape.calleeName}${shape.calleeRest}`,
    factory: factoryParams(target, shape.factory, imports),
    operations: target.interfaces.operations(methods, iface, imports),
    config: configFields(target, imports),
    imports,
    refs: {
      errorsNew: imports.ref('errors', 'errors', 'New'),
      otelTracer: imports.ref('go.opentelemetry.io/otel', 'otel', 'Tracer'),
      codesError: imports.ref('go.opentelemetry.io/otel/codes', 'codes', 'Error'),
    },
  };
}

/** The provider's unit test; `declared` are the names the provider's package declares. */
function testFile(
  target: ProviderTarget,
  shape: RegistrationShape,
  methods: InterfaceMethod[],
  iface: DeclaredType,
  input: ProviderFileInput,
  declared: string[],
): string {
  const testImports = new GoImports(target.importPath, [], [...declared, 'validConfig']);
  const testRefs = {
    contextBackground: testImports.ref('context', 'context', 'Background'),
    errorsIs: testImports.ref('errors', 'errors', 'Is'),
    testingT: testImports.ref('testing', 'testing', 'T'),
  };
  const testOperations = target.interfaces.operations(methods, iface, testImports);
  const factoryCase = factoryTestCase(target, shape.factory, testImports, input.config);
  return providerTestFile({
    provider: input,
    imports: testImports,
    refs: testRefs,
    operations: input.operations.map((op, i) => ({ op, argTypes: testOperations[i]?.params.map((p) => p.type) ?? [] })),
    ...(factoryCase ? { factoryCase } : {}),
  });
}

function plan(target: ProviderTarget): PlannedFix {
  checkNew(target);
  const shape = registrationShape(target);
  const iface = interfaceOf(target, shape.factory);
  const methods = target.interfaces.methods(iface);
  const typeName = providerTypeName(target, methods);
  const declared = ['ProviderName', 'ErrNotConnected', 'tracer', 'Config', 'DefaultConfig', 'New', typeName, `New${typeName}`];
  const input = sourceInput(target, shape, methods, iface, typeName, new GoImports(target.importPath, [], declared));
  const mainFile = providerFile(input);
  const creations: NewFile[] = [
    { file: joinRel(target.folder, `${target.ident}.go`), content: mainFile },
    { file: joinRel(target.folder, `${target.ident}_test.go`), content: testFile(target, shape, methods, iface, input, declared) },
  ];
  const changes: FileChanges[] = [];
  const mock = mockPlacement(target, methods, iface);
  if (mock?.kind === 'create') creations.push({ file: mock.file, content: mock.content });
  if (mock?.kind === 'append') changes.push(mock.changes);
  return { title: `Add provider ${target.name} to ${target.model.packageName}`, changes, creations, safe: false };
}

/** The plan adding provider `providerName` to the package at `packagePath`, or why it cannot. */
export function addProviderPlan(ws: FixWorkspace, packagePath: string, providerName: string): PlannedFix | { refused: string } {
  try {
    return plan(providerTarget(ws, packagePath, providerName));
  } catch (error) {
    if (error instanceof Refusal || error instanceof UnimplementableInterface) return { refused: error.message };
    if (error instanceof UnsupportedType) return { refused: `The provider's Go cannot be written faithfully: ${error.message}.` };
    throw error;
  }
}
