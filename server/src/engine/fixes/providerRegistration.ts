// The registration a new provider copies: an existing provider's call to its
// registry, the registry expression another package can write, and the
// signature of the factory that call takes.
import type { CallFact, FuncFact } from '../facts/types';
import { offsetAt } from './apply';
import { UnsupportedType } from './goTypeNames';
import { dirOfImport, goFilesIn, goPackageOf, importNamed, lastPathElement, resolveNamedType, sourceContext, type DeclaredType, type SourceContext } from './goWorkspace';
import { Refusal, type ProviderTarget } from './providerTarget';

/** A factory's signature text `(params) results`, and where its types are written. */
export interface FactorySignature {
  text: string;
  ctx: SourceContext;
}

export interface RegistrationShape {
  /** Import path and preferred name of the package the callee expression starts from, and the rest of it. */
  calleePath: string;
  calleeName: string;
  /** The callee after the package qualifier: `.GetRegistry().Register`. */
  calleeRest: string;
  factory: FactorySignature;
}

/** The first registration a new provider package can reproduce: auto-registered ones, then those in provider folders, first. */
export function registrationShape(target: ProviderTarget): RegistrationShape {
  const registrations = target.model.providerSupport?.registrations ?? [];
  if (registrations.length === 0) {
    throw new Refusal(
      `${target.model.packageName} has no provider registration to copy: register a first provider with its registry in func init(), then add providers like it.`,
    );
  }
  const inProviders = (file: string) => file.startsWith(`${target.providersDir}/`);
  const ordered = [...registrations].sort(
    (a, b) => Number(b.autoRegister) - Number(a.autoRegister) || Number(inProviders(b.file)) - Number(inProviders(a.file)) || a.file.localeCompare(b.file) || a.line - b.line,
  );
  const reasons: string[] = [];
  for (const registration of ordered) {
    try {
      return shapeOf(target, registration.file, registration.line);
    } catch (error) {
      if (!(error instanceof Refusal || error instanceof UnsupportedType)) throw error;
      reasons.push(`${registration.file}:${registration.line}: ${error.message}`);
    }
  }
  throw new Refusal(`No registration of ${target.model.packageName} can be reproduced from a new provider package (${reasons.join('; ')}).`);
}

function shapeOf(target: ProviderTarget, file: string, line: number): RegistrationShape {
  const facts = target.ws.factsOf(file);
  const found = (facts?.funcs ?? [])
    .flatMap((func) => func.calls.map((call) => ({ func, call })))
    .find(({ call }) => call.range.start.line + 1 === line && call.name.startsWith('Register'));
  if (!found) throw new Refusal('the registration call is not in the file any more');
  const { call } = found;
  if (call.argCount !== 2) throw new Refusal(`${call.name} takes ${call.argCount} arguments, not a name and a factory`);
  const ctx = sourceContext(target.ws, target.modules, file);
  const callee = calleeOf(target, call, ctx);
  const defDir = dirOfImport(target.modules, callee.calleePath);
  const factory = (defDir !== undefined ? factoryFromDefinition(target, defDir, call, callee.calleeRest) : undefined) ?? factoryFromFunction(target, call, ctx);
  if (!factory) throw new Refusal(`the factory type of ${call.name} cannot be found`);
  return { ...callee, factory };
}

function calleeOf(target: ProviderTarget, call: CallFact, ctx: SourceContext): Pick<RegistrationShape, 'calleePath' | 'calleeName' | 'calleeRest'> {
  if (call.operand === undefined) {
    if (!/^\p{Lu}/u.test(call.name)) throw new Refusal(`${call.name} is unexported`);
    if (ctx.importPath === undefined) throw new Refusal('its folder has no import path');
    return { calleePath: ctx.importPath, calleeName: goPackageOf(target.ws, ctx.dir) ?? lastPathElement(ctx.importPath), calleeRest: `.${call.name}` };
  }
  const match = /^([\p{L}_][\p{L}\p{Nd}_]*)((?:\(\))?(?:\.[\p{L}_][\p{L}\p{Nd}_]*(?:\(\))?)*)$/u.exec(call.operand.replace(/\s+/g, ''));
  const first = match?.[1];
  if (first === undefined || match?.[2] === undefined) throw new Refusal(`the registry expression ${call.operand} is not a plain selector`);
  const rest = `${match[2]}.${call.name}`;
  const imported = importNamed(target.ws, target.modules, ctx, first);
  if (imported !== undefined) return { calleePath: imported, calleeName: first, calleeRest: rest };
  const declared = goFilesIn(target.ws, ctx.dir).some((f) => {
    const facts = target.ws.factsOf(f);
    return facts?.vars.some((v) => v.name === first) || facts?.funcs.some((fn) => fn.receiverType === undefined && fn.name === first);
  });
  if (!declared || !/^\p{Lu}/u.test(first) || ctx.importPath === undefined) {
    throw new Refusal(`it reaches the registry through ${first}, which another package cannot name`);
  }
  return { calleePath: ctx.importPath, calleeName: goPackageOf(target.ws, ctx.dir) ?? lastPathElement(ctx.importPath), calleeRest: `.${first}${rest}` };
}

/** The factory parameter type of the Register function or method defined in `dir`. */
function factoryFromDefinition(target: ProviderTarget, dir: string, call: CallFact, rest: string): FactorySignature | undefined {
  const packageLevel = rest === `.${call.name}`;
  const candidates = goFilesIn(target.ws, dir).flatMap((file) =>
    (target.ws.factsOf(file)?.funcs ?? []).filter((f) => f.name === call.name && f.params.length >= 2).map((func) => ({ file, func })),
  );
  const preferred = candidates.find(({ func }) => (func.receiverType === undefined) === packageLevel) ?? candidates[0];
  const param = preferred?.func.params[1];
  if (!preferred || !param || param.type.startsWith('...')) return undefined;
  const ctx = sourceContext(target.ws, target.modules, preferred.file);
  return funcTypeText(target, param.type, ctx);
}

/** `func(...) ...` written out, or a named func type's declaration read from its file. */
function funcTypeText(target: ProviderTarget, typeText: string, ctx: SourceContext): FactorySignature | undefined {
  const literal = /^func\s*(\([\s\S]*)$/.exec(typeText.trim());
  if (literal?.[1] !== undefined) return { text: literal[1], ctx };
  const declared = resolveNamedType(target.ws, target.modules, ctx, typeText);
  if (!declared || typeText.trim().startsWith('*')) return undefined;
  const text = declarationText(target, declared);
  const name = declared.type.name;
  const match = text !== undefined ? new RegExp(`\\b${name}\\s*(?:=\\s*)?func\\s*(\\([\\s\\S]*)$`).exec(text) : null;
  if (match?.[1] === undefined) return undefined;
  return { text: match[1].trim(), ctx: sourceContext(target.ws, target.modules, declared.file) };
}

function declarationText(target: ProviderTarget, declared: DeclaredType): string | undefined {
  const source = target.ws.textOf(declared.file);
  if (source === undefined) return undefined;
  const { start, end } = declared.type.range;
  return source.slice(offsetAt(source, start), offsetAt(source, end));
}

/** The signature of the registration's factory function, when the registry's definition cannot be read. */
function factoryFromFunction(target: ProviderTarget, call: CallFact, ctx: SourceContext): FactorySignature | undefined {
  const factory = call.registerArgs?.factory;
  if (factory === undefined || factory === 'func' || factory === '') return undefined;
  const dot = factory.lastIndexOf('.');
  let dir = ctx.dir;
  if (dot >= 0) {
    const path = importNamed(target.ws, target.modules, ctx, factory.slice(0, dot));
    const imported = path !== undefined ? dirOfImport(target.modules, path) : undefined;
    if (imported === undefined) return undefined;
    dir = imported;
  }
  const name = factory.slice(dot + 1);
  for (const file of goFilesIn(target.ws, dir)) {
    const func = target.ws.factsOf(file)?.funcs.find((f: FuncFact) => f.name === name && f.receiverType === undefined);
    if (!func) continue;
    const params = func.params.map((p) => (p.name === undefined ? p.type : `${p.name} ${p.type}`)).join(', ');
    return { text: `(${params}) (${func.results.join(', ')})`, ctx: sourceContext(target.ws, target.modules, file) };
  }
  return undefined;
}
