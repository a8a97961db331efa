// Workspace-wide inference of helper names (spec §3): span starters, and the
// logging helpers inferred the same way. Both are least fixed points over the
// top-level functions and methods of every production file, mocks left out.
import type { FileFacts, FuncFact } from '../facts/types';

export interface WorkspaceFunc {
  file: string;
  func: FuncFact;
}

const MOCK_TYPE = /^(Mock|NoOp|Noop|noop)|Mock$/;

// Mock definitions never make a helper (spec §3): test_utils.go, paths with "mock" or
// "testutils" in a name, and methods of Mock.../...Mock/NoOp... types.
export function isMockDefinition(file: string, func: FuncFact): boolean {
  const lower = file.toLowerCase();
  if (lower.endsWith('/test_utils.go') || lower === 'test_utils.go') return true;
  if (lower.split('/').some((segment) => segment.includes('mock') || segment.includes('testutils'))) return true;
  return func.receiverType !== undefined && MOCK_TYPE.test(func.receiverType);
}

export function workspaceFuncs(files: Iterable<[string, FileFacts]>): WorkspaceFunc[] {
  const out: WorkspaceFunc[] = [];
  for (const [file, facts] of files) {
    for (const func of facts.funcs) if (!isMockDefinition(file, func)) out.push({ file, func });
  }
  return out;
}

function groupByName(funcs: WorkspaceFunc[]): Map<string, FuncFact[]> {
  const byName = new Map<string, FuncFact[]>();
  for (const { func } of funcs) {
    const defs = byName.get(func.name);
    if (defs) defs.push(func);
    else byName.set(func.name, [func]);
  }
  return byName;
}

interface InferenceRule {
  /** A definition qualifies given the names known so far. */
  qualifies(func: FuncFact, known: Set<string>): boolean;
  /** Names for which one qualifying definition is enough (rule (a) of the spec). */
  nameSuffices(name: string): boolean;
  /** Whether rule (b), "every definition qualifies", applies at all. */
  allDefinitionsRule: boolean;
}

function leastFixedPoint(funcs: WorkspaceFunc[], seed: Iterable<string>, rule: InferenceRule): Set<string> {
  const known = new Set(seed);
  const byName = groupByName(funcs);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, defs] of byName) {
      if (known.has(name)) continue;
      const qualifying = defs.filter((d) => rule.qualifies(d, known)).length;
      const isHelper = (qualifying > 0 && rule.nameSuffices(name)) || (rule.allDefinitionsRule && qualifying === defs.length);
      if (isHelper) {
        known.add(name);
        changed = true;
      }
    }
  }
  return known;
}

export function startsSpanDirectly(func: FuncFact): boolean {
  return func.spanStarts.length > 0;
}

export function callsAny(func: FuncFact, names: Set<string>): boolean {
  return func.calls.some((call) => names.has(call.name));
}

const CONTEXT_RESULT = /^context\.Context$/;
const SPAN_RESULT = /^(\w+\.)?Span$/;

function handsOnSpan(func: FuncFact): boolean {
  const shapeByResult = func.results.some((r) => CONTEXT_RESULT.test(r) || SPAN_RESULT.test(r));
  return shapeByResult || /start|span|trace/i.test(func.name);
}

export function inferSpanStarters(funcs: WorkspaceFunc[], configured: string[]): Set<string> {
  return leastFixedPoint(funcs, configured, {
    qualifies: (func, known) => (startsSpanDirectly(func) || callsAny(func, known)) && handsOnSpan(func),
    nameSuffices: (name) => /span|trace/i.test(name),
    allDefinitionsRule: true,
  });
}

function logsStructurally(func: FuncFact): boolean {
  return func.logCalls.some((call) => call.library !== 'other');
}

/** Logging helpers: functions named like `log...` that log through a structured library (or another helper). */
export function inferLoggingHelpers(funcs: WorkspaceFunc[]): Set<string> {
  return leastFixedPoint(funcs, [], {
    qualifies: (func, known) => logsStructurally(func) || callsAny(func, known),
    nameSuffices: (name) => /log/i.test(name),
    allDefinitionsRule: false,
  });
}

/** Trace-aware logging helpers: read the span context and hand the trace id to a log call. */
export function inferTraceLogHelpers(funcs: WorkspaceFunc[], loggingHelpers: Set<string>): Set<string> {
  return leastFixedPoint(funcs, [], {
    qualifies: (func, known) => passesTraceIdToLog(func, loggingHelpers) || callsAny(func, known),
    nameSuffices: (name) => /log|trace/i.test(name),
    allDefinitionsRule: true,
  });
}

export function passesTraceIdToLog(func: FuncFact, loggingHelpers: Set<string>): boolean {
  return func.readsSpanContext && func.usesTraceID && (func.logCalls.length > 0 || callsAny(func, loggingHelpers));
}
