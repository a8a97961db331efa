// The interface a new provider implements, and the name of its type.
import type { TypeFact } from '../facts/types';
import { rawQualifier, type InterfaceMethod } from './goOperations';
import { parseSignature } from './goTypes';
import { goFilesIn, resolveNamedType, type DeclaredType } from './goWorkspace';
import { joinRel } from '../workspace/walk';
import type { FactorySignature } from './providerRegistration';
import { NOT_PROVIDER_FOLDERS, Refusal, type ProviderTarget } from './providerTarget';

/** The interface the registry's factories return; the package's main one when they return any. */
export function interfaceOf(target: ProviderTarget, factory: FactorySignature): DeclaredType {
  const sig = parseSignature(factory.text, rawQualifier);
  const [first, second] = sig.results;
  if (!first || sig.results.length > 2 || (second && second.type !== 'error')) {
    throw new Refusal(`the registry's factories return ${sig.results.map((r) => r.type).join(', ') || 'nothing'}: only (X, error) and X are supported`);
  }
  if (first.type === 'any' || first.type === 'interface{}') return mainInterface(target);
  const declared = resolveNamedType(target.ws, target.modules, factory.ctx, first.type);
  if (!declared || declared.type.kind !== 'interface' || first.type.startsWith('*')) {
    throw new Refusal(`the registry's factories return ${first.type}, which is not an interface declared in the workspace`);
  }
  return declared;
}

/** The package's main exported interface: the one most existing providers implement, then the largest. */
function mainInterface(target: ProviderTarget): DeclaredType {
  const dirs = [target.pkgDir, joinRel(target.pkgDir, 'iface'), joinRel(target.pkgDir, 'registry')];
  const candidates = dirs.flatMap((dir) =>
    goFilesIn(target.ws, dir).flatMap((file) =>
      (target.ws.factsOf(file)?.types ?? []).filter((t) => t.kind === 'interface' && t.exported && t.methods.length > 0).map((type) => ({ file, dir, type })),
    ),
  );
  const implementers = (type: TypeFact) => existingImplementations(target, type.methods.map((m) => m.name)).length;
  const ranked = candidates.sort(
    (a, b) => implementers(b.type) - implementers(a.type) || b.type.methods.length - a.type.methods.length || a.type.name.localeCompare(b.type.name),
  );
  const best = ranked[0];
  if (!best) throw new Refusal(`the registry's factories return any, and ${target.model.packageName} declares no exported interface to implement`);
  return best;
}

/** Names of exported struct types in existing provider folders that have every method of `methods`. */
function existingImplementations(target: ProviderTarget, methods: string[]): string[] {
  const names: string[] = [];
  for (const entry of target.ws.listDir(target.providersDir)) {
    if (NOT_PROVIDER_FOLDERS.includes(entry)) continue;
    const files = goFilesIn(target.ws, joinRel(target.providersDir, entry));
    const facts = files.flatMap((f) => target.ws.factsOf(f) ?? []);
    for (const type of facts.flatMap((f) => f.types)) {
      if (type.kind !== 'struct' || !type.exported) continue;
      const own = new Set(facts.flatMap((f) => f.funcs).filter((f) => f.receiverType === type.name).map((f) => f.name));
      if (methods.every((m) => own.has(m))) names.push(type.name);
    }
  }
  return names;
}

export function providerTypeName(target: ProviderTarget, methods: InterfaceMethod[]): string {
  const counts = new Map<string, number>();
  for (const name of existingImplementations(target, methods.map((m) => m.name))) counts.set(name, (counts.get(name) ?? 0) + 1);
  // Most used first; on a tie, the default name Provider, then alphabetical order.
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || Number(b[0] === 'Provider') - Number(a[0] === 'Provider') || a[0].localeCompare(b[0]));
  const taken = new Set(['Config', 'ProviderName', 'ErrNotConnected', 'New', 'DefaultConfig']);
  const name = ranked.map(([n]) => n).find((n) => !taken.has(n) && !taken.has(`New${n}`));
  return name ?? 'Provider';
}
