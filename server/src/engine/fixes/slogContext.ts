// Quick fix of the per-call `logging/no-otel-context` (spec §3 Logging, §9):
// `slog.Info(msg, …)` where a context is in scope becomes
// `slog.InfoContext(ctx, msg, …)`, so the log record carries the trace id.
// Offered for the slog package functions and for calls on a value that is
// known to be a *slog.Logger (a parameter, a receiver field, a package
// variable or a local built by slog); the package-level finding gets none.
import type { FileFacts, FuncFact, LogCallFact } from '../facts/types';
import type { EngineDiagnostic } from '../rules/finding';
import { dirOf } from '../workspace/walk';
import { insertAt, offsetAt, positionAt } from './apply';
import { codeOnly, escapeRegExp, sameRange, textIn } from './codeText';
import { importedName } from './goImports';
import { goFilesWithFacts } from './packageContext';
import type { FixWorkspace, PlannedFix } from './plan';

const SLOG_LEVEL = /^(Debug|Info|Warn|Error)$/;
/** *slog.Logger methods that return a *slog.Logger. */
const SLOG_BUILDERS = new Set(['With', 'WithGroup']);

/** `*slog.Logger` or `slog.Logger`, written with the file's name for log/slog. */
function isLoggerType(type: string | undefined, slog: string): boolean {
  return type !== undefined && new RegExp(`^\\*?\\s*${escapeRegExp(slog)}\\.Logger$`).test(type.replace(/\s+/g, ''));
}

/** An expression that yields a *slog.Logger: `slog.Default()`, `slog.New(…)`, `slog.With(…)`. */
function isLoggerConstruction(expression: string, slog: string): boolean {
  return new RegExp(`^${escapeRegExp(slog)}\\s*\\.\\s*(Default|New|With)\\s*\\(`).test(expression.trim());
}

/** A package-level variable of the folder typed, or initialised, as a *slog.Logger. */
function isLoggerVar(ws: FixWorkspace, dir: string, name: string): boolean {
  const found = goFilesWithFacts(ws, dir).flatMap(({ file, facts }) => facts.vars.filter((v) => v.name === name).map((v) => ({ file, facts, v })));
  if (found.length !== 1) return false;
  const { file, facts, v } = found[0] as (typeof found)[number];
  const slog = importedName(facts.imports, 'log/slog');
  if (slog === undefined) return false;
  if (isLoggerType(v.type, slog)) return true;
  const text = ws.textOf(file);
  if (text === undefined || v.type !== undefined) return false;
  const rest = text.slice(offsetAt(text, v.range.end));
  const value = /^\s*=\s*([^\n]*)/.exec(rest)?.[1];
  return value !== undefined && isLoggerConstruction(value, slog);
}

/**
 * How `func` declares `name` before the call: as a *slog.Logger (`logger :=
 * slog.Default()`, `var logger *slog.Logger`), as something else, or not.
 */
function localLogger(text: string, func: FuncFact, call: LogCallFact, name: string, slog: string): 'logger' | 'other' | 'none' {
  if (!func.bodyRange) return 'none';
  const body = codeOnly(text.slice(offsetAt(text, func.bodyRange.start), offsetAt(text, call.range.start)));
  const n = escapeRegExp(name);
  const s = escapeRegExp(slog);
  const asLogger = new RegExp(`(^|[^A-Za-z0-9_.])${n}\\s*:?=\\s*${s}\\s*\\.\\s*(Default|New|With)\\s*\\(|\\bvar\\s+${n}\\s+\\*\\s*${s}\\s*\\.\\s*Logger\\b`);
  if (asLogger.test(body)) return 'logger';
  const declared = new RegExp(`(^|[^A-Za-z0-9_.])${n}\\s*(,\\s*[A-Za-z_][A-Za-z0-9_]*\\s*)*:=|(^|[^A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_]*\\s*,\\s*)+${n}\\s*:=|\\bvar\\s+${n}\\b`);
  return declared.test(body) ? 'other' : 'none';
}

/** `a.b(…).c(…)` as segments, each marked when called; undefined when the text is not such a chain. */
function chainSegments(code: string): { name: string; called: boolean }[] | undefined {
  const segments: { name: string; called: boolean }[] = [];
  let i = 0;
  while (i < code.length) {
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(code.slice(i))?.[0];
    if (name === undefined) return undefined;
    i += name.length;
    let called = false;
    if (code.charAt(i) === '(') {
      let depth = 0;
      for (; i < code.length; i++) {
        if (code.charAt(i) === '(') depth++;
        else if (code.charAt(i) === ')' && --depth === 0) break;
      }
      if (depth !== 0) return undefined;
      i += 1;
      called = true;
    }
    segments.push({ name, called });
    if (i === code.length) break;
    if (code.charAt(i) !== '.') return undefined;
    i += 1;
  }
  return segments;
}

/** Whether the callee's receiver is the slog package or a *slog.Logger, so the Context variant exists. */
function receiverIsSlog(ws: FixWorkspace, file: string, facts: FileFacts, text: string, func: FuncFact, call: LogCallFact): boolean {
  const slog = importedName(facts.imports, 'log/slog');
  if (slog === undefined || slog === '_' || slog === '.') return false;
  const operand = codeOnly(textIn(text, { start: call.range.start, end: call.nameRange.start })).replace(/\s+/g, '');
  if (!operand.endsWith('.')) return false;
  const segments = chainSegments(operand.slice(0, -1));
  if (!segments || segments.length === 0) return false;
  const firstCall = segments.findIndex((s) => s.called);
  const root = (firstCall === -1 ? segments : segments.slice(0, firstCall)).map((s) => s.name);
  const calls = firstCall === -1 ? [] : segments.slice(firstCall);
  if (calls.some((s) => !s.called)) return false;
  if (root.length === 1 && root[0] === slog) {
    // `slog.Info`, or a logger built by slog: `slog.Default().Info`, `slog.With(…).Info`.
    return calls.length === 0 || (['Default', 'New', 'With'].includes(calls[0]?.name ?? '') && calls.slice(1).every((s) => SLOG_BUILDERS.has(s.name)));
  }
  // Builder calls (`logger.With("k", v).Info`) keep a *slog.Logger.
  if (!calls.every((s) => SLOG_BUILDERS.has(s.name))) return false;
  return receiverRootIsLogger(ws, file, text, func, call, root, slog);
}

function receiverRootIsLogger(ws: FixWorkspace, file: string, text: string, func: FuncFact, call: LogCallFact, names: string[], slog: string): boolean {
  if (names.length === 1) {
    const name = names[0] as string;
    if (func.params.some((p) => p.name === name)) return func.params.some((p) => p.name === name && isLoggerType(p.type, slog));
    const local = localLogger(text, func, call, name, slog);
    return local === 'logger' || (local === 'none' && isLoggerVar(ws, dirOf(file), name));
  }
  if (names.length === 2 && names[0] === func.receiverVar && func.receiverType !== undefined) {
    const typeName = func.receiverType;
    const types = goFilesWithFacts(ws, dirOf(file)).flatMap(({ facts }) => facts.types.filter((t) => t.name === typeName && t.kind === 'struct').map((t) => ({ t, facts })));
    if (types.length !== 1) return false;
    const { t, facts } = types[0] as (typeof types)[number];
    const typeSlog = importedName(facts.imports, 'log/slog');
    const field = t.fields.find((f) => f.name === names[1] && !f.embedded);
    return typeSlog !== undefined && isLoggerType(field?.type, typeSlog);
  }
  return false;
}

export function slogContextPlans(d: EngineDiagnostic, ws: FixWorkspace): PlannedFix[] {
  if (d.rule !== 'logging/no-otel-context') return [];
  const facts = ws.factsOf(d.file);
  const text = ws.textOf(d.file);
  if (!facts || text === undefined) return [];
  for (const func of facts.funcs) {
    const call = func.logCalls.find((c) => sameRange(c.range, d.range));
    if (!call) continue;
    const name = textIn(text, call.nameRange);
    const ctx = call.contextName;
    if (call.library !== 'slog' || call.withContext || ctx === undefined || !SLOG_LEVEL.test(name)) return [];
    if (!receiverIsSlog(ws, d.file, facts, text, func, call)) return [];
    const afterName = offsetAt(text, call.nameRange.end);
    const open = /^\s*\(/.exec(text.slice(afterName));
    if (!open) return [];
    const argsAt = afterName + open[0].length;
    if (/^\s*\)/.test(text.slice(argsAt))) return [];
    // `f(\n  msg, …)` keeps its layout: `f(ctx,\n  msg, …)`; gofmt drops a space before a newline.
    const argument = /^[ \t]*\r?\n/.test(text.slice(argsAt)) ? `${ctx},` : `${ctx}, `;
    const operand = textIn(text, { start: call.range.start, end: call.nameRange.start }).replace(/\s+/g, '');
    const callee = operand.includes('(') ? '' : operand;
    return [
      {
        title: `Use ${callee}${name}Context(${ctx}, …)`,
        changes: [
          {
            file: d.file,
            changes: [
              { range: call.nameRange, newText: `${name}Context` },
              insertAt(positionAt(text, argsAt), argument),
            ],
          },
        ],
        creations: [],
        safe: true,
      },
    ];
  }
  return [];
}
