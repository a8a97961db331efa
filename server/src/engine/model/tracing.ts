// Tracing of public methods (spec §3): which methods count, which are traced
// and how, span hygiene.
import type { TracedMethod } from '../../../../common/schemas/entities';
import type { Settings } from '../../../../common/schemas/settings';
import type { FuncFact } from '../facts/types';
import type { Finding } from '../rules/finding';
import { matchesGlob } from '../util/glob';
import { dirOf } from '../workspace/walk';
import { callsAny, startsSpanDirectly } from './starters';
import { relToPackage, type PackageView } from './view';

export type How = TracedMethod['how'];

export interface PublicMethod {
  file: string;
  func: FuncFact;
  how: How;
}

const EXCLUDED_SEGMENTS = new Set(['iface', 'internal', 'testutils']);
const isExported = (name: string) => /^\p{Lu}/u.test(name);

/** Files whose functions can be public methods: the package folder and providers/**, minus the exclusions. */
function isCountedFile(view: PackageView, file: string, exclude: string[]): boolean {
  const inside = relToPackage(view, file);
  const segments = inside.split('/');
  const inScope = segments.length === 1 || segments[0] === 'providers';
  if (!inScope || segments.slice(0, -1).some((s) => EXCLUDED_SEGMENTS.has(s))) return false;
  if (segments.at(-1) === 'test_utils.go' || segments.some((s) => s.toLowerCase().includes('mock'))) return false;
  return !exclude.some((pattern) => matchesGlob(pattern, file));
}

function isPublic(func: FuncFact): boolean {
  if (!isExported(func.name)) return false;
  if (func.receiverType === undefined) return true;
  return isExported(func.receiverType) && !/^Mock|Mock$/.test(func.receiverType);
}

function returnsContext(func: FuncFact): boolean {
  return func.results.some((r) => r === 'context.Context');
}

/** Decides how every function of the package's production files is traced, delegation to a fixed point. */
function tracedHow(view: PackageView, starters: Set<string>, countDelegation: boolean): Map<FuncFact, How> {
  const how = new Map<FuncFact, How>();
  const byReceiver = new Map<string, FuncFact[]>();
  for (const file of view.productionFiles) {
    for (const func of view.facts(file)?.funcs ?? []) {
      how.set(func, startsSpanDirectly(func) ? 'direct' : callsAny(func, starters) ? 'starter' : 'none');
      if (func.receiverType === undefined) continue;
      const key = `${dirOf(file)}\u0000${func.receiverType}`;
      byReceiver.set(key, [...(byReceiver.get(key) ?? []), func]);
    }
  }
  if (countDelegation) for (const methods of byReceiver.values()) propagateDelegation(methods, how);
  return how;
}

function propagateDelegation(methods: FuncFact[], how: Map<FuncFact, How>): void {
  for (let changed = true; changed; ) {
    changed = false;
    const traced = new Set(methods.filter((m) => how.get(m) !== 'none').map((m) => m.name));
    for (const method of methods) {
      if (how.get(method) !== 'none') continue;
      if (method.calls.some((call) => call.onReceiver && traced.has(call.name))) {
        how.set(method, 'delegation');
        changed = true;
      }
    }
  }
}

export interface TracingResult {
  methods: PublicMethod[];
  /** Public methods counted with scope `all`. */
  allPublicMethods: number;
}

export function publicMethods(view: PackageView, settings: Settings, starters: Set<string>): TracingResult {
  const how = tracedHow(view, starters, settings.tracing.countDelegation);
  const methods: PublicMethod[] = [];
  let allPublicMethods = 0;
  for (const file of view.productionFiles) {
    if (!isCountedFile(view, file, settings.tracing.exclude)) continue;
    for (const func of view.facts(file)?.funcs ?? []) {
      if (!isPublic(func) || returnsContext(func)) continue;
      allPublicMethods += 1;
      if (settings.tracing.scope === 'context' && func.contextParams.length === 0) continue;
      methods.push({ file, func, how: how.get(func) ?? 'none' });
    }
  }
  return { methods, allPublicMethods };
}

export function methodName(func: FuncFact): string {
  return func.receiverType ? `${func.receiverType}.${func.name}` : func.name;
}

export function toTracedMethod(method: PublicMethod): TracedMethod {
  return {
    name: methodName(method.func),
    file: method.file,
    line: method.func.nameRange.start.line + 1,
    traced: method.how !== 'none',
    how: method.how,
  };
}

export function tracingPattern(methods: PublicMethod[]): 'direct' | 'helper' | 'mixed' | 'none' {
  const direct = methods.some((m) => m.how === 'direct');
  const helper = methods.some((m) => m.how === 'starter');
  if (direct && helper) return 'mixed';
  if (direct) return 'direct';
  if (helper) return 'helper';
  return methods.some((m) => m.how === 'delegation') ? 'direct' : 'none';
}

export function untracedFindings(view: PackageView, methods: PublicMethod[]): Finding[] {
  return methods
    .filter((m) => m.how === 'none')
    .map((m) => ({
      rule: 'otel/untraced-method',
      file: m.file,
      range: m.func.nameRange,
      message: `${methodName(m.func)} is public but starts no span: start one with the package's tracer (span name "${spanName(view, m.func)}").`,
      fix: 'Add a span',
    }));
}

export function spanName(view: PackageView, func: FuncFact): string {
  const pkg = view.pkg.name.split('/').at(-1) ?? view.pkg.name;
  return [pkg, func.receiverType, func.name].filter((p) => p !== undefined).join('.');
}

export function spanHygieneFindings(view: PackageView): Finding[] {
  const findings: Finding[] = [];
  for (const file of view.productionFiles) {
    for (const func of view.facts(file)?.funcs ?? []) {
      for (const start of func.spanStarts) {
        const name = start.spanVar;
        if (name === undefined) continue;
        if (!start.ended && !start.handedOn) {
          findings.push({
            rule: 'otel/span-not-ended',
            file,
            range: start.range,
            message: `The span started in ${methodName(func)} is never ended: add \`defer ${name === '_' ? 'span' : name}.End()\` after starting it.`,
            fix: 'Add defer span.End()',
          });
        }
        if (start.returnsErrorAfter && !start.errorRecorded) {
          findings.push({
            rule: 'otel/span-error-not-recorded',
            file,
            range: start.range,
            message: `${methodName(func)} returns errors after starting a span but never calls ${name}.RecordError or ${name}.SetStatus: record the error on the span.`,
          });
        }
      }
    }
  }
  return findings;
}
