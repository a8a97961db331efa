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
//    ErrNotConnected (see providerTemplates.ts).
//  - The mock goes where providerTests.ts looks for one named after the
//    provider: appended to the package's test_utils.go, else a new file in an
//    existing providers/mock(s) folder, else a new test_utils.go, else a new
//    providers/mocks/<name>.go, skipping places whose imports would close an
//    import cycle.
//  - Nothing is overwritten: an existing providers/<name>/, or a provider of
//    that name (folder or registered name, case-insensitively), is refused.
import type { CallFact, FuncFact, TypeFact } from '../facts/types';
import { GoInterfaces, UnimplementableInterface, rawQualifier, type InterfaceMethod } from './goOperations';
import type { PackageModel } from '../model/package';
import { baseName, joinRel } from '../workspace/walk';
import { offsetAt, positionAt } from './apply';
import { importChanges } from './goImports';
import {
  GO_KEYWORDS,
  UnsupportedType,
  isPredeclaredType,
  parseSignature,
  renderType,
  type Qualifier,
} from './goTypes';
import {
  GoImports,
  dirOfImport,
  goFilesIn,
  goPackageOf,
  importNamed,
  importPathOfDir,
  importsTransitively,
  lastPathElement,
  resolveNamedType,
  sourceContext,
  type DeclaredType,
  type SourceContext,
} from './goWorkspace';
import type { ModuleInfo } from './missingFile';
import { metricSegment, pascalCase } from './names';
import type { FileChanges, FixWorkspace, NewFile, PlannedFix } from './plan';
import {
  mockDeclaration,
  providerFile,
  providerTestFile,
  type ConfigField,
  type FactoryParam,
  type Operation,
  type ProviderFileInput,
} from './providerTemplates';

class Refusal extends Error {}

const NOT_PROVIDER_FOLDERS = ['internal', 'iface', 'mock', 'mocks', 'testutils', 'testdata'];
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


interface RegistrationShape {
  /** Import path and preferred name of the package the callee expression starts from, and the rest of it. */
  calleePath: string;
  calleeName: string;
  /** The callee after the package qualifier: `.GetRegistry().Register`. */
  calleeRest: string;
  /** The factory's signature text `(params) results`, and where its types are written. */
  factory: { text: string; ctx: SourceContext };
}

class Planner {
  private readonly modules: ModuleInfo[];
  private readonly model: PackageModel;
  private readonly pkgDir: string;
  private readonly providersDir: string;
  private readonly folder: string;
  private readonly ident: string;
  private readonly importPath: string;
  private readonly interfaces: GoInterfaces;

  constructor(
    private readonly ws: FixWorkspace,
    packagePath: string,
    private readonly name: string,
  ) {
    const invalid = validProviderName(name);
    if (invalid !== undefined) throw new Refusal(invalid);
    const model = ws.packages.find((p) => p.path === packagePath);
    if (!model) throw new Refusal(`No framework package at ${packagePath}.`);
    this.model = model;
    this.modules = ws.modules;
    this.pkgDir = packagePath;
    const pkgImportPath = importPathOfDir(this.modules, packagePath);
    if (pkgImportPath === undefined) throw new Refusal(`${packagePath} is in no module with a module path: its providers could not import it.`);
    this.providersDir = joinRel(packagePath, 'providers');
    this.folder = joinRel(this.providersDir, name);
    this.ident = goPackageIdent(name);
    this.importPath = `${pkgImportPath}/providers/${name}`;
    this.interfaces = new GoInterfaces(ws, this.modules);
  }

  private get packageName(): string {
    return this.model.packageName;
  }

  private checkNew(): void {
    if (this.ws.exists(this.folder)) throw new Refusal(`${this.folder} exists: adding a provider never overwrites one.`);
    const lower = this.name.toLowerCase();
    const folders = this.ws.listDir(this.providersDir).map((n) => n.toLowerCase());
    const registered = (this.model.providerSupport?.registrations ?? []).map((r) => r.registryName.toLowerCase());
    const present = this.model.providers.filter((p) => p.status !== 'PLANNED').map((p) => p.providerName.toLowerCase());
    if ([...folders, ...registered, ...present].includes(lower)) throw new Refusal(`${this.packageName} already has a provider named ${this.name}.`);
  }

  private qualifier(ctx: SourceContext, imports: GoImports): Qualifier {
    return this.interfaces.qualifier(ctx, imports);
  }

  // ---- the registration to copy ----

  private registrationShape(): RegistrationShape {
    const registrations = this.model.providerSupport?.registrations ?? [];
    if (registrations.length === 0) {
      throw new Refusal(
        `${this.packageName} has no provider registration to copy: register a first provider with its registry in func init(), then add providers like it.`,
      );
    }
    const inProviders = (file: string) => file.startsWith(`${this.providersDir}/`);
    const ordered = [...registrations].sort(
      (a, b) => Number(b.autoRegister) - Number(a.autoRegister) || Number(inProviders(b.file)) - Number(inProviders(a.file)) || a.file.localeCompare(b.file) || a.line - b.line,
    );
    const reasons: string[] = [];
    for (const registration of ordered) {
      try {
        return this.shapeOf(registration.file, registration.line);
      } catch (error) {
        if (!(error instanceof Refusal || error instanceof UnsupportedType)) throw error;
        reasons.push(`${registration.file}:${registration.line}: ${error.message}`);
      }
    }
    throw new Refusal(`No registration of ${this.packageName} can be reproduced from a new provider package (${reasons.join('; ')}).`);
  }

  private shapeOf(file: string, line: number): RegistrationShape {
    const facts = this.ws.factsOf(file);
    const found = (facts?.funcs ?? [])
      .flatMap((func) => func.calls.map((call) => ({ func, call })))
      .find(({ call }) => call.range.start.line + 1 === line && call.name.startsWith('Register'));
    if (!found) throw new Refusal('the registration call is not in the file any more');
    const { call } = found;
    if (call.argCount !== 2) throw new Refusal(`${call.name} takes ${call.argCount} arguments, not a name and a factory`);
    const ctx = sourceContext(this.ws, this.modules, file);
    const callee = this.calleeOf(call, ctx);
    const defDir = dirOfImport(this.modules, callee.calleePath);
    const factory = (defDir !== undefined ? this.factoryFromDefinition(defDir, call, callee.calleeRest) : undefined) ?? this.factoryFromFunction(call, ctx);
    if (!factory) throw new Refusal(`the factory type of ${call.name} cannot be found`);
    return { ...callee, factory };
  }

  private calleeOf(call: CallFact, ctx: SourceContext): Pick<RegistrationShape, 'calleePath' | 'calleeName' | 'calleeRest'> {
    if (call.operand === undefined) {
      if (!/^\p{Lu}/u.test(call.name)) throw new Refusal(`${call.name} is unexported`);
      if (ctx.importPath === undefined) throw new Refusal('its folder has no import path');
      return { calleePath: ctx.importPath, calleeName: goPackageOf(this.ws, ctx.dir) ?? lastPathElement(ctx.importPath), calleeRest: `.${call.name}` };
    }
    const match = /^([\p{L}_][\p{L}\p{Nd}_]*)((?:\(\))?(?:\.[\p{L}_][\p{L}\p{Nd}_]*(?:\(\))?)*)$/u.exec(call.operand.replace(/\s+/g, ''));
    const first = match?.[1];
    if (first === undefined || match?.[2] === undefined) throw new Refusal(`the registry expression ${call.operand} is not a plain selector`);
    const rest = `${match[2]}.${call.name}`;
    const imported = importNamed(this.ws, this.modules, ctx, first);
    if (imported !== undefined) return { calleePath: imported, calleeName: first, calleeRest: rest };
    const declared = goFilesIn(this.ws, ctx.dir).some((f) => {
      const facts = this.ws.factsOf(f);
      return facts?.vars.some((v) => v.name === first) || facts?.funcs.some((fn) => fn.receiverType === undefined && fn.name === first);
    });
    if (!declared || !/^\p{Lu}/u.test(first) || ctx.importPath === undefined) {
      throw new Refusal(`it reaches the registry through ${first}, which another package cannot name`);
    }
    return { calleePath: ctx.importPath, calleeName: goPackageOf(this.ws, ctx.dir) ?? lastPathElement(ctx.importPath), calleeRest: `.${first}${rest}` };
  }

  /** The factory parameter type of the Register function or method defined in `dir`. */
  private factoryFromDefinition(dir: string, call: CallFact, rest: string): RegistrationShape['factory'] | undefined {
    const packageLevel = rest === `.${call.name}`;
    const candidates = goFilesIn(this.ws, dir).flatMap((file) =>
      (this.ws.factsOf(file)?.funcs ?? []).filter((f) => f.name === call.name && f.params.length >= 2).map((func) => ({ file, func })),
    );
    const preferred = candidates.find(({ func }) => (func.receiverType === undefined) === packageLevel) ?? candidates[0];
    const param = preferred?.func.params[1];
    if (!preferred || !param || param.type.startsWith('...')) return undefined;
    const ctx = sourceContext(this.ws, this.modules, preferred.file);
    return this.funcTypeText(param.type, ctx);
  }

  /** `func(...) ...` written out, or a named func type's declaration read from its file. */
  private funcTypeText(typeText: string, ctx: SourceContext): RegistrationShape['factory'] | undefined {
    const literal = /^func\s*(\([\s\S]*)$/.exec(typeText.trim());
    if (literal?.[1] !== undefined) return { text: literal[1], ctx };
    const declared = resolveNamedType(this.ws, this.modules, ctx, typeText);
    if (!declared || typeText.trim().startsWith('*')) return undefined;
    const text = this.declarationText(declared);
    const name = declared.type.name;
    const match = text !== undefined ? new RegExp(`\\b${name}\\s*(?:=\\s*)?func\\s*(\\([\\s\\S]*)$`).exec(text) : null;
    if (match?.[1] === undefined) return undefined;
    return { text: match[1].trim(), ctx: sourceContext(this.ws, this.modules, declared.file) };
  }

  private declarationText(declared: DeclaredType): string | undefined {
    const source = this.ws.textOf(declared.file);
    if (source === undefined) return undefined;
    const { start, end } = declared.type.range;
    return source.slice(offsetAt(source, start), offsetAt(source, end));
  }

  /** The signature of the registration's factory function, when the registry's definition cannot be read. */
  private factoryFromFunction(call: CallFact, ctx: SourceContext): RegistrationShape['factory'] | undefined {
    const factory = call.registerArgs?.factory;
    if (factory === undefined || factory === 'func' || factory === '') return undefined;
    const dot = factory.lastIndexOf('.');
    let dir = ctx.dir;
    if (dot >= 0) {
      const path = importNamed(this.ws, this.modules, ctx, factory.slice(0, dot));
      const imported = path !== undefined ? dirOfImport(this.modules, path) : undefined;
      if (imported === undefined) return undefined;
      dir = imported;
    }
    const name = factory.slice(dot + 1);
    for (const file of goFilesIn(this.ws, dir)) {
      const func = this.ws.factsOf(file)?.funcs.find((f: FuncFact) => f.name === name && f.receiverType === undefined);
      if (!func) continue;
      const params = func.params.map((p) => (p.name === undefined ? p.type : `${p.name} ${p.type}`)).join(', ');
      return { text: `(${params}) (${func.results.join(', ')})`, ctx: sourceContext(this.ws, this.modules, file) };
    }
    return undefined;
  }

  // ---- the interface ----

  private interfaceOf(factory: RegistrationShape['factory']): DeclaredType {
    const sig = parseSignature(factory.text, rawQualifier);
    const [first, second] = sig.results;
    if (!first || sig.results.length > 2 || (second && second.type !== 'error')) {
      throw new Refusal(`the registry's factories return ${sig.results.map((r) => r.type).join(', ') || 'nothing'}: only (X, error) and X are supported`);
    }
    if (first.type === 'any' || first.type === 'interface{}') return this.mainInterface();
    const declared = resolveNamedType(this.ws, this.modules, factory.ctx, first.type);
    if (!declared || declared.type.kind !== 'interface' || first.type.startsWith('*')) {
      throw new Refusal(`the registry's factories return ${first.type}, which is not an interface declared in the workspace`);
    }
    return declared;
  }

  /** The package's main exported interface: the one most existing providers implement, then the largest. */
  private mainInterface(): DeclaredType {
    const dirs = [this.pkgDir, joinRel(this.pkgDir, 'iface'), joinRel(this.pkgDir, 'registry')];
    const candidates = dirs.flatMap((dir) =>
      goFilesIn(this.ws, dir).flatMap((file) =>
        (this.ws.factsOf(file)?.types ?? []).filter((t) => t.kind === 'interface' && t.exported && t.methods.length > 0).map((type) => ({ file, dir, type })),
      ),
    );
    const implementers = (type: TypeFact) => this.existingImplementations(type.methods.map((m) => m.name)).length;
    const ranked = candidates.sort(
      (a, b) => implementers(b.type) - implementers(a.type) || b.type.methods.length - a.type.methods.length || a.type.name.localeCompare(b.type.name),
    );
    const best = ranked[0];
    if (!best) throw new Refusal(`the registry's factories return any, and ${this.packageName} declares no exported interface to implement`);
    return best;
  }

  /** Names of exported struct types in existing provider folders that have every method of `methods`. */
  private existingImplementations(methods: string[]): string[] {
    const names: string[] = [];
    for (const entry of this.ws.listDir(this.providersDir)) {
      if (NOT_PROVIDER_FOLDERS.includes(entry)) continue;
      const files = goFilesIn(this.ws, joinRel(this.providersDir, entry));
      const facts = files.flatMap((f) => this.ws.factsOf(f) ?? []);
      for (const type of facts.flatMap((f) => f.types)) {
        if (type.kind !== 'struct' || !type.exported) continue;
        const own = new Set(facts.flatMap((f) => f.funcs).filter((f) => f.receiverType === type.name).map((f) => f.name));
        if (methods.every((m) => own.has(m))) names.push(type.name);
      }
    }
    return names;
  }

  private operations(methods: InterfaceMethod[], iface: DeclaredType, imports: GoImports): Operation[] {
    return this.interfaces.operations(methods, iface, imports);
  }

  private isContext(rawType: string, ctx: SourceContext): boolean {
    return this.interfaces.isContext(rawType, ctx);
  }

  // ---- the factory's parameters ----

  private factoryParams(factory: RegistrationShape['factory'], imports: GoImports): { params: FactoryParam[]; results: string[] } {
    const rendered = parseSignature(factory.text, this.qualifier(factory.ctx, imports));
    const raw = parseSignature(factory.text, rawQualifier);
    const params = rendered.params.map((param, i): FactoryParam => {
      const rawType = raw.params[i]?.type ?? param.type;
      return { ...param, shape: param.variadic ? { kind: 'other' } : this.paramShape(rawType, param.type, factory.ctx, imports) };
    });
    return { params, results: rendered.results.map((r) => r.type) };
  }

  private paramShape(raw: string, rendered: string, ctx: SourceContext, imports: GoImports): FactoryParam['shape'] {
    const map = /^map\[string\](any|interface\{\}|string)$/.exec(raw);
    if (map) return { kind: 'map', valueIsString: map[1] === 'string' };
    if (this.isContext(raw, ctx)) return { kind: 'other' };
    const declared = resolveNamedType(this.ws, this.modules, ctx, raw);
    if (!declared || declared.type.kind !== 'struct') return { kind: 'other' };
    const structCtx = sourceContext(this.ws, this.modules, declared.file);
    const fields = declared.type.fields.flatMap((f) => {
      if (!f.exported || f.embedded) return [];
      try {
        return [{ name: f.name, type: renderType(f.type, this.qualifier(structCtx, imports)) }];
      } catch (error) {
        if (error instanceof UnsupportedType) return [];
        throw error;
      }
    });
    const pointer = raw.startsWith('*');
    return { kind: 'struct', pointer, fields, literal: pointer ? rendered.slice(1) : rendered };
  }

  // ---- configuration ----

  private configFields(imports: GoImports): ConfigField[] {
    const type = this.ws.settings.providers.types[this.packageName];
    const modelRequired = type === 'LLM' || type === 'EMBEDDING';
    const duration = imports.ref('time', 'time', 'Duration');
    const second = imports.ref('time', 'time', 'Second');
    const fields: ConfigField[] = [
      {
        name: 'APIKey',
        type: 'string',
        key: 'api_key',
        required: true,
        rules: [],
        invalid: { when: 'c.APIKey == ""', message: 'APIKey is required', value: '""' },
        sample: '"test-key"',
      },
    ];
    if (type !== 'VECTOR_STORE') {
      fields.push({
        name: 'Model',
        type: 'string',
        key: 'model',
        required: modelRequired,
        rules: [],
        ...(modelRequired ? { invalid: { when: 'c.Model == ""', message: 'Model is required', value: '""' }, sample: '"test-model"' } : {}),
      });
    }
    fields.push(
      { name: 'BaseURL', type: 'string', key: 'base_url', required: false, rules: [] },
      {
        name: 'Timeout',
        type: duration,
        key: 'timeout',
        required: false,
        rules: ['gt=0'],
        default: { expr: `30 * ${second}`, tag: '30s' },
        invalid: { when: 'c.Timeout <= 0', message: 'Timeout must be positive', value: '0' },
      },
      {
        name: 'MaxRetries',
        type: 'int',
        key: 'max_retries',
        required: false,
        rules: ['gte=0', 'lte=10'],
        default: { expr: '3', tag: '3' },
        invalid: { when: 'c.MaxRetries < 0 || c.MaxRetries > 10', message: 'MaxRetries must be between 0 and 10', value: '-1' },
      },
    );
    return fields;
  }

  private typeName(methods: InterfaceMethod[]): string {
    const counts = new Map<string, number>();
    for (const name of this.existingImplementations(methods.map((m) => m.name))) counts.set(name, (counts.get(name) ?? 0) + 1);
    // Most used first; on a tie, the default name Provider, then alphabetical order.
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || Number(b[0] === 'Provider') - Number(a[0] === 'Provider') || a[0].localeCompare(b[0]));
    const taken = new Set(['Config', 'ProviderName', 'ErrNotConnected', 'New', 'DefaultConfig']);
    const name = ranked.map(([n]) => n).find((n) => !taken.has(n) && !taken.has(`New${n}`));
    return name ?? 'Provider';
  }

  // ---- the plan ----

  plan(): PlannedFix {
    this.checkNew();
    const shape = this.registrationShape();
    const iface = this.interfaceOf(shape.factory);
    const methods = this.interfaces.methods(iface);
    const typeName = this.typeName(methods);
    const constructorName = `New${typeName}`;
    const declared = ['ProviderName', 'ErrNotConnected', 'tracer', 'Config', 'DefaultConfig', 'New', typeName, constructorName];

    const imports = new GoImports(this.importPath, [], declared);
    const ifaceRef = this.interfaces.reference(iface, imports);
    const registerCallee = `${imports.nameOf(shape.calleePath, shape.calleeName)}${shape.calleeRest}`;
    const input: ProviderFileInput = {
      providerName: this.name,
      goPackage: this.ident,
      importPath: this.importPath,
      frameworkPackage: this.packageName,
      spanPackage: this.packageName.split('/').at(-1) ?? this.packageName,
      typeName,
      constructorName,
      iface: ifaceRef,
      registerCallee,
      registerDescription: `${shape.calleeName}${shape.calleeRest}`,
      factory: this.factoryParams(shape.factory, imports),
      operations: this.operations(methods, iface, imports),
      config: this.configFields(imports),
      imports,
      refs: {
        errorsNew: imports.ref('errors', 'errors', 'New'),
        otelTracer: imports.ref('go.opentelemetry.io/otel', 'otel', 'Tracer'),
        codesError: imports.ref('go.opentelemetry.io/otel/codes', 'codes', 'Error'),
      },
    };
    const mainFile = providerFile(input);

    const testImports = new GoImports(this.importPath, [], [...declared, 'validConfig']);
    const testRefs = {
      contextBackground: testImports.ref('context', 'context', 'Background'),
      errorsIs: testImports.ref('errors', 'errors', 'Is'),
      testingT: testImports.ref('testing', 'testing', 'T'),
    };
    const testOperations = this.operations(methods, iface, testImports);
    const factoryCase = this.factoryCase(shape.factory, testImports, input.config);
    const testFile = providerTestFile({
      provider: input,
      imports: testImports,
      refs: testRefs,
      operations: input.operations.map((op, i) => ({ op, argTypes: testOperations[i]?.params.map((p) => p.type) ?? [] })),
      ...(factoryCase ? { factoryCase } : {}),
    });

    const creations: NewFile[] = [
      { file: joinRel(this.folder, `${this.ident}.go`), content: mainFile },
      { file: joinRel(this.folder, `${this.ident}_test.go`), content: testFile },
    ];
    const changes: FileChanges[] = [];
    const mock = this.mockPlacement(methods, iface);
    if (mock?.kind === 'create') creations.push({ file: mock.file, content: mock.content });
    if (mock?.kind === 'append') changes.push(mock.changes);
    return { title: `Add provider ${this.name} to ${this.packageName}`, changes, creations, safe: false };
  }

  private factoryCase(factory: RegistrationShape['factory'], imports: GoImports, config: ConfigField[]): { type: string; empty: string; complete?: string } | undefined {
    const { params, results } = this.factoryParams(factory, imports);
    const [param] = params;
    if (params.length !== 1 || !param || results.length !== 2) return undefined;
    const required = config.filter((f) => f.required && f.sample !== undefined);
    const shape = param.shape;
    if (shape.kind === 'struct') {
      const empty = shape.pointer ? 'nil' : `${shape.literal}{}`;
      const all = required.every((f) => shape.fields.some((s) => s.name === f.name && s.type === f.type));
      if (!all || required.length === 0) return { type: param.type, empty };
      const keyed = required.map((f) => `${f.name}: ${f.sample ?? ''}`).join(', ');
      return { type: param.type, empty, complete: `${shape.pointer ? '&' : ''}${shape.literal}{${keyed}}` };
    }
    if (shape.kind === 'map') {
      const keyed = required.map((f) => `${JSON.stringify(f.key)}: ${f.sample ?? ''}`).join(', ');
      return { type: param.type, empty: 'nil', ...(required.length > 0 ? { complete: `${param.type}{${keyed}}` } : {}) };
    }
    return undefined;
  }

  // ---- the mock ----

  private mockPlacement(
    methods: InterfaceMethod[],
    iface: DeclaredType,
  ): { kind: 'create'; file: string; content: string } | { kind: 'append'; changes: FileChanges } | undefined {
    const mockName = `Mock${pascalCase(this.name)}`;
    const testUtils = joinRel(this.pkgDir, 'test_utils.go');
    const pkgNames = this.declaredNames(this.pkgDir);
    if (pkgNames.has(mockName)) return undefined;
    if (this.ws.exists(testUtils)) {
      const appended = this.appendMock(testUtils, mockName, methods, iface, pkgNames);
      if (appended) return { kind: 'append', changes: appended };
    }
    const mockDirs = ['mock', 'mocks'].map((d) => joinRel(this.providersDir, d)).filter((d) => goFilesIn(this.ws, d).length > 0);
    for (const dir of mockDirs) {
      const created = this.createMock(dir, joinRel(dir, `${this.ident}.go`), goPackageOf(this.ws, dir) ?? baseName(dir), mockName, methods, iface);
      if (created) return created;
    }
    if (!this.ws.exists(testUtils)) {
      const goPackage = goPackageOf(this.ws, this.pkgDir) ?? metricSegment(baseName(this.pkgDir));
      const created = this.createMock(this.pkgDir, testUtils, goPackage, mockName, methods, iface);
      if (created) return created;
    }
    const mocksDir = joinRel(this.providersDir, 'mocks');
    return this.createMock(mocksDir, joinRel(mocksDir, `${this.ident}.go`), 'mocks', mockName, methods, iface);
  }

  private declaredNames(dir: string): Set<string> {
    const names = new Set<string>();
    for (const file of goFilesIn(this.ws, dir, true)) {
      const facts = this.ws.factsOf(file);
      if (!facts) continue;
      for (const t of facts.types) names.add(t.name);
      for (const c of facts.consts) names.add(c.name);
      for (const v of facts.vars) names.add(v.name);
      for (const f of facts.funcs) if (f.receiverType === undefined) names.add(f.name);
    }
    return names;
  }

  private mockCode(imports: GoImports, mockName: string, methods: InterfaceMethod[], iface: DeclaredType, reserved: Set<string>): string {
    return mockDeclaration({
      providerName: this.name,
      typeName: mockName,
      iface: this.interfaces.reference(iface, imports),
      operations: this.operations(methods, iface, imports),
      reserved: new Set([...reserved, ...imports.takenNames()]),
    });
  }

  /** True when importing the packages `code` needs from folder `dir` would close an import cycle. */
  private closesCycle(imports: GoImports, code: string, dir: string): boolean {
    const own = importPathOfDir(this.modules, dir);
    if (own === undefined) return true;
    return imports.needed(code).some((spec) => importsTransitively(this.ws, this.modules, spec.path, own));
  }

  private createMock(dir: string, file: string, goPackage: string, mockName: string, methods: InterfaceMethod[], iface: DeclaredType) {
    if (this.ws.exists(file) || this.declaredNames(dir).has(mockName)) return undefined;
    const imports = new GoImports(importPathOfDir(this.modules, dir), [], this.declaredNames(dir));
    try {
      const code = this.mockCode(imports, mockName, methods, iface, new Set());
      if (this.closesCycle(imports, code, dir)) return undefined;
      const header = `package ${goPackage}`;
      const declaration = imports.declaration(code);
      return { kind: 'create' as const, file, content: `${header}\n\n${declaration === '' ? '' : `${declaration}\n`}${code}\n` };
    } catch (error) {
      if (error instanceof UnsupportedType) return undefined;
      throw error;
    }
  }

  private appendMock(file: string, mockName: string, methods: InterfaceMethod[], iface: DeclaredType, pkgNames: Set<string>): FileChanges | undefined {
    const text = this.ws.textOf(file);
    const facts = this.ws.factsOf(file);
    if (text === undefined || !facts || facts.syntaxErrors.count > 0) return undefined;
    // Blank and dot imports name nothing; an unaliased import outside the workspace whose path does
    // not end in an identifier (go-openai) goes by a name the facts do not know.
    const nameOf = (i: { path: string; alias?: string }) =>
      i.alias ?? goPackageOf(this.ws, dirOfImport(this.modules, i.path) ?? '\u0000') ?? (/^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(lastPathElement(i.path)) ? lastPathElement(i.path) : undefined);
    const unusable = new Set(facts.imports.filter((i) => i.alias === '_' || i.alias === '.' || nameOf(i) === undefined).map((i) => i.path));
    const present = facts.imports.filter((i) => !unusable.has(i.path)).map((i) => ({ path: i.path, name: nameOf(i) ?? '' }));
    const imports = new GoImports(importPathOfDir(this.modules, this.pkgDir), present, pkgNames);
    let code: string;
    try {
      code = this.mockCode(imports, mockName, methods, iface, new Set());
    } catch (error) {
      if (error instanceof UnsupportedType) return undefined;
      throw error;
    }
    const needed = imports.needed(code);
    if (needed.some((spec) => unusable.has(spec.path)) || this.closesCycle(imports, code, this.pkgDir)) return undefined;
    const end = positionAt(text, text.length);
    const separator = text.endsWith('\n') ? '\n' : '\n\n';
    return {
      file,
      changes: [...importChanges(text, needed), { range: { start: end, end }, newText: `${separator}${code}\n` }],
    };
  }
}

/** The plan adding provider `providerName` to the package at `packagePath`, or why it cannot. */
export function addProviderPlan(ws: FixWorkspace, packagePath: string, providerName: string): PlannedFix | { refused: string } {
  try {
    return new Planner(ws, packagePath, providerName).plan();
  } catch (error) {
    if (error instanceof Refusal || error instanceof UnimplementableInterface) return { refused: error.message };
    if (error instanceof UnsupportedType) return { refused: `The provider's Go cannot be written faithfully: ${error.message}.` };
    throw error;
  }
}
