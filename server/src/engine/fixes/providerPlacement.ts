// Where the mock of a new provider goes, and its code there.
import type { InterfaceMethod } from './goOperations';
import { importChanges } from './goImports';
import { positionAt } from './apply';
import { UnsupportedType } from './goTypeNames';
import { GoImports, dirOfImport, goFilesIn, goPackageOf, importPathOfDir, importsTransitively, lastPathElement, type DeclaredType } from './goWorkspace';
import { metricSegment, pascalCase } from './names';
import type { FileChanges } from './plan';
import { mockDeclaration } from './providerMock';
import type { ProviderTarget } from './providerTarget';
import { baseName, joinRel } from '../workspace/walk';

/** The mock as a new file or an addition to test_utils.go; undefined when a mock of that name exists or no place takes it. */
export function mockPlacement(
  target: ProviderTarget,
  methods: InterfaceMethod[],
  iface: DeclaredType,
): { kind: 'create'; file: string; content: string } | { kind: 'append'; changes: FileChanges } | undefined {
  const mockName = `Mock${pascalCase(target.name)}`;
  const testUtils = joinRel(target.pkgDir, 'test_utils.go');
  const pkgNames = declaredNames(target, target.pkgDir);
  if (pkgNames.has(mockName)) return undefined;
  if (target.ws.exists(testUtils)) {
    const appended = appendMock(target, testUtils, mockName, methods, iface, pkgNames);
    if (appended) return { kind: 'append', changes: appended };
  }
  const mockDirs = ['mock', 'mocks'].map((d) => joinRel(target.providersDir, d)).filter((d) => goFilesIn(target.ws, d).length > 0);
  for (const dir of mockDirs) {
    const created = createMock(target, dir, joinRel(dir, `${target.ident}.go`), goPackageOf(target.ws, dir) ?? baseName(dir), mockName, methods, iface);
    if (created) return created;
  }
  if (!target.ws.exists(testUtils)) {
    const goPackage = goPackageOf(target.ws, target.pkgDir) ?? metricSegment(baseName(target.pkgDir));
    const created = createMock(target, target.pkgDir, testUtils, goPackage, mockName, methods, iface);
    if (created) return created;
  }
  const mocksDir = joinRel(target.providersDir, 'mocks');
  return createMock(target, mocksDir, joinRel(mocksDir, `${target.ident}.go`), 'mocks', mockName, methods, iface);
}

function declaredNames(target: ProviderTarget, dir: string): Set<string> {
  const names = new Set<string>();
  for (const file of goFilesIn(target.ws, dir, true)) {
    const facts = target.ws.factsOf(file);
    if (!facts) continue;
    for (const t of facts.types) names.add(t.name);
    for (const c of facts.consts) names.add(c.name);
    for (const v of facts.vars) names.add(v.name);
    for (const f of facts.funcs) if (f.receiverType === undefined) names.add(f.name);
  }
  return names;
}

function mockCode(
  target: ProviderTarget,
  imports: GoImports,
  mockName: string,
  methods: InterfaceMethod[],
  iface: DeclaredType,
  reserved: Set<string>,
): string {
  return mockDeclaration({
    providerName: target.name,
    typeName: mockName,
    iface: target.interfaces.reference(iface, imports),
    operations: target.interfaces.operations(methods, iface, imports),
    reserved: new Set([...reserved, ...imports.takenNames()]),
  });
}

/** True when importing the packages `code` needs from folder `dir` would close an import cycle. */
function closesCycle(target: ProviderTarget, imports: GoImports, code: string, dir: string): boolean {
  const own = importPathOfDir(target.modules, dir);
  if (own === undefined) return true;
  return imports.needed(code).some((spec) => importsTransitively(target.ws, target.modules, spec.path, own));
}

function createMock(target: ProviderTarget, dir: string, file: string, goPackage: string, mockName: string, methods: InterfaceMethod[], iface: DeclaredType) {
  if (target.ws.exists(file) || declaredNames(target, dir).has(mockName)) return undefined;
  const imports = new GoImports(importPathOfDir(target.modules, dir), [], declaredNames(target, dir));
  try {
    const code = mockCode(target, imports, mockName, methods, iface, new Set());
    if (closesCycle(target, imports, code, dir)) return undefined;
    const header = `package ${goPackage}`;
    const declaration = imports.declaration(code);
    return { kind: 'create' as const, file, content: `${header}\n\n${declaration === '' ? '' : `${declaration}\n`}${code}\n` };
  } catch (error) {
    if (error instanceof UnsupportedType) return undefined;
    throw error;
  }
}

function appendMock(
  target: ProviderTarget,
  file: string,
  mockName: string,
  methods: InterfaceMethod[],
  iface: DeclaredType,
  pkgNames: Set<string>,
): FileChanges | undefined {
  const text = target.ws.textOf(file);
  const facts = target.ws.factsOf(file);
  if (text === undefined || !facts || facts.syntaxErrors.count > 0) return undefined;
  // Blank and dot imports name nothing; an unaliased import outside the workspace whose path does
  // not end in an identifier (go-openai) goes by a name the facts do not know.
  const nameOf = (i: { path: string; alias?: string }) =>
    i.alias ?? goPackageOf(target.ws, dirOfImport(target.modules, i.path) ?? '\u0000') ?? (/^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(lastPathElement(i.path)) ? lastPathElement(i.path) : undefined);
  const unusable = new Set(facts.imports.filter((i) => i.alias === '_' || i.alias === '.' || nameOf(i) === undefined).map((i) => i.path));
  const present = facts.imports.filter((i) => !unusable.has(i.path)).map((i) => ({ path: i.path, name: nameOf(i) ?? '' }));
  const imports = new GoImports(importPathOfDir(target.modules, target.pkgDir), present, pkgNames);
  let code: string;
  try {
    code = mockCode(target, imports, mockName, methods, iface, new Set());
  } catch (error) {
    if (error instanceof UnsupportedType) return undefined;
    throw error;
  }
  const needed = imports.needed(code);
  if (needed.some((spec) => unusable.has(spec.path)) || closesCycle(target, imports, code, target.pkgDir)) return undefined;
  const end = positionAt(text, text.length);
  const separator = text.endsWith('\n') ? '\n' : '\n\n';
  return {
    file,
    changes: [...importChanges(text, needed), { range: { start: end, end }, newText: `${separator}${code}\n` }],
  };
}
