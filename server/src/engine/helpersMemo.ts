// When an edit cannot change the workspace-wide helper sets (span starters,
// logging and trace-logging helpers, registry functions), so they need not be
// inferred again. The sets are least fixed points over every production
// function (model/starters.ts); a function can move them only if it "acts":
// starts a span, logs, reads the span context or trace id, calls a known
// helper, is named like one, or is a registry function. An edit whose added
// and removed functions do none of that, and that does not leave fewer
// definitions of a name that still has some (which could unblock the "every
// definition qualifies" rule), leaves every set as it was.
import type { Settings } from '../../../common/schemas/settings';
import type { FileFacts, FuncFact } from './facts/types';
import type { LoggingHelpers } from './model/logging';
import { isRegistryFunction } from './model/providers';
import { isMockDefinition, workspaceFuncs, type WorkspaceFunc } from './model/starters';

export interface WorkspaceHelpers {
  starters: Set<string>;
  logging: LoggingHelpers;
  registryFunctions: Set<string>;
}

interface Inferred {
  settings: Settings;
  files: Map<string, FileFacts>;
  helpers: WorkspaceHelpers;
  /** Definitions per function name, over the functions the inference reads. */
  definitions: Map<string, number>;
}

interface FunctionChanges {
  added: WorkspaceFunc[];
  removed: WorkspaceFunc[];
}

const POSITION_KEY = /(^r|R)ange$/;
const signatures = new WeakMap<FuncFact, string>();

/** A function without its positions: equal signatures read the same to the inference. */
function signature(func: FuncFact): string {
  let text = signatures.get(func);
  if (text === undefined) {
    text = JSON.stringify(func, (key, value: unknown) => (POSITION_KEY.test(key) ? undefined : value));
    signatures.set(func, text);
  }
  return text;
}

function inferenceFuncs(file: string, facts: FileFacts | undefined): WorkspaceFunc[] {
  return (facts?.funcs ?? []).filter((func) => !isMockDefinition(file, func)).map((func) => ({ file, func }));
}

/** Functions in `now` and not in `before` (as multisets of signatures). */
function minus(now: WorkspaceFunc[], before: WorkspaceFunc[]): WorkspaceFunc[] {
  const remaining = new Map<string, number>();
  for (const { func } of before) remaining.set(signature(func), (remaining.get(signature(func)) ?? 0) + 1);
  return now.filter(({ func }) => {
    const left = remaining.get(signature(func)) ?? 0;
    remaining.set(signature(func), left - 1);
    return left <= 0;
  });
}

function changedFunctions(before: Map<string, FileFacts>, now: [string, FileFacts][]): FunctionChanges {
  const changes: FunctionChanges = { added: [], removed: [] };
  const diff = (file: string, old: FileFacts | undefined, facts: FileFacts | undefined) => {
    const oldFuncs = inferenceFuncs(file, old);
    const newFuncs = inferenceFuncs(file, facts);
    changes.added.push(...minus(newFuncs, oldFuncs));
    changes.removed.push(...minus(oldFuncs, newFuncs));
  };
  let kept = 0;
  for (const [file, facts] of now) {
    const old = before.get(file);
    if (old !== undefined) kept += 1;
    if (old !== facts) diff(file, old, facts);
  }
  if (kept !== before.size) {
    const current = new Set(now.map(([file]) => file));
    for (const [file, old] of before) if (!current.has(file)) diff(file, old, undefined);
  }
  return changes;
}

function acts(change: WorkspaceFunc, known: Set<string>): boolean {
  const { func, file } = change;
  return (
    func.spanStarts.length > 0 ||
    func.logCalls.length > 0 ||
    func.readsSpanContext ||
    func.usesTraceID ||
    known.has(func.name) ||
    func.calls.some((call) => known.has(call.name)) ||
    isRegistryFunction(file, func)
  );
}

function knownNames(helpers: WorkspaceHelpers): Set<string> {
  return new Set([...helpers.starters, ...helpers.logging.logging, ...helpers.logging.traceLogging]);
}

function netDefinitions(changes: FunctionChanges): Map<string, number> {
  const net = new Map<string, number>();
  for (const { func } of changes.added) net.set(func.name, (net.get(func.name) ?? 0) + 1);
  for (const { func } of changes.removed) net.set(func.name, (net.get(func.name) ?? 0) - 1);
  return net;
}

function cannotChangeHelpers(changes: FunctionChanges, inferred: Inferred): boolean {
  const known = knownNames(inferred.helpers);
  if ([...changes.added, ...changes.removed].some((change) => acts(change, known))) return false;
  for (const [name, net] of netDefinitions(changes)) {
    if (net < 0 && (inferred.definitions.get(name) ?? 0) + net > 0) return false;
  }
  return true;
}

function countDefinitions(funcs: WorkspaceFunc[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { func } of funcs) counts.set(func.name, (counts.get(func.name) ?? 0) + 1);
  return counts;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((name) => b.has(name));
}

/** `now`, with each set that equals the one before replaced by it, so identities tell what changed. */
function keepEqualSets(before: WorkspaceHelpers, now: WorkspaceHelpers): WorkspaceHelpers {
  const keep = (a: Set<string>, b: Set<string>) => (sameSet(a, b) ? a : b);
  const logging = keep(before.logging.logging, now.logging.logging);
  const traceLogging = keep(before.logging.traceLogging, now.logging.traceLogging);
  const unchangedLogging = logging === before.logging.logging && traceLogging === before.logging.traceLogging;
  return {
    starters: keep(before.starters, now.starters),
    logging: unchangedLogging ? before.logging : { logging, traceLogging },
    registryFunctions: keep(before.registryFunctions, now.registryFunctions),
  };
}

/** True when `files` holds exactly the files of `production` (facts aside). */
function sameFiles(files: Map<string, FileFacts>, production: [string, FileFacts][]): boolean {
  return files.size === production.length && production.every(([file]) => files.has(file));
}

/** `files` with the facts of `production`, updated in place (same files, so nothing is added or removed). */
function takeFacts(files: Map<string, FileFacts>, production: [string, FileFacts][]): Map<string, FileFacts> {
  for (const [file, facts] of production) if (files.get(file) !== facts) files.set(file, facts);
  return files;
}

export class HelpersMemo {
  private inferred: Inferred | undefined;

  get(production: [string, FileFacts][], settings: Settings, compute: () => WorkspaceHelpers): WorkspaceHelpers {
    const last = this.inferred;
    if (last && last.settings === settings) {
      const changes = changedFunctions(last.files, production);
      if (cannotChangeHelpers(changes, last)) {
        for (const [name, net] of netDefinitions(changes)) last.definitions.set(name, (last.definitions.get(name) ?? 0) + net);
        last.files = sameFiles(last.files, production) ? takeFacts(last.files, production) : new Map(production);
        return last.helpers;
      }
    }
    const fresh = compute();
    const helpers = last ? keepEqualSets(last.helpers, fresh) : fresh;
    this.inferred = { settings, files: new Map(production), helpers, definitions: countDefinitions(workspaceFuncs(production)) };
    return helpers;
  }
}
